import { type Activity, TurnContext } from 'botbuilder';
import { UsageError } from '../../ports.ts';
import { helpAdaptiveCard } from '../adaptive-card.ts';
import { continueIn } from '../cards.ts';
import type { TeamsDeps } from '../deps.ts';
import { loggableError, TeamsDeliveryError } from '../errors.ts';
import { cardMessage, textMessage } from '../messages.ts';

/**
 * A command whose work takes a while: answer at once with what is happening, end the turn (Teams
 * waits for no one), then replace that answer with the result (updateActivity, in a proactive turn).
 * Failures replace it too, never left as "working on it": a usage error with the usage, anything else
 * with a pointer to `status`.
 */
export async function runSlow(
  context: TurnContext,
  deps: TeamsDeps,
  name: string,
  working: string,
  work: () => Promise<Partial<Activity>>,
): Promise<void> {
  const sent = await context.sendActivity(textMessage(working));
  const reference = TurnContext.getConversationReference(context.activity);
  deps.background.run(`teams ${name}`, async () => {
    let result: Partial<Activity>;
    try {
      result = await work();
    } catch (err) {
      if (err instanceof UsageError) {
        result = cardMessage(helpAdaptiveCard(err.message));
      } else {
        const code = err instanceof TeamsDeliveryError ? err.failure.code : err instanceof Error ? err.name : 'error';
        deps.log.error({ error: loggableError(err), command: name }, 'a Teams command failed');
        await deps.services.reportError({ source: `teams:${name}`, message: code }).catch(() => {});
        result = textMessage(`Sorry, "${name}" failed (${code}). "status" lists recent errors.`);
      }
    }
    if (!sent?.id) {
      await continueIn(deps.connector, reference, 'send', async (ctx) => void (await ctx.sendActivity(result)));
      return;
    }
    await continueIn(deps.connector, reference, 'update', async (ctx) => void (await ctx.updateActivity({ ...result, id: sent.id })));
  });
}
