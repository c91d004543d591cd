import { NO_ACCESS, NOT_MATCHED, textMessage } from '../render/help.ts';
import type { Reviewer } from '../../ports.ts';
import type { ListenerDeps } from './deps.ts';
import { tell } from './refresh-card.ts';

/**
 * The clicker as the Ashby user who may act on this job, or null once they have been told privately
 * why not (no Ashby user with their Slack email, or no access: the same polite refusal either way
 * for whether the job exists).
 */
export async function reviewerForJob(deps: ListenerDeps, slackUserId: string, jobId: string): Promise<Reviewer | null> {
  const reviewer = await deps.reviewers.reviewerOf(slackUserId);
  if (!reviewer) {
    await tell(deps, slackUserId, textMessage(NOT_MATCHED));
    return null;
  }
  if (!(await deps.services.canSeeJob(reviewer, jobId))) {
    await tell(deps, slackUserId, textMessage(NO_ACCESS));
    return null;
  }
  return reviewer;
}
