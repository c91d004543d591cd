import { SlackDeliveryError } from './errors.ts';
import { shortlistMessage } from './render/shortlist.ts';
import type { Reviewer } from '../ports.ts';
import type { SlackMessageRef, SlackServices } from './services.ts';
import type { SlackApi } from './slack-api.ts';

export interface PublishedCard {
  ref: SlackMessageRef;
  /** false when the existing message was updated in place. */
  posted: boolean;
}

/** The stored message is gone (deleted, or its conversation closed): post a fresh one instead. */
const gone = (err: unknown) =>
  err instanceof SlackDeliveryError
  && (err.failure.kind === 'message_gone' || err.failure.code === 'channel_not_found');

/**
 * Sends a reviewer the job's shortlist card as a DM, or updates the one sent before (chat.update, so
 * the DM holds one live card per job rather than a pile of stale ones).
 */
export async function publishCard(
  slack: SlackApi,
  services: SlackServices,
  input: { jobId: string; slackUserId: string; reviewer: Reviewer },
): Promise<PublishedCard> {
  const [card, skipReasons] = await Promise.all([
    services.buildCard(input.jobId, input.reviewer),
    services.skipReasons(),
  ]);
  const message = shortlistMessage(card, skipReasons);
  const previous = await services.cardRef(input.jobId, input.slackUserId);
  if (previous) {
    try {
      await slack.updateMessage(previous, message);
      return { ref: previous, posted: false };
    } catch (err) {
      if (!gone(err)) throw err;
    }
  }
  const ref = await slack.postMessage(input.slackUserId, message);
  await services.saveCardRef(input.jobId, input.slackUserId, ref, input.reviewer);
  return { ref, posted: true };
}
