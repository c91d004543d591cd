import { NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import { statusMessage } from '../../render/status.ts';
import type { Subcommand } from './skima.ts';
import { runSlow } from './run-slow.ts';

/** `/skima status`: sync health, queue depth, the last webhook and recent errors (recruiters and admins). */
export const statusCommand: Subcommand = async ({ userId }, io, deps) => {
  await runSlow('status', io, deps, 'Checking Skima…', async () => {
    const reviewer = await deps.reviewers.reviewerOf(userId);
    if (!reviewer) return textMessage(NOT_MATCHED);
    if (!reviewer.recruiter) return textMessage(RECRUITERS_ONLY);
    return statusMessage(await deps.services.status());
  });
};
