import type { Prisma } from '../../generated/sqlite/client.ts';
import type { ChatChannel, ChatConversations, StoredConversation } from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';

type Row = { conversationId: string; scope: string; userId: string | null; email: string | null; reference: unknown };

const SCOPES = new Set<StoredConversation['scope']>(['personal', 'channel', 'group']);

function toStored(row: Row | null): StoredConversation | null {
  if (!row || !SCOPES.has(row.scope as StoredConversation['scope'])) return null;
  if (!row.reference || typeof row.reference !== 'object') return null;
  return {
    conversationId: row.conversationId,
    scope: row.scope as StoredConversation['scope'],
    ...(row.userId ? { userId: row.userId } : {}),
    ...(row.email ? { email: row.email } : {}),
    reference: row.reference,
  };
}

/**
 * The conversations one front door has learnt (Teams conversation references), in the database so
 * every process (web, worker) can write to them and a restart forgets none.
 */
export class CoreChatConversations implements ChatConversations {
  constructor(
    private readonly ctx: Pick<AppContext, 'db'>,
    private readonly channel: ChatChannel,
  ) {}

  async save(c: StoredConversation): Promise<void> {
    const data = {
      scope: c.scope,
      userId: c.userId ?? null,
      email: c.email?.trim().toLowerCase() || null,
      reference: c.reference as Prisma.InputJsonValue,
    };
    await this.ctx.db.chatConversation.upsert({
      where: { platform_conversationId: { platform: this.channel, conversationId: c.conversationId } },
      create: { platform: this.channel, conversationId: c.conversationId, ...data },
      // A save from a message that carried no roster lookup keeps the email learnt before.
      update: { ...data, userId: data.userId ?? undefined, email: data.email ?? undefined },
    });
  }

  async personal(by: { userId?: string; email?: string }): Promise<StoredConversation | null> {
    const where = { platform: this.channel, scope: 'personal' };
    const order = { updatedAt: 'desc' } as const;
    if (by.userId) {
      const row = await this.ctx.db.chatConversation.findFirst({
        where: { ...where, userId: by.userId },
        orderBy: order,
      });
      if (row) return toStored(row);
    }
    const email = by.email?.trim().toLowerCase();
    if (!email) return null;
    return toStored(await this.ctx.db.chatConversation.findFirst({ where: { ...where, email }, orderBy: order }));
  }

  async get(conversationId: string): Promise<StoredConversation | null> {
    return toStored(await this.ctx.db.chatConversation.findUnique({
      where: { platform_conversationId: { platform: this.channel, conversationId } },
    }));
  }

  async forget(conversationId: string): Promise<void> {
    await this.ctx.db.chatConversation.deleteMany({ where: { platform: this.channel, conversationId } });
  }

  async digestTarget(): Promise<StoredConversation | null> {
    return toStored(await this.ctx.db.chatConversation.findFirst({ where: { platform: this.channel, digest: true } }));
  }

  async setDigestTarget(conversationId: string): Promise<void> {
    await this.ctx.db.$transaction([
      this.ctx.db.chatConversation.updateMany({
        where: { platform: this.channel, digest: true },
        data: { digest: false },
      }),
      this.ctx.db.chatConversation.updateMany({
        where: { platform: this.channel, conversationId },
        data: { digest: true },
      }),
    ]);
  }
}
