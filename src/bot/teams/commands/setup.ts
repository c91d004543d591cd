import { helpAdaptiveCard, setupAdaptiveCard } from '../adaptive-card.ts';
import { cardMessage, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../messages.ts';
import type { SetupReport } from '../../ports.ts';
import type { Command } from './command.ts';
import { runSlow } from './run-slow.ts';

/**
 * `setup [fix]`: the Ashby set-up checks and the chat front doors' own (Teams: app id, password, tenant,
 * a token, the endpoint); `fix` creates what Skima can in Ashby. Recruiters and admins.
 */
export function setupCommand(checkFrontDoor: () => Promise<SetupReport[]>): Command {
  return async ({ context, words, reviewer }, deps) => {
    if (words.length > 1 || (words[0] && words[0].toLowerCase() !== 'fix')) {
      await context.sendActivity(cardMessage(helpAdaptiveCard('"setup" takes nothing, or "fix".')));
      return;
    }
    if (!reviewer) return void (await context.sendActivity(textMessage(NOT_MATCHED)));
    if (!reviewer.recruiter) return void (await context.sendActivity(textMessage(RECRUITERS_ONLY)));
    const fix = words[0]?.toLowerCase() === 'fix';
    await runSlow(context, deps, 'setup', fix ? 'Checking and fixing the set-up…' : 'Checking the set-up…', async () => {
      const [ashby, teams] = await Promise.all([deps.services.setup({ fix }), checkFrontDoor()]);
      return cardMessage(setupAdaptiveCard([...ashby, ...teams], { fixed: fix }));
    });
  };
}
