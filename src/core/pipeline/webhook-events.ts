import type { AshbyApplication, AshbyWebhookEvent } from '../../ashby/index.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { timeOrderedUuid } from '../../db/time-ordered-uuid.ts';
import { audit } from '../ops/audit.ts';
import type { AppContext } from '../context.ts';
import { announceShortlistChange, refreshShortlist } from '../shortlist/shortlist.ts';
import { startHandoff } from '../handoff/index.ts';
import { announceHire } from '../chat/notices.ts';
import { storeJob } from './job-cache.ts';
import { enqueueApplication } from './process-application.ts';
import { screeningInputsUnchanged } from './screening-inputs.ts';
import { screeningInputs } from './screening-store.ts';

export const WEBHOOK_QUEUE = 'ashby.webhook';

/** Every active application of a job is re-screened when its description changes. */
async function rescoreJob(ctx: AppContext, jobId: string): Promise<number> {
  const apps = await ctx.db.application.findMany({ where: { jobId, status: 'Active' }, select: { id: true } });
  for (const a of apps) await enqueueApplication(ctx.queue, a.id);
  return apps.length;
}

async function refreshJob(ctx: AppContext, jobId: string): Promise<void> {
  const before = await ctx.db.job.findUnique({ where: { id: jobId }, select: { descriptionHash: true } });
  const after = await storeJob(ctx, await ctx.ashby.client.job.info(jobId));
  if (before && before.descriptionHash !== after.descriptionHash) {
    const n = await rescoreJob(ctx, jobId);
    ctx.log.info({ jobId, applications: n }, 'job description changed; re-screening its applications');
  }
}

const RECORD_DELIVERY = `INSERT INTO "WebhookEvent" ("id", "webhookActionId", "action", "receivedAt")
  VALUES (?, ?, ?, ?) ON CONFLICT ("webhookActionId", "action") DO NOTHING`;

/** Notes that a delivery arrived (status and `/skima setup` show when webhooks last came); a duplicate
 * delivery is already noted. Raw SQL: Skima's own writes make this one of the commonest statements. */
export async function recordDelivery(ctx: AppContext, webhookActionId: string, action: string): Promise<void> {
  await rawSql(ctx.db).run(RECORD_DELIVERY, timeOrderedUuid(), webhookActionId, action, new Date());
}

/** Would this event change nothing? Answering Skima's own writes without a queue round trip. */
export async function isNoOpEvent(ctx: AppContext, event: AshbyWebhookEvent): Promise<boolean> {
  if (event.action === 'ping') return true;
  return event.action === 'applicationUpdate' && unchangedForScreening(ctx, event.data.application);
}

async function unchangedForScreening(ctx: AppContext, app: AshbyApplication): Promise<boolean> {
  return screeningInputsUnchanged(await screeningInputs(ctx.db, app.id), app);
}

/** What each webhook means for Skima. Runs as a queue job, so a failure is retried, never lost. */
export async function handleWebhookEvent(ctx: AppContext, event: AshbyWebhookEvent): Promise<void> {
  switch (event.action) {
    case 'applicationUpdate':
      if (await unchangedForScreening(ctx, event.data.application)) return;
      await enqueueApplication(ctx.queue, event.data.application.id, 'live');
      return;
    case 'applicationSubmit':
    case 'candidateStageChange':
      await enqueueApplication(ctx.queue, event.data.application.id, 'live');
      return;
    case 'candidateHire': {
      const app = event.data.application;
      await enqueueApplication(ctx.queue, app.id, 'live');
      await ctx.db.application.updateMany({ where: { id: app.id }, data: { status: 'Hired', hiredAt: new Date() } });
      await audit(ctx.db, { actor: 'ashby', action: 'candidate.hired', subjectType: 'application', subjectId: app.id });
      await startHandoff(ctx, app.id);
      await announceHire(ctx.queue, app.id);
      return;
    }
    case 'candidateDelete': {
      const id = event.data.candidate.id;
      const jobs = await ctx.db.application.findMany({ where: { candidateId: id }, select: { jobId: true } });
      // Cascades remove applications, resumes, scores, decisions and shortlist entries.
      await ctx.db.candidate.deleteMany({ where: { id } });
      for (const { jobId } of jobs) {
        if ((await refreshShortlist(ctx.db, jobId, ctx.config.shortlistSize)).changed) {
          await announceShortlistChange(ctx.queue, jobId);
        }
      }
      await audit(ctx.db, { actor: 'ashby', action: 'candidate.purged', subjectType: 'candidate', subjectId: id });
      return;
    }
    case 'candidateMerge': {
      const from = event.data.deletedCandidate.id;
      const to = event.data.mergedCandidate.id;
      await ctx.db.$transaction(async (tx) => {
        await tx.candidate.upsert({ where: { id: to }, create: { id: to }, update: {} });
        await tx.application.updateMany({ where: { candidateId: from }, data: { candidateId: to } });
        const resumes = await tx.resumeFile.findMany({ where: { candidateId: from } });
        for (const r of resumes) {
          const taken = await tx.resumeFile.findUnique({
            where: { candidateId_contentHash: { candidateId: to, contentHash: r.contentHash } },
          });
          if (taken) await tx.resumeFile.delete({ where: { id: r.id } });
          else await tx.resumeFile.update({ where: { id: r.id }, data: { candidateId: to } });
        }
        await tx.candidate.deleteMany({ where: { id: from } });
      });
      await audit(ctx.db, {
        actor: 'ashby',
        action: 'candidate.merged',
        subjectType: 'candidate',
        subjectId: to,
        detail: { from },
      });
      return;
    }
    case 'jobCreate':
    case 'jobUpdate':
      await refreshJob(ctx, event.data.job.id);
      return;
    case 'jobPostingPublish':
    case 'jobPostingUnpublish':
    case 'jobPostingUpdate':
      await refreshJob(ctx, event.data.jobPosting.jobId);
      return;
    case 'ping':
      return;
  }
}
