import type { TurnContext } from 'botbuilder';
import { UsageError } from '../../ports.ts';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { messageInvokeResponse, NOT_MATCHED, RECRUITERS_ONLY } from '../messages.ts';

/**
 * "Add to job" on a rediscovered candidate: recruiters and admins only. Creates the application in
 * Ashby once (a second click says it is already there) and answers the clicker with what happened,
 * leaving the results card as it is.
 */
export async function addToJobAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'add-to-job' }>,
  first: boolean,
): Promise<void> {
  const { reviewer } = await deps.reviewers.of(context);
  if (!reviewer) return void (await context.sendActivity(messageInvokeResponse(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await context.sendActivity(messageInvokeResponse(RECRUITERS_ONLY)));
  if (!first) return void (await context.sendActivity(messageInvokeResponse('Already done: that click was received before.')));
  try {
    const outcome = await deps.services.addToJob(reviewer, action.jobId, action.candidateId);
    const text =
      outcome.status === 'added'
        ? `Added to ${outcome.jobTitle} in Ashby, with a note saying why${outcome.score === null ? '' : ` (${outcome.score}/100)`}. Skima screens the new application now.`
        : `Already an application on ${outcome.jobTitle} in Ashby: nothing changed.`;
    await context.sendActivity(messageInvokeResponse(text));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await context.sendActivity(messageInvokeResponse(err.message));
  }
}
