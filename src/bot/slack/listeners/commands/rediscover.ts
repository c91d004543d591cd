import { escapeMrkdwn } from '../../block-kit.ts';
import { helpMessage, NO_ACCESS, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../../render/help.ts';
import { rediscoverMessage } from '../../render/reports.ts';
import type { Subcommand } from './skima.ts';
import { runSlow } from './run-slow.ts';

/** A filter word (`min:70`, `job:cashier`, `active`, `hired`...): the job is named by the words before the first. */
const FILTER = /^([a-z-]+[:=]\S*|active|include-active|hired|include-hired|dnc|include-dnc|do-not-contact)$/i;

/**
 * `/skima rediscover <job> [filters]`: qualified past candidates already in Ashby, answered only to
 * the recruiter who asked (ephemeral: it names candidates). The job is the words before the filters.
 */
export const rediscoverCommand: Subcommand = async ({ userId, words }, io, deps) => {
  const firstFilter = words.findIndex((w) => FILTER.test(w));
  const jobWords = firstFilter === -1 ? words : words.slice(0, firstFilter);
  const filters = firstFilter === -1 ? [] : words.slice(firstFilter);
  if (!jobWords.length) {
    await io.ack(helpMessage('Say which job: `/skima rediscover <job> [min:70] [since:180d] [limit:20] [active]`.'));
    return;
  }
  await runSlow('rediscover', io, deps, 'Searching past candidates… this can take a minute.', async () => {
    const reviewer = await deps.reviewers.reviewerOf(userId);
    if (!reviewer) return textMessage(NOT_MATCHED);
    if (!reviewer.recruiter) return textMessage(RECRUITERS_ONLY);
    const jobs = await deps.services.findJobs(reviewer, jobWords.join(' '));
    if (jobs.length === 0) return textMessage(NO_ACCESS);
    if (jobs.length > 1) {
      const list = jobs.slice(0, 10).map((j) => `• ${escapeMrkdwn(j.title)} (\`${j.id}\`)`).join('\n');
      return textMessage(`Several jobs match; say which one:\n${list}`);
    }
    return rediscoverMessage(await deps.services.rediscover(jobs[0]!.id, filters), filters);
  });
};
