import type { TurnContext } from 'botbuilder';
import type { Reviewer } from '../../ports.ts';
import type { TeamsDeps } from '../deps.ts';
import { messageInvokeResponse, NO_ACCESS, NOT_MATCHED } from '../messages.ts';

/**
 * The clicker as the Ashby user who may act on this job, or null once the invoke is answered with why
 * not (no Ashby user with their Teams email, or no access: the same polite refusal whether or not the
 * job exists).
 */
export async function reviewerForJob(context: TurnContext, deps: TeamsDeps, jobId: string): Promise<Reviewer | null> {
  const { reviewer } = await deps.reviewers.of(context);
  if (!reviewer) {
    await context.sendActivity(messageInvokeResponse(NOT_MATCHED));
    return null;
  }
  if (!(await deps.services.canSeeJob(reviewer, jobId))) {
    await context.sendActivity(messageInvokeResponse(NO_ACCESS));
    return null;
  }
  return reviewer;
}
