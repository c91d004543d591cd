import type { ConversationReference } from 'botbuilder';
import type { ChatConversations, DispositionStatus } from '../ports.ts';
import { continueIn } from './cards.ts';
import type { TeamsConnector } from './connector.ts';
import { parseReference } from './conversations.ts';
import { TeamsDeliveryError } from './errors.ts';
import { cardMessage } from './messages.ts';
import { parseTeamsProgressRef } from './progress-ref.ts';
import { dispositionProgressCard } from './render/disposition.ts';

/**
 * Redraws a batch's progress card (the message whose card turned into it) with this status, in place,
 * as a proactive update: the core calls it once the batch's last application settles. The stored
 * conversation gives the reference; without one (forgotten meanwhile) the ref's own ids are enough.
 */
export async function showDispositionProgress(
  connector: TeamsConnector,
  conversations: ChatConversations,
  ref: unknown,
  status: DispositionStatus,
): Promise<void> {
  const where = parseTeamsProgressRef(ref);
  if (!where) throw new TeamsDeliveryError({ kind: 'other', code: 'bad_progress_ref' }, 'showDispositionProgress');
  const stored = await conversations.get(where.conversationId);
  const base: Partial<ConversationReference> = (stored && parseReference(stored.reference)) ?? { channelId: 'msteams' };
  const reference = {
    ...base,
    conversation: { ...(base.conversation ?? {}), id: where.conversationId } as ConversationReference['conversation'],
    serviceUrl: where.serviceUrl,
  };
  const message = cardMessage(dispositionProgressCard(where, status));
  await continueIn(connector, reference, 'update', async (ctx) => void (await ctx.updateActivity({ ...message, id: where.activityId })));
}
