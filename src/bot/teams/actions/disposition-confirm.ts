import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, messageInvokeResponse } from '../messages.ts';
import { dispositionProgressCard } from '../render/disposition.ts';
import type { TeamsProgressRef } from '../progress-ref.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/**
 * "Yes, advance" / "Yes, archive": the core starts the batch (one queued job per application) under the
 * confirmation's key, so a replayed Execute (Teams retries, a double click) finds the batch already
 * started and starts nothing new. The card turns into the batch's progress; the core redraws that
 * message with the final count when the last application settles, whichever process runs it.
 */
export async function dispositionConfirmAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'disposition-confirm' }>,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  const a = context.activity;
  // The key is the person's and the confirmation card's: nobody else's click can name their batch.
  const clicker = a.from.aadObjectId ?? a.from.id;
  const started = await deps.services.startDisposition(
    {
      reviewer,
      jobId: action.jobId,
      applicationIds: [action.applicationId],
      action: action.action,
      ...(action.stageId ? { stageId: action.stageId } : {}),
      ...(action.archiveReasonId ? { archiveReasonId: action.archiveReasonId } : {}),
      ...(action.emailTemplateId ? { emailTemplateId: action.emailTemplateId } : {}),
    },
    `${clicker}-${action.key}`,
  );
  if ('refused' in started) return void (await context.sendActivity(messageInvokeResponse(started.refused)));
  const batch = { jobId: action.jobId, batchId: started.batchId, action: action.action };
  // The invoke names the message holding the card (replyToId): where the final count is drawn later.
  const ref: TeamsProgressRef | undefined = a.replyToId
    ? { conversationId: a.conversation.id, activityId: a.replyToId, serviceUrl: a.serviceUrl, ...batch }
    : undefined;
  const status = ref
    ? await deps.services.followDisposition(reviewer, action.jobId, started.batchId, ref)
    : await deps.services.dispositionStatus(reviewer, action.jobId, started.batchId);
  await context.sendActivity(cardInvokeResponse(dispositionProgressCard(batch, status)));
}
