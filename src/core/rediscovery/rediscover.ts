import type { CardReason } from '../../bot/card-model.ts';
import { scoreBand } from '../../scoring/index.ts';
import type { AppContext } from '../context.ts';
import { REDISCOVER_DEFAULTS, REDISCOVER_MAX_LIMIT, type RediscoverFilters } from './rediscover-filters.ts';
import { UnknownJobError } from '../shortlist/shortlist-card.ts';

export {
  parseRediscoverFilters,
  REDISCOVER_FILTER_HELP,
  type RediscoverFilters,
  RediscoverUsageError,
  splitRediscoverArgs,
} from './rediscover-filters.ts';
export { UnknownJobError };

/** The job has no description yet, so there is nothing to score past candidates against. */
export class NoJobDescriptionError extends Error {}

export interface RediscoveredCandidate {
  candidateId: string;
  /** The candidate's most recently active application on another job. */
  pastApplicationId: string;
  pastJobTitle: string;
  pastStatus: string;
  archiveReason: string | null;
  score: number;
  band: string;
  reasons: CardReason[];
  missing: string[];
  lastActivityAt: Date;
  /** Absent when redact is true (or the name is unknown). */
  candidateName?: string;
}

export interface RediscoverResult {
  job: { id: string; title: string };
  /** Past candidates whose stored resume was scored against the job. */
  considered: number;
  candidates: RediscoveredCandidate[];
  /** Set when more past candidates qualified than are scored in one run: only the most recently active
   * `limitedTo` were considered. */
  limitedTo?: number;
}

/** Scoring is the cost of a rediscovery: it stops after this many past candidates, newest activity first. */
export const REDISCOVER_MAX_CONSIDERED = 500;
const PAGE = 1000;
const DAY_MS = 24 * 3600 * 1000;

interface PastApplication {
  id: string;
  candidateId: string;
  status: string;
  archiveReason: string | null;
  lastActivityAt: Date;
  jobTitle: string;
  candidateName: string | null;
}

/**
 * Past candidates worth a second look for a job: people with an application on another job (archived,
 * hired or lead; still active elsewhere only when asked) and none on this one, whose stored resume scores
 * well against this job's description. Read-only: it never calls Ashby and writes nothing; a person
 * decides what to do with the list.
 */
export async function rediscover(
  ctx: AppContext,
  jobId: string,
  filters: RediscoverFilters,
  opts: { redact: boolean; now?: Date; maxConsidered?: number },
): Promise<RediscoverResult> {
  const job = await ctx.db.job.findUnique({
    where: { id: jobId },
    select: { id: true, title: true, descriptionText: true },
  });
  if (!job) throw new UnknownJobError(`no job ${jobId} is known to Skima`);
  if (!job.descriptionText) throw new NoJobDescriptionError(`the job "${job.title}" has no description to score against`);

  const minScore = filters.minScore ?? REDISCOVER_DEFAULTS.minScore;
  const limit = Math.min(Math.max(1, filters.limit ?? REDISCOVER_DEFAULTS.limit), REDISCOVER_MAX_LIMIT);
  const maxConsidered = opts.maxConsidered ?? REDISCOVER_MAX_CONSIDERED;
  const since = filters.sinceDays ? new Date((opts.now ?? new Date()).getTime() - filters.sinceDays * DAY_MS) : null;

  const { pasts, more } = await newestPastApplications(ctx, jobId, {
    statuses: filters.includeActiveElsewhere ? ['Archived', 'Hired', 'Lead', 'Active'] : ['Archived', 'Hired', 'Lead'],
    since,
    max: maxConsidered,
  });
  const resumes = await currentResumes(ctx, pasts.map((p) => p.candidateId));

  const scored: RediscoveredCandidate[] = [];
  let considered = 0;
  for (const past of pasts) {
    const text = resumes.get(past.candidateId);
    if (text === undefined) continue;
    considered++;
    const result = await ctx.scorer.score(job.descriptionText, text);
    if (result.score < minScore) continue;
    scored.push({
      candidateId: past.candidateId,
      pastApplicationId: past.id,
      pastJobTitle: past.jobTitle,
      pastStatus: past.status,
      archiveReason: past.archiveReason,
      score: result.score,
      band: scoreBand(result.score),
      reasons: result.reasons.map((r) => ({ text: r.text, quote: r.quote, start: r.start, end: r.end })),
      missing: [...result.missing],
      lastActivityAt: past.lastActivityAt,
      ...(opts.redact || !past.candidateName ? {} : { candidateName: past.candidateName }),
    });
  }
  // Best first; among equals the more recently active, then a fixed order, so a rerun lists the same.
  scored.sort(
    (a, b) =>
      b.score - a.score
      || b.lastActivityAt.getTime() - a.lastActivityAt.getTime()
      || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0),
  );
  return {
    job: { id: job.id, title: job.title },
    considered,
    candidates: scored.slice(0, limit),
    ...(more ? { limitedTo: maxConsidered } : {}),
  };
}

/**
 * One past application per candidate (their most recently active one), for candidates with a readable
 * stored resume and no application on this job, newest activity first, at most `max` candidates.
 */
async function newestPastApplications(
  ctx: AppContext,
  jobId: string,
  opts: { statuses: string[]; since: Date | null; max: number },
): Promise<{ pasts: PastApplication[]; more: boolean }> {
  const where = {
    jobId: { not: jobId },
    status: { in: opts.statuses },
    candidate: {
      applications: { none: { jobId } },
      resumes: { some: { extractedText: { not: null } } },
    },
    ...(opts.since
      ? { OR: [{ ashbyUpdatedAt: { gte: opts.since } }, { ashbyUpdatedAt: null, updatedAt: { gte: opts.since } }] }
      : {}),
  };
  const byCandidate = new Map<string, PastApplication>();
  for (let skip = 0; ; skip += PAGE) {
    const rows = await ctx.db.application.findMany({
      where,
      orderBy: [{ ashbyUpdatedAt: { sort: 'desc', nulls: 'last' } }, { updatedAt: 'desc' }, { id: 'asc' }],
      skip,
      take: PAGE,
      select: {
        id: true,
        candidateId: true,
        status: true,
        archiveReason: true,
        ashbyUpdatedAt: true,
        updatedAt: true,
        job: { select: { title: true } },
        candidate: { select: { name: true } },
      },
    });
    for (const row of rows) {
      if (byCandidate.has(row.candidateId)) continue;
      if (byCandidate.size === opts.max) return { pasts: [...byCandidate.values()], more: true };
      byCandidate.set(row.candidateId, {
        id: row.id,
        candidateId: row.candidateId,
        status: row.status,
        archiveReason: row.archiveReason,
        lastActivityAt: row.ashbyUpdatedAt ?? row.updatedAt,
        jobTitle: row.job.title,
        candidateName: row.candidate.name,
      });
    }
    if (rows.length < PAGE) return { pasts: [...byCandidate.values()], more: false };
  }
}

/**
 * Each candidate's current resume text, from what the pipeline already extracted: the file Ashby names
 * as their resume, else their newest file. An unreadable current resume leaves the candidate out rather
 * than falling back to an outdated one.
 */
async function currentResumes(ctx: AppContext, candidateIds: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let i = 0; i < candidateIds.length; i += PAGE) {
    const ids = candidateIds.slice(i, i + PAGE);
    const [candidates, rows] = await Promise.all([
      ctx.db.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, resumeFileHandle: true } }),
      ctx.db.resumeFile.findMany({
        where: { candidateId: { in: ids } },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        select: { candidateId: true, fileHandle: true, extractedText: true },
      }),
    ]);
    const handles = new Map(candidates.map((c) => [c.id, c.resumeFileHandle]));
    const current = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const chosen = current.get(r.candidateId);
      const isNamed = r.fileHandle === handles.get(r.candidateId);
      if (!chosen || (isNamed && chosen.fileHandle !== handles.get(r.candidateId))) current.set(r.candidateId, r);
    }
    for (const [candidateId, r] of current) if (r.extractedText !== null) texts.set(candidateId, r.extractedText);
  }
  return texts;
}
