import { helpAdaptiveCard } from '../adaptive-card.ts';
import { publishCard } from '../cards.ts';
import { scopeOf } from '../conversations.ts';
import { personalOf, recipientOf } from '../identity.ts';
import { cardMessage, NO_PERSONAL_CHAT, NOT_MATCHED, textMessage } from '../messages.ts';
import type { Command } from './command.ts';
import { findOneJob } from './find-job.ts';
import { runSlow } from './run-slow.ts';

/**
 * `shortlist <job>`: sends (or refreshes) the job's live card in the caller's 1:1 chat with Skima. The
 * card never goes where the command was typed when that is a channel or group chat: it names candidates.
 */
export const shortlistCommand: Command = async ({ context, words, person, reviewer }, deps) => {
  const query = words.join(' ');
  if (!query) {
    await context.sendActivity(cardMessage(helpAdaptiveCard('Say which job: shortlist <job title or id>.')));
    return;
  }
  if (!reviewer || !person) {
    await context.sendActivity(textMessage(NOT_MATCHED));
    return;
  }
  const recipient = recipientOf(person);
  const personalHere = scopeOf(context.activity) === 'personal';
  await runSlow(context, deps, 'shortlist', 'Looking up that job…', async () => {
    const job = await findOneJob(deps, reviewer, query);
    if ('say' in job) return textMessage(job.say);
    const conversation = await deps.conversations.personal(personalOf(person));
    if (!conversation) return textMessage(NO_PERSONAL_CHAT);
    const input = { jobId: job.id, recipient, conversation, reviewer };
    const { posted } = await publishCard(deps.connector, deps.services, input);
    const where = personalHere
      ? (posted ? 'here it is, below' : 'I\'ve refreshed its card in this chat')
      : (posted ? 'I\'ve sent it to our 1:1 chat' : 'I\'ve refreshed the card in our 1:1 chat');
    return textMessage(`Shortlist for **${job.title}**: ${where}.`);
  });
};
