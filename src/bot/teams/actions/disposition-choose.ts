import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../card-actions.ts';
import type { TeamsDeps } from '../deps.ts';
import { cardInvokeResponse, messageInvokeResponse } from '../messages.ts';
import { dispositionChooseCard, dispositionConfirmCard } from '../render/disposition.ts';
import { labelOf } from './disposition-open.ts';
import { reviewerForJob } from './reviewer-for-job.ts';

/**
 * The choices submitted: the core phrases the one confirmation (nothing changes yet) and the card turns
 * into it, carrying a fresh key that names this confirmation. An archive without a reason (a client that
 * skipped the card's own check) gets the choices again with what is missing; a refusal is said.
 */
export async function dispositionChooseAction(
  context: TurnContext,
  deps: TeamsDeps,
  action: Extract<CardAction, { kind: 'disposition-choose' }>,
): Promise<void> {
  const reviewer = await reviewerForJob(context, deps, action.jobId);
  if (!reviewer) return;
  const { kind: _, ...picked } = action;
  const ask = {
    reviewer,
    jobId: picked.jobId,
    applicationIds: [picked.applicationId],
    action: picked.action,
    ...(picked.stageId ? { stageId: picked.stageId } : {}),
    ...(picked.archiveReasonId ? { archiveReasonId: picked.archiveReasonId } : {}),
    ...(picked.emailTemplateId ? { emailTemplateId: picked.emailTemplateId } : {}),
  };
  if (picked.action === 'archive' && !picked.archiveReasonId) {
    const choices = await deps.services.dispositionChoices(ask);
    if ('refused' in choices) return void (await context.sendActivity(messageInvokeResponse(choices.refused)));
    const label = await labelOf(deps, picked.jobId, picked.applicationId, reviewer);
    const card = dispositionChooseCard(picked, label, choices, 'Pick one of Ashby\'s archive reasons.');
    return void (await context.sendActivity(cardInvokeResponse(card)));
  }
  const asked = await deps.services.prepareDisposition(ask);
  if ('refused' in asked) return void (await context.sendActivity(messageInvokeResponse(asked.refused)));
  await context.sendActivity(cardInvokeResponse(dispositionConfirmCard(picked, asked.question, randomUUID())));
}
