import { SlackDeliveryError } from '../errors.ts';
import { shortlistMessage } from '../render/shortlist.ts';
import type { Reviewer } from '../../ports.ts';
import type { SlackMessageRef } from '../services.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * Redraws a card after a decision, in the message it was taken in. When Slack says "later" (429,
 * network trouble) the redraw is queued; any other failure is reported. Never thrown: the decision
 * itself is already recorded.
 */
export async function refreshCard(
  deps: ListenerDeps,
  jobId: string,
  reviewer: Reviewer,
  slackUserId: string,
  ref: SlackMessageRef | undefined,
) {
  if (!ref) return;
  try {
    const [card, skipReasons] = await Promise.all([
      deps.services.buildCard(jobId, reviewer),
      deps.services.skipReasons(),
    ]);
    await deps.slack.updateMessage(ref, shortlistMessage(card, skipReasons));
  } catch (err) {
    const failure = err instanceof SlackDeliveryError ? err.failure : undefined;
    deps.log.warn({ err, jobId }, 'could not refresh a shortlist card after a decision');
    try {
      if (failure?.kind === 'rate_limited' || failure?.kind === 'transient') {
        const wait = failure.kind === 'rate_limited' ? failure.retryAfterMs : 0;
        const notBefore = new Date(Date.now() + wait);
        await deps.services.queueCardRefresh({ jobId, recipient: slackUserId, reviewer, notBefore });
      } else {
        await deps.services.reportError({ source: 'slack:chat.update', message: failure?.code ?? 'card_refresh_failed' });
      }
    } catch (again) {
      deps.log.error({ err: again, jobId }, 'could not queue or report a failed card refresh');
    }
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
