import { NO_ARCHIVE_REASON } from '../../chat-words.ts';
import type { TurnContext } from 'botbuilder';
import { candidateLabel } from '../adaptive-card.ts';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, messageInvokeResponse } from '../messages.ts';
import { dispositionChooseCard } from '../render/disposition.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/**
 * "Advance…" / "Archive…" beside a candidate: the core checks the clicker may (their role on the job,
 * the application one of the job's) and reads the choices from Ashby; the card turns into them. A
 * refusal is said in a short message that names nothing, and the card stays as it is.
 */
export async function dispositionOpenAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'disposition-open' }>,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  const choices = await deps.services.dispositionChoices({
    reviewer,
    jobId: action.jobId,
    applicationIds: [action.applicationId],
    action: action.action,
  });
  if ('refused' in choices) return void (await context.sendActivity(messageInvokeResponse(choices.refused)));
  if (action.action === 'archive' && choices.reasons.length === 0) {
    return void (await context.sendActivity(messageInvokeResponse(NO_ARCHIVE_REASON)));
  }
  const label = await labelOf(deps, action.jobId, action.applicationId, reviewer);
  await context.sendActivity(cardInvokeResponse(dispositionChooseCard(action, label, choices)));
}

/** The candidate as the shortlist card names them (their rank alone in redaction mode). */
export async function labelOf(
  deps: TeamsDeps,
  jobId: string,
  applicationId: string,
  reviewer: Parameters<TeamsDeps['services']['buildCard']>[1],
): Promise<string> {
  const card = await deps.services.buildCard(jobId, reviewer);
  const candidate = card.candidates.find((c) => c.applicationId === applicationId);
  return candidate ? candidateLabel(card, candidate) : 'this candidate';
}
