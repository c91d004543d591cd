import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { LinkKind } from '../links/links.ts';
import { hiringTeamOf, memberName } from '../people/hiring-team.ts';
import { rediscoveryCsv, rediscoveryXlsx } from './rediscover-export.ts';
import { addToJob, AddToJobRefusedError, type AddToJobOutcome } from './rediscover-add.ts';
import {
  EmptyPoolError,
  NoJobDescriptionError,
  parseRediscoverFilters,
  rediscover,
  type RediscoveredCandidate,
  type RediscoverResult,
  RediscoverUsageError,
  UnknownJobError,
} from './rediscover.ts';
import { RECRUITER_ONLY_FLAGS } from './rediscover-query.ts';

/** What a valid rediscovery link grants: one job's rediscovery, for one person. */
export interface RediscoverScope {
  linkId: string;
  kind: LinkKind;
  jobId: string;
  reviewerId: string;
  expiresAt: Date;
}

/** Whether a link may add past candidates to its job: recruiters' and admins' links only. */
export const canAddFrom = (scope: Pick<RediscoverScope, 'kind'>) => scope.kind === 'rediscover';

export interface PageCandidate extends RediscoveredCandidate {
  /** Opaque, per link: names the candidate in the "Add to job" form instead of their id. */
  ref: string;
}

export interface RediscoverPage {
  job: { id: string; title: string };
  reader: { id: string; name: string };
  canAdd: boolean;
  /** The filter words the page shows (after dropping what this link may not use). */
  words: string[];
  /** Filter words this link may not use, dropped (recruiter-only filters on a hiring team's link). */
  dropped: string[];
  /** Why the filters could not be used (the page then shows none of their results). */
  filterError?: string;
  /** Why there is nothing to show at all: no description, an empty pool. */
  problem?: string;
  considered: number;
  candidates: PageCandidate[];
  expiresAt: Date;
}

const REF_PATTERN = /^[A-Za-z0-9_-]{40,200}$/;

function refKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('rediscover-page-ref').digest();
}

/**
 * A candidate's reference on one link's page: their id sealed (AES-256-GCM) with the link's id as
 * associated data, so it reveals nothing, cannot be forged, and works on no other link.
 */
export function sealRef(secret: string, linkId: string, candidateId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', refKey(secret), iv);
  cipher.setAAD(Buffer.from(linkId));
  const body = Buffer.concat([cipher.update(candidateId, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The candidate id a reference was sealed from on this link, or undefined. */
export function openRef(secret: string, linkId: string, ref: string): string | undefined {
  if (!REF_PATTERN.test(ref)) return undefined;
  const raw = Buffer.from(ref, 'base64url');
  if (raw.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', refKey(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(linkId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The link holder's name, from any job's hiring team (recruiters need not be on this one). */
async function readerName(ctx: Pick<AppContext, 'db'>, userId: string): Promise<string> {
  const jobs = await ctx.db.job.findMany({ select: { hiringTeam: true } });
  for (const job of jobs) {
    const member = hiringTeamOf(job).find((m) => m.userId === userId);
    if (member) return memberName(member, userId);
  }
  return userId;
}

/** The filter words a link may use: a hiring team's link drops the recruiter-only ones. */
function allowedWords(scope: RediscoverScope, words: readonly string[]) {
  if (canAddFrom(scope)) return { words: [...words], dropped: [] };
  return {
    words: words.filter((w) => !RECRUITER_ONLY_FLAGS.includes(w)),
    dropped: words.filter((w) => RECRUITER_ONLY_FLAGS.includes(w)),
  };
}

async function runRediscovery(
  ctx: AppContext,
  scope: RediscoverScope,
  words: readonly string[],
): Promise<{ result?: RediscoverResult; words: string[]; dropped: string[]; filterError?: string; problem?: string }> {
  const allowed = allowedWords(scope, words);
  let filters;
  try {
    filters = parseRediscoverFilters(allowed.words);
  } catch (err) {
    if (!(err instanceof RediscoverUsageError)) throw err;
    return { ...allowed, filterError: err.message.split('\n')[0]! };
  }
  try {
    const result = await rediscover(ctx, scope.jobId, filters, { redact: ctx.config.redact });
    return { ...allowed, result };
  } catch (err) {
    if (err instanceof NoJobDescriptionError) {
      return { ...allowed, problem: 'This job has no description in Ashby yet, so there is nothing to match past candidates against.' };
    }
    if (err instanceof EmptyPoolError) {
      return { ...allowed, problem: 'No past candidate\'s resume has been read yet. Once Skima has synced with Ashby and read the resumes, try again.' };
    }
    throw err;
  }
}

/** Everything the rediscovery page shows for a link and its filter words. Reads only. */
export async function loadRediscoverPage(
  ctx: AppContext,
  scope: RediscoverScope,
  words: readonly string[],
): Promise<RediscoverPage> {
  const job = await ctx.db.job.findUnique({ where: { id: scope.jobId }, select: { id: true, title: true } });
  const [run, name] = await Promise.all([runRediscovery(ctx, scope, words), readerName(ctx, scope.reviewerId)]);
  const sealed = (c: RediscoveredCandidate) => ({ ...c, ref: sealRef(ctx.secret, scope.linkId, c.candidateId) });
  const candidates = (run.result?.candidates ?? []).map(sealed);
  return {
    job: job ?? { id: scope.jobId, title: 'a job Skima no longer knows' },
    reader: { id: scope.reviewerId, name },
    canAdd: canAddFrom(scope),
    words: run.words,
    dropped: run.dropped,
    ...(run.filterError ? { filterError: run.filterError } : {}),
    ...(run.problem ? { problem: run.problem } : job ? {} : { problem: 'This job is no longer known to Skima.' }),
    considered: run.result?.considered ?? 0,
    candidates,
    expiresAt: scope.expiresAt,
  };
}

export type PageExport = 'csv' | 'xlsx';

/** The page's results as a download: the same rediscovery, the same exports as the CLI's. Null when
 * there is nothing to export (the filters or the job cannot be used). */
export async function exportRediscoverPage(
  ctx: AppContext,
  scope: RediscoverScope,
  words: readonly string[],
  format: PageExport,
  now = new Date(),
): Promise<{ body: string | Buffer; jobTitle: string } | { problem: string }> {
  const run = await runRediscovery(ctx, scope, words);
  if (!run.result) return { problem: run.filterError ?? run.problem ?? 'Nothing to export.' };
  const body = format === 'csv'
    ? rediscoveryCsv(run.result)
    : await rediscoveryXlsx(run.result, { filters: run.words, generatedAt: now });
  return { body, jobTitle: run.result.job.title };
}

/** Who the "Add to job" confirmation names: the candidate (by name unless redacted) and the job. */
export async function addConfirmation(
  ctx: AppContext,
  scope: RediscoverScope,
  ref: string,
): Promise<{ candidateLabel: string; jobTitle: string } | 'view_only' | 'unknown_candidate'> {
  if (!canAddFrom(scope)) return 'view_only';
  const candidateId = openRef(ctx.secret, scope.linkId, ref);
  if (!candidateId) return 'unknown_candidate';
  const [candidate, job] = await Promise.all([
    ctx.db.candidate.findUnique({ where: { id: candidateId }, select: { name: true } }),
    ctx.db.job.findUnique({ where: { id: scope.jobId }, select: { title: true } }),
  ]);
  if (!candidate || !job) return 'unknown_candidate';
  const candidateLabel = ctx.config.redact || !candidate.name ? 'this past candidate' : candidate.name;
  return { candidateLabel, jobTitle: job.title };
}

/**
 * "Add to job" from the page: the core's one entry point (recruiters and admins, idempotent, audited,
 * channel "web"), in the name of the link's holder.
 */
export async function addFromPage(
  ctx: AppContext,
  scope: RediscoverScope,
  ref: string,
): Promise<AddToJobOutcome | 'view_only' | 'unknown_candidate' | { refused: string }> {
  if (!canAddFrom(scope)) return 'view_only';
  const candidateId = openRef(ctx.secret, scope.linkId, ref);
  if (!candidateId) return 'unknown_candidate';
  const actor = { ashbyUserId: scope.reviewerId, name: await readerName(ctx, scope.reviewerId), recruiter: true };
  try {
    return await addToJob(ctx, { candidateId, jobId: scope.jobId, actor, channel: 'web' });
  } catch (err) {
    if (err instanceof AddToJobRefusedError || err instanceof UnknownJobError) return { refused: err.message };
    throw err;
  }
}
