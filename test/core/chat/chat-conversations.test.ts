// The conversations a chat front door learnt (Teams conversation references), on both databases: a 1:1
// chat found by the person's Entra id or their email in any case, re-saves that keep what they do not
// carry, one digest channel at a time, forgetting, and one front door's never seen by another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreChatConversations } from '../../../src/core/chat/chat-conversations.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';

const ref = (id: string) => ({ channelId: 'msteams', serviceUrl: 'https://smba.test/teams/', conversation: { id } });

describe.each(DB_KINDS)('ChatConversations on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('stores, finds, refreshes and forgets conversations, and keeps one digest channel', async () => {
    const teams = new CoreChatConversations(env.ctx, 'teams');
    const slack = new CoreChatConversations(env.ctx, 'slack');
    await teams.save({ conversationId: 'a:dana', scope: 'personal', userId: 'aad-dana', email: 'Dana.Lee@Example.com', reference: ref('a:dana') });
    expect(await teams.personal({ email: 'dana.lee@example.COM' })).toEqual({
      conversationId: 'a:dana', scope: 'personal', userId: 'aad-dana', email: 'dana.lee@example.com', reference: ref('a:dana'),
    });
    expect(await teams.personal({ userId: 'aad-dana' })).toMatchObject({ conversationId: 'a:dana' });
    expect(await slack.personal({ userId: 'aad-dana' })).toBeNull();

    // A later save without the roster lookup keeps the email and id learnt before.
    await teams.save({ conversationId: 'a:dana', scope: 'personal', reference: { ...ref('a:dana'), serviceUrl: 'https://smba.test/emea/' } });
    expect(await teams.get('a:dana')).toMatchObject({ userId: 'aad-dana', email: 'dana.lee@example.com', reference: { serviceUrl: 'https://smba.test/emea/' } });

    await teams.save({ conversationId: '19:general', scope: 'channel', reference: ref('19:general') });
    await teams.save({ conversationId: '19:hiring', scope: 'channel', reference: ref('19:hiring') });
    expect(await teams.personal({ email: '' })).toBeNull();
    expect(await teams.digestTarget()).toBeNull();
    await teams.setDigestTarget('19:general');
    await teams.setDigestTarget('19:hiring');
    expect(await teams.digestTarget()).toMatchObject({ conversationId: '19:hiring', scope: 'channel' });

    await teams.forget('a:dana');
    expect(await teams.personal({ userId: 'aad-dana' })).toBeNull();
    expect(await teams.get('19:hiring')).not.toBeNull();
  });
});
