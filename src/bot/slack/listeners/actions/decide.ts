import { UsageError } from '../../../ports.ts';
import { decodeCandidate, rankOfAction, skipReasonActionId, verdictOfAction } from '../../ids.ts';
import { blockActionSchema, clickedMessage, selectedInMessage } from '../../payloads.ts';
import { textMessage } from '../../render/help.ts';
import type { ActionArgs, ListenerDeps } from '../deps.ts';
import { reviewerForJob } from '../reviewer-for-job.ts';
import { refreshCard, tell } from '../refresh-card.ts';

/**
 * Approve / Skip / Maybe on a card: ack at once, check the clicker may decide on this job, record the
 * decision through the core's one entry point (a Skip with the reason picked beside that candidate, if
 * any), and redraw the card in place.
 */
export async function decideAction({ body, ack }: ActionArgs, deps: ListenerDeps) {
  await ack();
  const payload = blockActionSchema.safeParse(body);
  if (!payload.success) {
    deps.log.warn({ issues: payload.error.issues.length }, 'ignored a malformed block_actions payload');
    return;
  }
  const action = payload.data.actions[0]!;
  const verdict = verdictOfAction(action.action_id);
  const target = decodeCandidate(action.value);
  const userId = payload.data.user.id;
  if (!verdict || !target) return;
  const reviewer = await reviewerForJob(deps, userId, target.jobId);
  if (!reviewer) return;
  const rank = rankOfAction(action.action_id);
  const skipReasonId = verdict === 'skip' && rank !== null ? selectedInMessage(payload.data, skipReasonActionId(rank)) : undefined;
  try {
    const decision = { ...target, reviewer, verdict, ...(skipReasonId ? { skipReasonId } : {}) };
    const recorded = await deps.services.recordDecision(decision);
    if (!recorded) await tell(deps, userId, textMessage('That candidate is no longer in Skima; the card is refreshed.'));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await tell(deps, userId, textMessage(`${err.message} Nothing was recorded.`));
  }
  await refreshCard(deps, target.jobId, reviewer, userId, clickedMessage(payload.data));
}
