import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse } from '../messages.ts';
import { drawShortlist } from '../shortlist-card.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/** "Back to the shortlist" / "Cancel": the card turns back into the job's shortlist, as it is now. */
export async function showShortlistAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'show-shortlist' }>,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  await context.sendActivity(cardInvokeResponse(await drawShortlist(deps.services, action.jobId, reviewer)));
}
