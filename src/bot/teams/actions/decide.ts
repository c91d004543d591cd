import type { TurnContext } from 'botbuilder';
import { VERDICT_LABEL } from '../../chat-words.ts';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, messageInvokeResponse } from '../messages.ts';
import { drawShortlist } from '../shortlist-card.ts';
import { UsageError } from '../../ports.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/**
 * Approve / Skip / Maybe (with the note typed beside the candidate, and for a Skip the optional reason
 * picked there): checks the clicker may decide on
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
    const { jobId, applicationId, verdict, note, skipReasonId } = action;
    const request = {
      jobId, applicationId, reviewer, verdict, ...(note ? { note } : {}), ...(skipReasonId ? { skipReasonId } : {}),
    };
    let recorded: boolean;
    try {
      recorded = await deps.services.recordDecision(request);
    } catch (err) {
      // A reason no longer on the list (the card is old): said, and nothing recorded.
      if (!(err instanceof UsageError)) throw err;
      return void (await context.sendActivity(messageInvokeResponse(`Your decision was not saved: ${err.message}`)));
    }
    const said = [note ? 'your note' : '', skipReasonId ? 'your reason' : ''].filter(Boolean).join(' and ');
    notice = recorded
      ? `${VERDICT_LABEL[verdict]} recorded${said ? ` with ${said}` : ''}, and written to Ashby.`
      : 'That candidate is no longer in Skima; here is the card as it is now.';
  }
  const card = await drawShortlist(deps.services, action.jobId, reviewer, notice);
  await context.sendActivity(cardInvokeResponse(card));
}
