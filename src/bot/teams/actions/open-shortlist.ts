import type { TurnContext } from 'botbuilder';
import { linkCard } from '../adaptive-card.ts';
import { drawShortlist } from '../shortlist-card.ts';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, cardMessage } from '../messages.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/**
 * "Open full shortlist": mints a fresh link for this reviewer only and sends it as a card with an
 * Action.OpenUrl in the chat where they clicked (their 1:1 chat: cards go nowhere else). The clicked
 * shortlist card is answered with itself, redrawn, so it stays in the chat rather than being replaced
 * by the link.
 */
export async function openShortlistAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'open-shortlist' }>,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  const [{ url, expiresAt }, shortlist] = await Promise.all([
    deps.services.mintShortlistUrl(action.jobId, reviewer),
    deps.services.buildCard(action.jobId, reviewer),
  ]);
  await context.sendActivity(cardMessage(linkCard(`The full shortlist for ${shortlist.jobTitle}`, url, expiresAt)));
  await context.sendActivity(cardInvokeResponse(await drawShortlist(deps.services, action.jobId, reviewer, 'Your personal link to the full shortlist is below.')));
}
