import { audit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { type DispositionPlan, DispositionRequestError } from './prepare.ts';

export const DISPOSITION_QUEUE = 'application.disposition';
/** Attempts for one application before it is counted as failed (Ashby unreachable all that time). */
export const DISPOSITION_ATTEMPTS = 5;

export interface DispositionJob {
  batchId: string;
  applicationId: string;
}

/**
 * Starts a confirmed plan: one batch, one item and one queued job per application. `confirmationKey`
 * identifies the confirmation (the button or form that was submitted): submitting it again returns the
 * batch already started and queues nothing new.
 */
export async function startDisposition(
  ctx: AppContext,
  plan: DispositionPlan,
  confirmationKey: string,
): Promise<{ batchId: string; created: boolean }> {
  const { request } = plan;
  if (plan.items.length === 0) {
    throw new DispositionRequestError(plan.refused[0]?.why ?? 'There is nothing to act on.');
  }
  const batchId = confirmationKey;
  if (await ctx.db.dispositionBatch.findUnique({ where: { id: batchId }, select: { id: true } })) {
    return { batchId, created: false };
  }
  try {
    await ctx.db.dispositionBatch.create({
      data: {
        id: batchId,
        action: request.action,
        jobId: request.jobId ?? null,
        stageId: request.stageId ?? null,
        archiveReasonId: request.archiveReasonId ?? null,
        archiveReasonTitle: plan.archiveReasonTitle ?? null,
        emailTemplateId: request.emailTemplateId ?? null,
        actorId: request.actor.id,
        actorName: request.actor.name,
        channel: request.channel,
        total: plan.items.length,
        items: {
          create: plan.items.map((i) => ({
            applicationId: i.applicationId,
            expectedStageId: i.expectedStageId,
            rank: i.rank,
            state: 'queued',
          })),
        },
      },
    });
  } catch (err) {
    // Two submissions of one confirmation raced: the other one created it.
    if (await ctx.db.dispositionBatch.findUnique({ where: { id: batchId }, select: { id: true } })) {
      return { batchId, created: false };
    }
    throw err;
  }
  await audit(ctx.db, {
    actor: request.actor.id,
    action: `disposition.confirmed`,
    subjectType: 'disposition',
    subjectId: batchId,
    detail: {
      action: request.action,
      channel: request.channel,
      count: plan.items.length,
      refused: plan.refused.length,
      archiveReasonId: request.archiveReasonId ?? null,
      stageId: request.stageId ?? null,
      emailTemplateId: request.emailTemplateId ?? null,
    },
  });
  await ctx.queue.enqueueMany(
    DISPOSITION_QUEUE,
    plan.items.map((i) => ({
      payload: { batchId, applicationId: i.applicationId } satisfies DispositionJob,
      options: { idempotencyKey: `${batchId}:${i.applicationId}`, maxAttempts: DISPOSITION_ATTEMPTS },
    })),
  );
  return { batchId, created: true };
}
