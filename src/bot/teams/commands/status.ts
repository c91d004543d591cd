import { statusAdaptiveCard } from '../adaptive-card.ts';
import { cardMessage, NOT_MATCHED, RECRUITERS_ONLY, textMessage } from '../messages.ts';
import type { Command } from './command.ts';
import { runSlow } from './run-slow.ts';

/** `status`: sync health, queue depth, the last webhook and recent errors, Teams' own included (recruiters, admins). */
export const statusCommand: Command = async ({ context, reviewer }, deps) => {
  if (!reviewer) return void (await context.sendActivity(textMessage(NOT_MATCHED)));
  if (!reviewer.recruiter) return void (await context.sendActivity(textMessage(RECRUITERS_ONLY)));
  await runSlow(context, deps, 'status', 'Checking Skima…', async () => cardMessage(statusAdaptiveCard(await deps.services.status())));
};
