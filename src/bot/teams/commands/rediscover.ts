import { helpAdaptiveCard, rediscoverAdaptiveCard } from '../adaptive-card.ts';
import { continueIn } from '../cards.ts';
import { parseReference, scopeOf } from '../conversations.ts';
import { personalOf } from '../identity.ts';
import { cardMessage, NO_PERSONAL_CHAT, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../messages.ts';
import type { Command } from './command.ts';
import { findOneJob } from './find-job.ts';
import { runSlow } from './run-slow.ts';

/** A filter word (`min:70`, `job:cashier`, `active`, `hired`...): the job is named by the words before the first. */
const FILTER = /^([a-z-]+[:=]\S*|active|include-active|hired|include-hired)$/i;

/**
 * `rediscover <job> [filters]`: qualified past candidates already in Ashby, for recruiters and admins,
 * each with "Add to job". The results name candidates, so typed in a channel they go to the asker's
 * 1:1 chat with Skima and the channel hears only where they went.
 */
export const rediscoverCommand: Command = async ({ context, words, person, reviewer }, deps) => {
  const firstFilter = words.findIndex((w) => FILTER.test(w));
  const jobWords = firstFilter === -1 ? words : words.slice(0, firstFilter);
  const filters = firstFilter === -1 ? [] : words.slice(firstFilter);
  if (!jobWords.length) {
    await context.sendActivity(cardMessage(helpAdaptiveCard('Say which job: rediscover <job> [min:70] [since:180d] [limit:20] [active].')));
    return;
  }
  if (!reviewer || !person) return void (await context.sendActivity(textMessage(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await context.sendActivity(textMessage(RECRUITERS_ONLY)));
  const personalHere = scopeOf(context.activity) === 'personal';
  await runSlow(context, deps, 'rediscover', 'Searching past candidates… this can take a minute.', async () => {
    const job = await findOneJob(deps, reviewer, jobWords.join(' '));
    if ('say' in job) return textMessage(job.say);
    const report = await deps.services.rediscover(job.id, filters);
    const results = cardMessage(rediscoverAdaptiveCard(report, { jobId: job.id, canAdd: reviewer.recruiter }));
    if (personalHere) return results;
    const conversation = await deps.conversations.personal(personalOf(person));
    const reference = conversation && parseReference(conversation.reference);
    if (!reference) return textMessage(NO_PERSONAL_CHAT);
    await continueIn(deps.connector, reference, 'send', async (ctx) => void (await ctx.sendActivity(results)));
    return textMessage(`Past candidates for **${job.title}**: I've sent them to our 1:1 chat (they name candidates).`);
  });
};
