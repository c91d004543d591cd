import { SlackDeliveryError } from '../errors.ts';
import { shortlistMessage } from '../render/shortlist.ts';
import type { Reviewer, SlackMessageRef } from '../services.ts';
import type { ListenerDeps } from './deps.ts';

/** Redraws a card after a decision, in the message it was taken in; a failure is reported, not thrown. */
export async function refreshCard(
  deps: ListenerDeps,
  jobId: string,
  reviewer: Reviewer,
  ref: SlackMessageRef | undefined,
) {
  if (!ref) return;
  try {
    await deps.slack.updateMessage(ref, shortlistMessage(await deps.services.buildCard(jobId, reviewer)));
  } catch (err) {
    const code = err instanceof SlackDeliveryError ? err.failure.code : 'card_refresh_failed';
    deps.log.warn({ err, jobId }, 'could not refresh a shortlist card after a decision');
    await deps.services.reportError({ source: 'slack:chat.update', message: code }).catch(() => {});
  }
}

/** Says something to one person only: a DM from the app. */
export async function tell(deps: ListenerDeps, slackUserId: string, message: Parameters<ListenerDeps['slack']['postMessage']>[1]) {
  try {
    await deps.slack.postMessage(slackUserId, message);
  } catch (err) {
    deps.log.warn({ err }, 'could not send a private reply');
  }
}
