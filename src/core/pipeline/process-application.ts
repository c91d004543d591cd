import type { AshbyFileHandle } from '../../ashby/index.ts';
import { unroundedScore } from '../../scoring/index.ts';
import type { AshbyTargetsCache } from '../ashby-link/ashby-fields.ts';
import { audit } from '../ops/audit.ts';
import type { AppContext } from '../context.ts';
import { jobFieldLink } from '../links/links.ts';
import { startHandoff } from '../handoff/index.ts';
import { announceHire } from '../chat/notices.ts';
import type { JobQueue } from '../queue/types.ts';
import { announceShortlistChange, currentShortlist, mayChangeShortlist, refreshShortlist } from '../shortlist/shortlist.ts';
import { Writeback } from './writeback.ts';
import { indexCandidate, removeFromPool } from '../pool/pool-index.ts';
import { priorStages, recordStagesReached } from '../pool/stages-reached.ts';
import type { ApplicationSnapshot } from './application-snapshot.ts';
import { ensureJob } from './job-cache.ts';
import { resumeText } from './resume.ts';
import { scoringKey, storedEdits } from '../requirements/edits.ts';
import {
  findScore,
  insertScore,
  type ScreenedApplication,
  setScreening,
  storeApplication,
  storedResumeHandle,
} from './screening-store.ts';

export const PROCESS_APPLICATION_QUEUE = 'application.process';

/** Something just happened to the application in Ashby (a person may be waiting on it), or a backfill,
 * poll or re-score found it. Live runs go first, so a new applicant is screened within seconds even
 * while a first backfill works through tens of thousands. */
export type ScreeningUrgency = 'live' | 'background';
const PRIORITY: Record<ScreeningUrgency, number> = { live: 10, background: 0 };

/** One waiting run per application: a burst of webhooks for it becomes one run. */
export function enqueueApplication(queue: JobQueue, applicationId: string, urgency: ScreeningUrgency = 'background') {
  return queue.enqueue(PROCESS_APPLICATION_QUEUE, { applicationId }, screeningJobOptions(applicationId, urgency));
}

/** What an application job carries: the application as a poll listed it, when it did. */
export interface ProcessApplicationPayload {
  applicationId: string;
  listed?: ApplicationSnapshot;
}

/** A page of applications a poll found (ids, or the applications as listed), in one write; how many were
 * not already waiting. */
export async function enqueueApplications(
  queue: JobQueue,
  applications: (string | ApplicationSnapshot)[],
): Promise<number> {
  if (applications.length === 0) return 0;
  const jobs = applications.map((app) => {
    const payload: ProcessApplicationPayload =
      typeof app === 'string' ? { applicationId: app } : { applicationId: app.id, listed: app };
    return { payload, options: screeningJobOptions(payload.applicationId, 'background') };
  });
  const results = await queue.enqueueMany(PROCESS_APPLICATION_QUEUE, jobs);
  return results.filter((r) => r.created).length;
}

function screeningJobOptions(applicationId: string, urgency: ScreeningUrgency) {
  return { singletonKey: applicationId, priority: PRIORITY[urgency] };
}

export type ProcessOutcome = 'scored' | 'unchanged' | 'unreadable' | 'no_resume' | 'no_job_description';

/** The job's shortlist after this application's screening changed: recomputed only when the application
 * could have entered, left or moved on it, and announced only when it did change. */
async function followShortlist(ctx: AppContext, stored: ScreenedApplication, rescoredOnEdit = false): Promise<void> {
  if (await mayChangeShortlist(ctx.db, stored, ctx.config.shortlistSize)) {
    const shortlist = await refreshShortlist(ctx.db, stored.jobId, ctx.config.shortlistSize);
    if (shortlist.changed) {
      await announceShortlistChange(ctx.queue, stored.jobId);
      return;
    }
  }
  // Re-scored against edited requirements in the same place: its reasons and missing list may have
  // changed, and the cards show them.
  if (!rescoredOnEdit) return;
  const entries = await currentShortlist(ctx.db, stored.jobId);
  if (entries.some((e) => e.applicationId === stored.id)) await announceShortlistChange(ctx.queue, stored.jobId);
}

function reasonsText(reasons: { text: string }[], missing: string[]): string {
  const lines = reasons.map((r) => `• ${r.text}`);
  if (missing.length) lines.push(`Missing: ${missing.join('; ')}`);
  return lines.join('\n');
}

/** The application's resume file. `application.info` names it; an application a poll listed has none,
 * and its candidate's handle, which the poll's `candidate.list` pass stored, serves instead. Only a
 * candidate with no handle stored costs a `candidate.info` call. */
async function resumeHandle(
  ctx: AppContext,
  app: ApplicationSnapshot & { resumeFileHandle?: AshbyFileHandle | null },
  listed: boolean,
): Promise<AshbyFileHandle | null> {
  if (app.resumeFileHandle) return app.resumeFileHandle;
  if (listed) {
    const stored = await storedResumeHandle(ctx.db, app.candidate.id);
    // The stored handle has no file name: the extractor knows a file by its content and media type.
    if (stored) return { id: stored, name: '', handle: stored };
  }
  return (await ctx.ashby.client.candidate.info(app.candidate.id)).resumeFileHandle ?? null;
}

/** A hire the poll found (its webhook lost): Skima knew the application, and not as hired. Applications
 * hired before Skima first saw them are history, never handed off nor announced. */
async function becameHired(ctx: AppContext, app: ApplicationSnapshot): Promise<boolean> {
  if (app.status !== 'Hired') return false;
  const stored = await ctx.db.application.findUnique({ where: { id: app.id }, select: { status: true } });
  return stored !== null && stored.status !== 'Hired';
}

/**
 * The application job: fetch (unless a poll listed it: `listed`), extract, score (only when resume, job
 * description or scorer changed), persist, write back, refresh the shortlist. Safe to run any number of
 * times for the same application.
 */
export async function processApplication(
  ctx: AppContext,
  targetsCache: AshbyTargetsCache,
  applicationId: string,
  run: { listed?: ApplicationSnapshot; attempt?: number } = {},
): Promise<ProcessOutcome> {
  const { listed } = run;
  const client = ctx.ashby.client;
  const detail = listed ?? (await client.application.info(applicationId));
  const job = await ensureJob(ctx, detail.job.id);
  const handle = await resumeHandle(ctx, detail, listed !== undefined);
  const hiredNow = await becameHired(ctx, detail);
  const prior = await priorStages(ctx, applicationId);
  await storeApplication(ctx.db, detail, handle?.handle ?? null);
  await recordStagesReached(ctx, detail, prior);
  if (hiredNow) {
    await startHandoff(ctx, applicationId);
    await announceHire(ctx.queue, applicationId);
  }
  const app = { applicationId, candidateId: detail.candidate.id };
  // A run after a failed one (a process killed mid-job among them) may follow a write Ashby took that
  // was never recorded: the fields are compared with Ashby's before they are written again.
  const writeback = new Writeback({ db: ctx.db, client, log: ctx.log, recheck: (run.attempt ?? 1) > 1 });
  const targets = await targetsCache.get();

  /** Not scorable: no score to rank by any more, and off the shortlist if it was on it. */
  const setUnscored = async (screeningState: ProcessOutcome, screeningDetail: string) => {
    await followShortlist(ctx, await setScreening(ctx.db, applicationId, screeningState, screeningDetail, null));
  };

  if (!handle) {
    await removeFromPool(ctx.db, detail.candidate.id);
    await setUnscored('no_resume', 'No resume on file');
    await writeback.setFields(app, targets, { reasons: 'Skima could not screen this application: no resume on file.' });
    return 'no_resume';
  }
  // Read before the job's description is known: a past candidate belongs in rediscovery's pool however
  // their own application went.
  const resume = await resumeText(ctx, detail.candidate.id, handle);
  if (resume.ok) await indexCandidate(ctx.db, detail.candidate.id, resume);
  else await removeFromPool(ctx.db, detail.candidate.id);
  if (!job.descriptionText || !job.descriptionHash) {
    await setUnscored('no_job_description', 'The job has no posting description to score against');
    return 'no_job_description';
  }
  if (!resume.ok) {
    const why = `Skima could not read the resume (${resume.reason.replace('_', ' ')}): ${resume.message}`;
    await setUnscored('unreadable', why);
    const fields = await writeback.setFields(app, targets, { reasons: why });
    if (fields.refused || !targets.fields.reasons) await writeback.note(app, 'unreadable', why);
    await audit(ctx.db, {
      actor: 'system',
      action: 'application.unreadable',
      subjectType: 'application',
      subjectId: applicationId,
      detail: { reason: resume.reason, resumeHash: resume.hash },
    });
    return 'unreadable';
  }

  // Scored against the requirements as people corrected them, when they did: the key names both.
  const edits = storedEdits(job.requirementEdits);
  const key = {
    applicationId,
    resumeHash: resume.hash,
    jdHash: scoringKey(job.descriptionHash, job.requirementEdits),
    scorerVersion: ctx.scorer.version,
  };
  // A file extracted just now has no score yet: no need to look for one.
  let score = resume.fresh ? null : await findScore(ctx.db, key);
  const outcome: ProcessOutcome = score ? 'unchanged' : 'scored';
  if (!score) {
    const options = edits.length ? { requirements: edits } : undefined;
    const result = await ctx.scorer.score(job.descriptionText, resume.text, options);
    const fresh = {
      score: result.score,
      raw: unroundedScore(result.score, result.features),
      reasons: result.reasons.map((r) => ({ text: r.text, quote: r.quote, start: r.start, end: r.end })),
      missing: result.missing,
      scorerVersion: key.scorerVersion,
      createdAt: new Date(),
    };
    if (await insertScore(ctx.db, key, { ...fresh, features: result.features })) {
      score = fresh;
      await audit(ctx.db, {
        actor: 'system',
        action: 'application.scored',
        subjectType: 'application',
        subjectId: applicationId,
        detail: {
          score: result.score,
          scorer: ctx.scorer.version,
          resumeHash: resume.hash,
          jdHash: key.jdHash,
        },
      });
    } else {
      // Scored meanwhile by another run of this application: keep that one.
      score = await findScore(ctx.db, key);
      if (!score) throw new Error(`the score of application ${applicationId} vanished while it was being stored`);
    }
  }
  const stored = await setScreening(ctx.db, applicationId, 'scored', null, score);

  const { reasons, missing } = score;
  const link = await jobFieldLink(ctx.db, ctx.secret, job.id, ctx.config.linkTtlMs);
  const fields = await writeback.setFields(app, targets, {
    score: score.score,
    reasons: reasonsText(reasons, missing),
    link: `${ctx.config.publicBaseUrl}/s/${link.token}`,
  });
  if (fields.refused || !targets.fields.score || !targets.fields.reasons) {
    const text = [`Skima Match Score: ${score.score}/100`, reasonsText(reasons, missing)].join('\n');
    await writeback.note(app, 'score', text);
    await writeback.evidence(app, {
      // Attached to the candidate in Ashby, where they are known by name; in redaction mode by no name.
      candidate: ctx.config.redact ? 'Candidate' : detail.candidate.name,
      jobTitle: job.title,
      score: score.score,
      reasons,
      missing,
      scorerVersion: score.scorerVersion,
      scoredAt: score.createdAt,
    });
  }
  await writeback.tag(app, targets.tagId);

  await followShortlist(ctx, stored, outcome === 'scored' && edits.length > 0);
  return outcome;
}
