import { publishCard } from '../../cards.ts';
import { helpMessage, NO_ACCESS, NOT_MATCHED, textMessage } from '../../render/help.ts';
import { escapeMrkdwn } from '../../block-kit.ts';
import type { Subcommand } from './skima.ts';
import { runSlow } from './run-slow.ts';

/**
 * `/skima shortlist <job>`: sends (or refreshes) the job's live card in the caller's DM. The card is
 * never posted where the command was typed: it names candidates.
 */
export const shortlistCommand: Subcommand = async ({ userId, words }, io, deps) => {
  const query = words.join(' ');
  if (!query) {
    await io.ack(helpMessage('Say which job: `/skima shortlist <job title or id>`.'));
    return;
  }
  await runSlow('shortlist', io, deps, 'Looking up that job…', async () => {
    const reviewer = await deps.reviewers.reviewerOf(userId);
    if (!reviewer) return textMessage(NOT_MATCHED);
    const jobs = await deps.services.findJobs(reviewer, query);
    if (jobs.length === 0) return textMessage(NO_ACCESS);
    if (jobs.length > 1) {
      const list = jobs.slice(0, 10).map((j) => `• ${escapeMrkdwn(j.title)} (\`${j.id}\`)`).join('\n');
      return textMessage(`Several of your jobs match; say which one:\n${list}`);
    }
    const job = jobs[0]!;
    const { posted } = await publishCard(deps.slack, deps.services, { jobId: job.id, slackUserId: userId, reviewer });
    const where = posted ? 'I\'ve sent it to your DMs' : 'I\'ve refreshed the card in your DMs';
    return textMessage(`Shortlist for *${escapeMrkdwn(job.title)}*: ${where}.`);
  });
};
