import { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../card-json.ts';
import { continueIn } from '../cards.ts';
import type { TeamsDeps } from '../deps.ts';
import { loggableError, TeamsDeliveryError } from '../errors.ts';
import { cardInvokeResponse, cardMessage } from '../messages.ts';
import { resumeNoticeCard } from '../render/resume-drop.ts';

/**
 * A card click whose work takes a while (a download, Ashby's answers): the clicked card is replaced at
 * once with what is happening (its buttons gone, so it is not clicked twice), the invoke is answered
 * (Teams waits for no one), and the result replaces that card later (updateActivity, in a proactive
 * turn). A failure replaces it too, never left as "working on it".
 */
export async function replaceCardLater(
  context: TurnContext,
  deps: TeamsDeps,
  name: string,
  working: string,
  work: () => Promise<AdaptiveCardJson>,
): Promise<void> {
  await context.sendActivity(cardInvokeResponse(resumeNoticeCard(working)));
  const reference = TurnContext.getConversationReference(context.activity);
  const cardId = context.activity.replyToId;
  deps.background.run(`teams ${name}`, async () => {
    let card: AdaptiveCardJson;
    try {
      card = await work();
    } catch (err) {
      const code = err instanceof TeamsDeliveryError ? err.failure.code : err instanceof Error ? err.name : 'error';
      deps.log.error({ error: loggableError(err), action: name }, 'a Teams card action failed');
      await deps.services.reportError({ source: `teams:${name}`, message: code }).catch(() => {});
      card = resumeNoticeCard(`Sorry, that failed (${code}). Send the file again to retry: Skima never adds the same person twice. "status" lists recent errors.`, 'attention');
    }
    const message = cardMessage(card);
    const send = () => continueIn(deps.connector, reference, 'send', async (ctx) => void (await ctx.sendActivity(message)));
    if (!cardId) return send();
    try {
      await continueIn(deps.connector, reference, 'update', async (ctx) => void (await ctx.updateActivity({ ...message, id: cardId })));
    } catch (err) {
      // The card was deleted meanwhile: the answer still reaches the person, as a new message.
      if (!(err instanceof TeamsDeliveryError) || err.failure.kind !== 'message_gone') throw err;
      await send();
    }
  });
}
