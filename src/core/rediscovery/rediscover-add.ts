import type { AshbyApplication } from '../../ashby/index.ts';
import { audit } from '../ops/audit.ts';
import { storedEdits } from '../requirements/edits.ts';
import type { AppContext } from '../context.ts';
import { enqueueApplication } from '../pipeline/process-application.ts';
import { pooledResumeTexts } from '../pool/pool-details.ts';
import { UnknownJobError } from '../shortlist/shortlist-card.ts';

/** The Ashby source a rediscovered application is credited to, where the organisation has one. */
export const REDISCOVERY_SOURCE = 'Skima Rediscovery';

/** Who asks: an Ashby user, and whether they recruit (recruiting or admin role). */
export interface AddToJobActor {
  ashbyUserId: string;
  name: string;
  recruiter: boolean;
}

export interface AddToJobRequest {
  candidateId: string;
  jobId: string;
  actor: AddToJobActor;
  channel: 'slack' | 'teams' | 'web' | 'cli';
}

export type AddToJobOutcome =
  | { status: 'added'; applicationId: string; jobTitle: string; score: number | null; sourced: boolean }
  /** The candidate already has an application on the job (this click or another's): nothing changed. */
  | { status: 'already'; applicationId: string; jobTitle: string };

/** Refused before anything happens: a hiring manager asked, or the job or candidate is unknown. */
export class AddToJobRefusedError extends Error {}

/** The candidate's application on the job in Ashby, whether Skima has mirrored it yet or not. */
async function applicationOnJob(ctx: AppContext, candidateId: string, jobId: string): Promise<string | undefined> {
  const mirrored = await ctx.db.application.findFirst({ where: { candidateId, jobId }, select: { id: true } });
  if (mirrored) return mirrored.id;
  const candidate = await ctx.ashby.client.candidate.info(candidateId);
  for (const applicationId of candidate.applicationIds) {
    const app = await ctx.ashby.client.application.info(applicationId);
    if (app.job.id === jobId) return app.id;
  }
  return undefined;
}

async function rediscoverySourceId(ctx: AppContext): Promise<string | undefined> {
  const sources = await ctx.ashby.client.source.list();
  const wanted = REDISCOVERY_SOURCE.toLowerCase();
  return sources.find((s) => !s.isArchived && s.title.trim().toLowerCase() === wanted)?.id;
}

/**
 * "Add to job" on a rediscovered candidate: creates their application on the job in Ashby (credited to
 * the "Skima Rediscovery" source where the organisation has it), adds a note saying why (the score and
 * its reasons), audits who did it where, and queues the application for screening, so it can land on
 * the shortlist like any other. Recruiters and admins only. Idempotent: when the candidate already has
 * an application on the job, nothing is written and the outcome says so.
 */
export async function addToJob(ctx: AppContext, req: AddToJobRequest): Promise<AddToJobOutcome> {
  if (!req.actor.recruiter) {
    throw new AddToJobRefusedError('Only recruiters and admins can add a past candidate to a job.');
  }
  const job = await ctx.db.job.findUnique({
    where: { id: req.jobId },
    select: { id: true, title: true, descriptionText: true, requirementEdits: true },
  });
  if (!job) throw new UnknownJobError(`no job ${req.jobId} is known to Skima`);
  const known = await ctx.db.candidate.count({ where: { id: req.candidateId } });
  if (!known) throw new AddToJobRefusedError('This candidate is not known to Skima (run skima sync).');

  const existing = await applicationOnJob(ctx, req.candidateId, job.id);
  if (existing) return { status: 'already', applicationId: existing, jobTitle: job.title };

  const resume = (await pooledResumeTexts(ctx.db, [req.candidateId])).get(req.candidateId);
  const edits = storedEdits(job.requirementEdits);
  const result = resume && job.descriptionText
    ? await ctx.scorer.score(job.descriptionText, resume, edits.length ? { requirements: edits } : undefined)
    : undefined;
  const sourceId = await rediscoverySourceId(ctx);
  let created: AshbyApplication;
  try {
    const input = { candidateId: req.candidateId, jobId: job.id, ...(sourceId ? { sourceId } : {}) };
    created = await ctx.ashby.client.application.create(input);
  } catch (err) {
    // Two clicks at once: the other one created it between our look and our write.
    const raced = await applicationOnJob(ctx, req.candidateId, job.id).catch(() => undefined);
    if (raced) return { status: 'already', applicationId: raced, jobTitle: job.title };
    throw err;
  }

  const marker = `skima:rediscovery:${created.id}`;
  const why = result
    ? [
        `Skima Match Score: ${result.score}/100`,
        ...result.reasons.map((r) => `• ${r.text}`),
        ...(result.missing.length ? [`Missing: ${result.missing.join('; ')}`] : []),
      ]
    : ['No readable resume to score.'];
  await ctx.ashby.client.candidate.createNote({
    candidateId: req.candidateId,
    note: {
      type: 'text/plain',
      value: [`Added to ${job.title} from Skima rediscovery by ${req.actor.name}.`, ...why, `[${marker}]`].join('\n'),
    },
    idempotencyMarker: marker,
  });
  await audit(ctx.db, {
    actor: req.actor.ashbyUserId,
    action: 'rediscovery.add_to_job',
    subjectType: 'application',
    subjectId: created.id,
    detail: {
      jobId: job.id,
      candidateId: req.candidateId,
      channel: req.channel,
      score: result?.score ?? null,
      sourceId: sourceId ?? null,
    },
  });
  await enqueueApplication(ctx.queue, created.id, 'live');
  const score = result?.score ?? null;
  return { status: 'added', applicationId: created.id, jobTitle: job.title, score, sourced: sourceId !== undefined };
}
