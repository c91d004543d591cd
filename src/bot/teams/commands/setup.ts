import { helpAdaptiveCard, setupAdaptiveCard } from '../adaptive-card.ts';
import { cardMessage, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../messages.ts';
import type { Command } from './command.ts';
import { runSlow } from './run-slow.ts';

/**
 * `setup [fix]`: the core's set-up checks, Ashby's and every chat front door's own (Teams: app id,
 * password, tenant, a token, the endpoint); `fix` creates what Skima can in Ashby. Recruiters and admins.
 */
export const setupCommand: Command = async ({ context, words, reviewer }, deps) => {
  if (words.length > 1 || (words[0] && words[0].toLowerCase() !== 'fix')) {
    await context.sendActivity(cardMessage(helpAdaptiveCard('"setup" takes nothing, or "fix".')));
    return;
  }
  if (!reviewer) return void (await context.sendActivity(textMessage(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await context.sendActivity(textMessage(RECRUITERS_ONLY)));
  const fix = words[0]?.toLowerCase() === 'fix';
  await runSlow(context, deps, 'setup', fix ? 'Checking and fixing the set-up…' : 'Checking the set-up…', async () => {
    return cardMessage(setupAdaptiveCard(await deps.services.setup({ fix }), { fixed: fix }));
  });
};
