import type { CardReason } from '../../bot/card-model.ts';
import { scoreBand, unroundedScore } from '../../scoring/index.ts';
import { storedEdits } from '../requirements/edits.ts';
import type { AppContext } from '../context.ts';
import { pastApplications, pooledResumeTexts } from '../pool/pool-details.ts';
import { poolSize } from '../pool/pool-index.ts';
import { candidateClause, countPool, pastApplicationClause, searchJob } from '../pool/pool-query.ts';
import { jobSearchTerms } from '../pool/pool-text.ts';
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

/** No past candidate's resume is in the pool yet (nothing synced, or extraction still running). */
export class EmptyPoolError extends Error {}

export interface RediscoveredCandidate {
  candidateId: string;
  /** The candidate's most recently active qualifying application on another job. */
  pastApplicationId: string;
  pastJobTitle: string;
  pastStatus: string;
  pastStage: string | null;
  archiveReason: string | null;
  source: string | null;
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
  /** Past candidates in the pool that the filters let through: the pool searched. */
  considered: number;
  candidates: RediscoveredCandidate[];
}

/** The index pre-selects this many best matches of the job's words; the scorer ranks them (100 keeps
 * RJDB's matched resume in the top 10 as 200 did, bench/rediscover-quality.ts, at half the scoring). Scoring is
 * the cost, so it stays the same however large the pool grows. */
export const REDISCOVER_PRESELECT = 100;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Past candidates worth a second look for a job: people with an application on another job (archived
 * or lead; still active elsewhere, or hired, only when asked) and none on this one, whose current
 * resume scores well against this job's description. The whole pool is searched through its
 * full-text index; the best matches are scored. Read-only: it never calls Ashby and writes nothing.
 */
export async function rediscover(
  ctx: Pick<AppContext, 'db' | 'scorer'>,
  jobId: string,
  filters: RediscoverFilters,
  opts: { redact: boolean; now?: Date; preselect?: number },
): Promise<RediscoverResult> {
  const job = await ctx.db.job.findUnique({
    where: { id: jobId },
    select: { id: true, title: true, descriptionText: true, requirementEdits: true },
  });
  if (!job) throw new UnknownJobError(`no job ${jobId} is known to Skima`);
  if (!job.descriptionText?.trim()) {
    throw new NoJobDescriptionError(`the job "${job.title}" has no description to score against`);
  }
  const pooled = await poolSize(ctx.db);
  if (pooled === 0) {
    throw new EmptyPoolError(
      'no past candidate has a readable resume in Skima yet: run skima sync, and try again once the resumes are read (skima status)',
    );
  }

  const minScore = filters.minScore ?? REDISCOVER_DEFAULTS.minScore;
  const limit = Math.min(Math.max(1, filters.limit ?? REDISCOVER_DEFAULTS.limit), REDISCOVER_MAX_LIMIT);
  const since = filters.sinceDays ? new Date((opts.now ?? new Date()).getTime() - filters.sinceDays * DAY_MS) : null;
  const past = pastApplicationClause(job.id, filters, since);
  const where = candidateClause(job.id, past, filters, since);

  const search = jobSearchTerms(job.descriptionText);
  const preselect = opts.preselect ?? REDISCOVER_PRESELECT;
  const [considered, ids] = await Promise.all([
    countPool(ctx.db, job.id, past, filters, since),
    searchJob(ctx.db, search, where, preselect, { size: pooled }),
  ]);
  const [pasts, resumes] = await Promise.all([pastApplications(ctx.db, ids, past), pooledResumeTexts(ctx.db, ids)]);

  const description = job.descriptionText;
  // The requirements as people corrected them, as the job's own applications are scored. The pool's
  // resumes are kept parsed: the next job's rediscovery scores many of the same ones.
  const edits = storedEdits(job.requirementEdits);
  const options = { ...(edits.length ? { requirements: edits } : {}), keepParsed: true };
  const unrounded = new Map<string, number>();
  const scored = await Promise.all(
    ids.map(async (candidateId): Promise<RediscoveredCandidate | undefined> => {
      const pastApp = pasts.get(candidateId);
      const text = resumes.get(candidateId);
      if (!pastApp || text === undefined) return undefined;
      const result = await ctx.scorer.score(description, text, options);
      if (result.score < minScore) return undefined;
      unrounded.set(candidateId, unroundedScore(result.score, result.features));
      return {
        candidateId,
        pastApplicationId: pastApp.id,
        pastJobTitle: pastApp.jobTitle,
        pastStatus: pastApp.status,
        pastStage: pastApp.stageTitle,
        archiveReason: pastApp.archiveReason,
        source: pastApp.sourceTitle,
        score: result.score,
        band: scoreBand(result.score),
        reasons: result.reasons.map((r) => ({ text: r.text, quote: r.quote, start: r.start, end: r.end })),
        missing: [...result.missing],
        lastActivityAt: pastApp.lastActivityAt,
        ...(opts.redact || !pastApp.candidateName ? {} : { candidateName: pastApp.candidateName }),
      };
    }),
  );
  const found = scored.filter((c): c is RediscoveredCandidate => c !== undefined);
  // Best first (equal whole numbers by the unrounded score, as the shortlist orders them); among exact
  // equals the more recently active, then a fixed order, so a rerun lists the same.
  found.sort(
    (a, b) =>
      b.score - a.score
      || unrounded.get(b.candidateId)! - unrounded.get(a.candidateId)!
      || b.lastActivityAt.getTime() - a.lastActivityAt.getTime()
      || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0),
  );
  return { job: { id: job.id, title: job.title }, considered, candidates: found.slice(0, limit) };
}
