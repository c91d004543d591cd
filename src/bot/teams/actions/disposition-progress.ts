import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, messageInvokeResponse } from '../messages.ts';
import { dispositionProgressCard } from '../render/disposition.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/** The progress card's "Refresh": the batch as it stands, for the person who started it only. */
export async function dispositionProgressAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'disposition-progress' }>,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  const status = await deps.services.dispositionStatus(reviewer, action.jobId, action.batchId);
  if (!status) return void (await context.sendActivity(messageInvokeResponse('That batch is not one you started from this job.')));
  await context.sendActivity(cardInvokeResponse(dispositionProgressCard(action, status)));
}
