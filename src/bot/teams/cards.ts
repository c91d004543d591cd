import type { Reviewer, StoredConversation } from '../ports.ts';
import type { TeamsConnector } from './connector.ts';
import { parseReference } from './conversations.ts';
import { asTeamsDeliveryError, TeamsDeliveryError } from './errors.ts';
import { cardMessage } from './messages.ts';
import { drawShortlist } from './shortlist-card.ts';
import type { TeamsCardRef, TeamsServices } from './services.ts';

export interface PublishedCard {
  ref: TeamsCardRef;
  /** false when the card posted before was updated in place. */
  posted: boolean;
}

/**
 * Sends a person a job's shortlist card in their 1:1 chat with Skima, or updates the one sent before
 * in place (so the chat holds one live card per job, not a pile of stale ones); a card that is gone
 * (deleted, or its chat closed) is posted afresh. Failures come out classified (TeamsDeliveryError).
 */
export async function publishCard(
  connector: TeamsConnector,
  services: TeamsServices,
  input: { jobId: string; recipient: string; conversation: StoredConversation; reviewer: Reviewer },
): Promise<PublishedCard> {
  const reference = parseReference(input.conversation.reference);
  if (!reference) throw new TeamsDeliveryError({ kind: 'recipient', code: 'bad_conversation_reference' }, 'publishCard');
  const message = cardMessage(await drawShortlist(services, input.jobId, input.reviewer));
  const previous = await services.cardRef(input.jobId, input.recipient);
  if (previous) {
    try {
      const where = {
        ...reference,
        conversation: { ...reference.conversation!, id: previous.conversationId },
        serviceUrl: previous.serviceUrl,
      };
      await continueIn(connector, where, 'update', async (ctx) => void (await ctx.updateActivity({ ...message, id: previous.activityId })));
      return { ref: previous, posted: false };
    } catch (err) {
      if (!(err instanceof TeamsDeliveryError) || err.failure.kind !== 'message_gone') throw err;
    }
  }
  let ref: TeamsCardRef | undefined;
  await continueIn(connector, reference, 'send', async (ctx) => {
    const sent = await ctx.sendActivity(message);
    if (!sent?.id) return;
    ref = { conversationId: ctx.activity.conversation.id, activityId: sent.id, serviceUrl: ctx.activity.serviceUrl };
  });
  if (!ref) throw new TeamsDeliveryError({ kind: 'other', code: 'no_activity_id' }, 'sendActivity');
  await services.saveCardRef(input.jobId, input.recipient, ref, input.reviewer);
  return { ref, posted: true };
}

/** One proactive turn, its failure classified by what it attempted. */
export async function continueIn(
  connector: TeamsConnector,
  reference: Parameters<TeamsConnector['continue']>[0],
  op: 'send' | 'update',
  logic: Parameters<TeamsConnector['continue']>[1],
): Promise<void> {
  try {
    await connector.continue(reference, logic);
  } catch (err) {
    throw asTeamsDeliveryError(err, op, op === 'send' ? 'sendActivity' : 'updateActivity');
  }
}
