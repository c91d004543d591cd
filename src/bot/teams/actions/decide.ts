import type { TurnContext } from 'botbuilder';
import { VERDICT_LABEL } from '../../chat-words.ts';
import { shortlistAdaptiveCard } from '../adaptive-card.ts';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse } from '../messages.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/**
 * Approve / Skip / Maybe (with the note typed beside the candidate): checks the clicker may decide on
 * this job, records the decision through the core's one entry point (written back to Ashby "via Teams")
 * and answers the invoke at once with the redrawn card, which replaces the clicked one in place.
 */
export async function decideAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'decide' }>,
  first: boolean,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  let notice: string | undefined;
  if (first) {
    const { jobId, applicationId, verdict, note } = action;
    const request = { jobId, applicationId, reviewer, verdict, ...(note ? { note } : {}) };
    const recorded = await deps.services.recordDecision(request);
    notice = recorded
      ? `${VERDICT_LABEL[verdict]} recorded${note ? ' with your note' : ''}, and written to Ashby.`
      : 'That candidate is no longer in Skima; here is the card as it is now.';
  }
  const card = shortlistAdaptiveCard(await deps.services.buildCard(action.jobId, reviewer), notice ? { notice } : {});
  await context.sendActivity(cardInvokeResponse(card));
}
