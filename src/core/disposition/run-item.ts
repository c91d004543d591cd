import { AshbyApiError, type AshbyApplication } from '../../ashby/index.ts';
import { audit } from '../ops/audit.ts';
import { queueFinalProgressIfDone } from '../chat/disposition-progress.ts';
import type { AppContext } from '../context.ts';
import { nextStage, PlanStages } from './stages.ts';
import { DISPOSITION_ATTEMPTS, DISPOSITION_QUEUE, type DispositionJob } from './start.ts';

/** The queue handler for dispositions (in `skima start`'s workers, and in `skima advance`/`archive`). */
export async function registerDispositionWorker(ctx: AppContext) {
  const stages = new PlanStages(ctx.ashby.client);
  await ctx.queue.work<DispositionJob>(DISPOSITION_QUEUE, (job, { attempt }) =>
    runDispositionItem(ctx, stages, job, attempt),
  );
}

type Outcome = { state: 'done' | 'unchanged' | 'failed'; outcome: string };
type Batch = NonNullable<Awaited<ReturnType<typeof loadItem>>>['batch'];
type Item = NonNullable<Awaited<ReturnType<typeof loadItem>>>;

function loadItem(ctx: AppContext, job: DispositionJob) {
  return ctx.db.dispositionItem.findUnique({
    where: { batchId_applicationId: { batchId: job.batchId, applicationId: job.applicationId } },
    include: { batch: true },
  });
}

/**
 * One application of a confirmed batch, as a queued job. Safe to run again: an item already settled is
 * left alone, and Ashby's current state decides the rest (an archived application is not archived
 * twice; a stage moved in Ashby since the person confirmed is reported, not overwritten). The audit
 * entry is written before the item is settled, so a crash between the two repeats neither.
 */
export async function runDispositionItem(ctx: AppContext, stages: PlanStages, job: DispositionJob, attempt: number) {
  const item = await loadItem(ctx, job);
  if (!item || item.state !== 'queued') return;
  let result: Outcome;
  try {
    result = await dispose(ctx, stages, item);
  } catch (err) {
    if (err instanceof AshbyApiError) {
      result = { state: 'failed', outcome: `Ashby refused it (${err.code}).` };
    } else if (attempt < DISPOSITION_ATTEMPTS) {
      throw err; // Ashby unreachable or slow: the queue tries again with backoff
    } else {
      result = { state: 'failed', outcome: `Ashby could not be reached after ${attempt} attempts.` };
    }
  }
  await ctx.db.dispositionItem.update({
    where: { batchId_applicationId: { batchId: item.batchId, applicationId: item.applicationId } },
    data: result,
  });
  // The last one settled: the chat message showing the batch gets its final count (queued, so it
  // arrives from whichever process holds the front door, whoever started the batch).
  await queueFinalProgressIfDone(ctx, item.batchId);
}

async function dispose(ctx: AppContext, stages: PlanStages, item: Item): Promise<Outcome> {
  const { client } = ctx.ashby;
  let application: AshbyApplication;
  try {
    application = await client.application.info(item.applicationId);
  } catch (err) {
    if (err instanceof AshbyApiError && err.code === 'application_not_found') {
      return { state: 'failed', outcome: 'The application is no longer in Ashby.' };
    }
    throw err;
  }
  const current = application.currentInterviewStage;
  if (!current) return { state: 'failed', outcome: 'Ashby shows no interview stage for it.' };
  const plan = await stages.of(current.interviewPlanId);
  const changedMeanwhile = item.expectedStageId !== null && current.id !== item.expectedStageId;
  const { batch } = item;

  if (batch.action === 'archive') {
    if (application.status === 'Archived') return { state: 'unchanged', outcome: 'Already archived in Ashby.' };
    if (changedMeanwhile) return movedMeanwhile(current.title);
    const archived = plan.find((s) => s.type === 'Archived');
    if (!archived) return { state: 'failed', outcome: 'Its interview plan has no Archived stage.' };
    await client.application.changeStage({
      applicationId: item.applicationId,
      interviewStageId: archived.id,
      archiveReasonId: batch.archiveReasonId as string,
      ...(batch.emailTemplateId ? { archiveEmail: { communicationTemplateId: batch.emailTemplateId } } : {}),
    });
    await auditMove(ctx, batch, item, 'application.archived', archived.id);
    return { state: 'done', outcome: `Archived with reason "${batch.archiveReasonTitle ?? batch.archiveReasonId}".` };
  }

  if (application.status === 'Archived' || application.status === 'Hired') {
    return { state: 'failed', outcome: `It is ${application.status.toLowerCase()} in Ashby; not moved.` };
  }
  // The target is worked out from where the person saw it, so a retry after a move that landed finds
  // the application already there instead of moving it one stage further.
  const from = item.expectedStageId ?? current.id;
  const target = batch.stageId ? plan.find((s) => s.id === batch.stageId) : nextStage(plan, from);
  if (!target) {
    return {
      state: 'failed',
      outcome: batch.stageId
        ? 'The stage chosen is not part of this application\'s interview plan.'
        : 'It is at the last stage of its interview plan.',
    };
  }
  if (target.type === 'Archived') return { state: 'failed', outcome: 'An advance never archives: use archive.' };
  if (current.id === target.id) return { state: 'unchanged', outcome: `Already at "${target.title}".` };
  if (changedMeanwhile) return movedMeanwhile(current.title);
  await client.application.changeStage({ applicationId: item.applicationId, interviewStageId: target.id });
  await auditMove(ctx, batch, item, 'application.advanced', target.id);
  return { state: 'done', outcome: `Moved to "${target.title}".` };
}

function movedMeanwhile(stageTitle: string): Outcome {
  return {
    state: 'failed',
    outcome: `Its stage changed in Ashby since you confirmed (now "${stageTitle}"); left as it is.`,
  };
}

function auditMove(ctx: AppContext, batch: Batch, item: Item, action: string, stageId: string) {
  return audit(ctx.db, {
    actor: batch.actorId,
    action,
    subjectType: 'application',
    subjectId: item.applicationId,
    detail: {
      batchId: batch.id,
      channel: batch.channel,
      stageId,
      fromStageId: item.expectedStageId,
      archiveReasonId: batch.archiveReasonId,
      emailTemplateId: batch.emailTemplateId,
      rank: item.rank,
    },
  });
}
