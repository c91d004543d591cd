import type { AshbyWebhookEvent } from '../ashby/index.ts';
import { AshbyTargetsCache } from './ashby-link/ashby-fields.ts';
import { purgeAudit } from './ops/audit.ts';
import type { AppContext } from './context.ts';
import { DECISION_WRITEBACK_QUEUE, writeBackDecision } from './decisions/decisions.ts';
import { registerDispositionWorker } from './disposition/index.ts';
import { registerHandoffWorker } from './handoff/index.ts';
import { screeningFinished } from './intake/follow-up.ts';
import { POLL_QUEUE, pollAshby } from './pipeline/poll.ts';
import {
  PROCESS_APPLICATION_QUEUE,
  type ProcessApplicationPayload,
  processApplication,
} from './pipeline/process-application.ts';
import { handleWebhookEvent, WEBHOOK_QUEUE } from './pipeline/webhook-events.ts';
import type { Scheduler } from './ops/scheduler.ts';
import { SHORTLIST_CHANGED_QUEUE } from './shortlist/shortlist.ts';
import { registerChatWorkers } from './chat/chat-cards.ts';
import { enqueuePoolIndex, POOL_INDEX_QUEUE, runPoolIndex } from './pool/pool-backfill.ts';
import { REQUIREMENTS_RESCORE_QUEUE, type RescorePayload, runRequirementsRescore } from './requirements/rescore.ts';

export const MAINTENANCE_QUEUE = 'maintenance.daily';
/** Completed queue jobs are kept this long, as pg-boss keeps them: the window of an idempotency key. */
const COMPLETED_JOB_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Listeners for shortlist changes: the Slack, Teams and web front doors subscribe here. */
export type ShortlistListener = (jobId: string) => Promise<void>;

/** Registers every queue handler of the pipeline and its scheduled work. */
export async function registerWorkers(ctx: AppContext, scheduler: Scheduler, listeners: ShortlistListener[] = []) {
  const targets = new AshbyTargetsCache(ctx.ashby.client, ctx.log, { tag: ctx.config.ashby.tag });
  await ctx.queue.work<AshbyWebhookEvent>(WEBHOOK_QUEUE, (event) => handleWebhookEvent(ctx, event));
  await ctx.queue.work<ProcessApplicationPayload>(PROCESS_APPLICATION_QUEUE, async ({ applicationId, listed }, job) => {
    const outcome = await processApplication(ctx, targets, applicationId, { listed, attempt: job.attempt });
    ctx.log.debug({ applicationId, outcome }, 'application processed');
    await screeningFinished(ctx, applicationId);
  });
  await ctx.queue.work<RescorePayload>(REQUIREMENTS_RESCORE_QUEUE, async (payload) => {
    const queued = await runRequirementsRescore(ctx, payload);
    ctx.log.info({ jobId: payload.jobId, version: payload.version, queued }, 'job requirements edited: applications queued for re-scoring');
  }, { concurrency: 1 });
  await ctx.queue.work<{ decisionId: string }>(DECISION_WRITEBACK_QUEUE, ({ decisionId }) =>
    writeBackDecision(ctx, targets, decisionId),
  );
  await registerDispositionWorker(ctx);
  await registerHandoffWorker(ctx);
  const allListeners = [...listeners, ...(await registerChatWorkers(ctx, scheduler))];
  await ctx.queue.work<{ jobId: string }>(SHORTLIST_CHANGED_QUEUE, async ({ jobId }) => {
    for (const listener of allListeners) await listener(jobId);
  });
  await ctx.queue.work(POLL_QUEUE, async () => {
    const summary = await pollAshby(ctx);
    ctx.log.info(summary, 'Ashby poll done');
  }, { concurrency: 1 });
  await ctx.queue.work<{ after: string }>(POOL_INDEX_QUEUE, async ({ after }) => {
    const indexed = await runPoolIndex(ctx.db, ctx.queue, after);
    if (indexed) ctx.log.debug({ indexed }, 'resumes added to the rediscovery pool');
  }, { concurrency: 1 });
  await ctx.queue.work(MAINTENANCE_QUEUE, async () => {
    const audit = await purgeAudit(ctx.db, ctx.config.auditRetentionDays);
    const jobs = await ctx.queue.purgeCompleted(new Date(Date.now() - COMPLETED_JOB_RETENTION_MS));
    // Slack refuses a request older than five minutes, so a day of identities recognises every replay.
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    const slack = await ctx.db.slackDelivery.deleteMany({ where: { receivedAt: { lt: dayAgo } } });
    if (audit || jobs || slack.count) {
      ctx.log.info({ auditEvents: audit, completedJobs: jobs, slackDeliveries: slack.count }, 'daily clean-up past retention');
    }
  }, { concurrency: 1 });

  // Catches up with resumes read before the pool existed; pages behind every screening.
  await enqueuePoolIndex(ctx.queue);

  const every = ctx.config.pollIntervalMinutes;
  scheduler.add({ name: 'ashby-poll', cron: every >= 60 ? `0 */${Math.floor(every / 60)} * * *` : `*/${every} * * * *`, queue: POLL_QUEUE });
  scheduler.add({ name: 'daily-maintenance', cron: '17 3 * * *', queue: MAINTENANCE_QUEUE });
}
