import type { TurnContext } from 'botbuilder';
import { helpAdaptiveCard } from './adaptive-card.ts';
import type { TeamsDeps } from './deps.ts';
import { recipientOf } from './identity.ts';
import { cardMessage, NOT_MATCHED } from './messages.ts';
import { rememberConversation } from './remember.ts';

/**
 * Skima installed in someone's personal scope: the chat is stored, the person greeted with the
 * commands, and the cards of the jobs whose hiring team they are on queued for this chat at once
 * (through the core's durable queue), rather than waiting for the next change to a shortlist. Other
 * jobs (a recruiter or admin may see every one) are asked for with `shortlist <job>`.
 */
export async function welcomePersonal(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const { person, reviewer } = await deps.reviewers.of(context);
  await rememberConversation(context, deps, person);
  if (!person || !reviewer) {
    await context.sendActivity(cardMessage(helpAdaptiveCard(NOT_MATCHED)));
    return;
  }
  await context.sendActivity(cardMessage(helpAdaptiveCard()));
  const recipient = recipientOf(person);
  // As a non-recruiter, homeJobs lists only the jobs whose hiring team they are on (never every open job).
  for (const job of await deps.services.homeJobs({ ...reviewer, recruiter: false })) {
    if (job.shortlisted > 0) await deps.services.queueCardRefresh({ jobId: job.id, recipient, reviewer });
  }
}
