import { helpMessage, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import { setupMessage } from '../../render/reports.ts';
import type { Subcommand } from './skima.ts';
import { runSlow } from './run-slow.ts';

/** `/skima setup [fix]`: the Ashby set-up checks; `fix` creates what Skima can (recruiters and admins). */
export const setupCommand: Subcommand = async ({ userId, words }, io, deps) => {
  if (words.length > 1 || (words[0] && words[0].toLowerCase() !== 'fix')) {
    await io.ack(helpMessage('`/skima setup` takes nothing, or `fix`.'));
    return;
  }
  const fix = words[0]?.toLowerCase() === 'fix';
  await runSlow('setup', io, deps, fix ? 'Checking and fixing the Ashby set-up…' : 'Checking the Ashby set-up…', async () => {
    const reviewer = await deps.reviewers.reviewerOf(userId);
    if (!reviewer) return textMessage(NOT_MATCHED);
    if (!reviewer.recruiter) return textMessage(RECRUITERS_ONLY);
    return setupMessage(await deps.services.setup({ fix }), fix);
  });
};
