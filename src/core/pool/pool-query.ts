import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { commonWords } from './common-words.ts';
import { ftsAnyOf } from './fts-match.ts';
import type { JobSearch } from './pool-text.ts';
import { type RediscoverFilters, TEXT_FILTERS, type TextFilter } from '../rediscovery/rediscover-filters.ts';

/** A piece of WHERE clause and its arguments, in the `?` form raw-sql takes. */
export interface Clause {
  sql: string;
  args: unknown[];
}

/** Where each text filter looks: the past application ("a") or its job ("j"). */
const TEXT_COLUMNS: Record<TextFilter, string> = {
  pastJob: 'j."title"',
  department: 'j."departmentName"',
  archiveReason: 'a."archiveReason"',
  source: 'a."sourceTitle"',
  location: 'j."locationName"',
  // Stages and tags are stored lower case, `-` and `_` as spaces, one a line (see pool-labels.ts).
  stage: 'a."stagesReached"',
  tag: '(SELECT t."tags" FROM "Candidate" t WHERE t."id" = a."candidateId")',
};

/** `%` and `_` in a filter's words are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The past applications a rediscovery may show, as a clause over "Application" a joined with its
 * "Job" j: on another job, in the statuses asked for, and matching every filter.
 */
export function pastApplicationClause(jobId: string, filters: RediscoverFilters, since: Date | null): Clause {
  const statuses = ['Archived', 'Lead'];
  if (filters.includeActiveElsewhere) statuses.push('Active');
  if (filters.includeHired) statuses.push('Hired');
  const parts = [`a."jobId" <> ?`, `a."status" IN (${statuses.map(() => '?').join(', ')})`];
  const args: unknown[] = [jobId, ...statuses];
  for (const [filter, column] of Object.entries(TEXT_COLUMNS) as [TextFilter, string][]) {
    const text = filters[filter];
    if (text === undefined) continue;
    parts.push(`LOWER(COALESCE(${column}, '')) LIKE ? ESCAPE '\\'`);
    args.push(likePattern(text));
  }
  if (filters.recruiterId !== undefined) {
    parts.push(`a."creditedToUserId" = ?`);
    args.push(filters.recruiterId);
  }
  if (since) {
    parts.push(`COALESCE(a."ashbyUpdatedAt", a."updatedAt") >= ?`);
    args.push(since);
  }
  return { sql: parts.join(' AND '), args };
}

// What the pool document's "facts" bits say about the candidate (kept by triggers: see the
// pool_facts migration): one small indexed integer stands for three look-ups per candidate.
const FACT_ARCHIVED_OR_LEAD = 1;
const FACT_ACTIVE = 2;
const FACT_HIRED = 4;
const FACT_DO_NOT_CONTACT = 8;

/** The values of "facts" a candidate may have to be shown under the filters' statuses and exclusions. */
export function allowedFacts(filters: RediscoverFilters): number[] {
  const allowed: number[] = [];
  for (let facts = 0; facts < 16; facts++) {
    const pastStatus = (facts & FACT_ARCHIVED_OR_LEAD) !== 0
      || (filters.includeActiveElsewhere === true && (facts & FACT_ACTIVE) !== 0)
      || (filters.includeHired === true && (facts & FACT_HIRED) !== 0);
    if (!pastStatus) continue;
    if (!filters.includeHired && (facts & FACT_HIRED) !== 0) continue;
    if (!filters.includeDoNotContact && (facts & FACT_DO_NOT_CONTACT) !== 0) continue;
    allowed.push(facts);
  }
  return allowed;
}

/** Whether the filters ask more of the past application than its status: then only looking at the
 * applications themselves can tell. */
function narrowsPastApplication(filters: RediscoverFilters, since: Date | null): boolean {
  return since !== null || filters.recruiterId !== undefined || TEXT_FILTERS.some((f) => filters[f] !== undefined);
}

/** The facts clause over PoolDocument d (integers of our own, so written inline). */
function factsSql(filters: RediscoverFilters): string {
  return `d."facts" IN (${allowedFacts(filters).join(', ')})`;
}

const ON_THIS_JOB = `SELECT 1 FROM "Application" x WHERE x."candidateId" = d."candidateId" AND x."jobId" = ?`;

/**
 * The pool candidates (PoolDocument d) a rediscovery may show: one of their past applications
 * qualifies, none is on this job, (unless asked for) none was hired, and they are not flagged
 * do-not-contact. Someone with no application on this job has all theirs on other jobs, so when the
 * filters ask only for statuses the facts alone say whether a past application qualifies.
 */
export function candidateClause(jobId: string, past: Clause, filters: RediscoverFilters, since: Date | null): Clause {
  const parts = [factsSql(filters), `NOT EXISTS (${ON_THIS_JOB})`];
  const args: unknown[] = [jobId];
  if (narrowsPastApplication(filters, since)) {
    parts.push(`EXISTS (SELECT 1 FROM "Application" a JOIN "Job" j ON j."id" = a."jobId" WHERE a."candidateId" = d."candidateId" AND ${past.sql})`);
    args.push(...past.args);
  }
  return { sql: parts.join(' AND '), args };
}

/**
 * Pool candidates the filters let through (what a rediscovery searches), exactly, without a look-up
 * per pool document: by statuses only, the candidates whose facts qualify less those of them with an
 * application on this job (a few, through the job's index); with narrower filters, from the
 * applications that match them.
 */
export async function countPool(
  db: Db,
  jobId: string,
  past: Clause,
  filters: RediscoverFilters,
  since: Date | null,
): Promise<number> {
  const facts = factsSql(filters);
  const sql = rawSql(db);
  if (!narrowsPastApplication(filters, since)) {
    // The second count starts from the job's applications (its index), not from the facts' index.
    const [row] = await sql.rows<{ n: number | bigint | string }>(
      `SELECT (SELECT COUNT(*) FROM "PoolDocument" d WHERE ${facts})
         - (SELECT COUNT(DISTINCT x."candidateId") FROM "Application" x
              JOIN "PoolDocument" d ON d."candidateId" = x."candidateId" WHERE x."jobId" = ? AND ${facts}) AS "n"`,
      jobId,
    );
    return Number(row?.n ?? 0);
  }
  const [row] = await sql.rows<{ n: number | bigint | string }>(
    `SELECT COUNT(DISTINCT a."candidateId") AS "n" FROM "Application" a JOIN "Job" j ON j."id" = a."jobId"
       JOIN "PoolDocument" d ON d."candidateId" = a."candidateId"
     WHERE ${past.sql} AND ${facts} AND NOT EXISTS (${ON_THIS_JOB})`,
    ...past.args,
    jobId,
  );
  return Number(row?.n ?? 0);
}

/** The index's best matches looked at before the filters apply: the filters then read a few thousand
 * rows, not the whole pool. */
export const SEARCH_WINDOW = 2000;

/** What the index is asked: documents holding any of `finding` words, ranked by all of `ranking`. */
interface IndexQuery {
  finding: readonly string[];
  ranking: readonly string[];
}

/**
 * The `limit` candidates under the clause whose indexed text best matches the words (any of them;
 * the more, and the rarer, the better), best first. The index ranks first and the filters narrow its
 * best `SEARCH_WINDOW`; words common in the pool (common-words.ts) only rank what the others find.
 * When that leaves fewer than `limit`, every word finds and the filters go into the search itself,
 * so narrow filters still reach the whole pool.
 */
export async function searchPool(
  db: Db,
  terms: string[],
  where: Clause,
  limit: number,
  pool: { size: number; window?: number; commonShare?: number; known?: Map<string, boolean> },
): Promise<string[]> {
  if (terms.length === 0) return [];
  const common = await commonWords(db, terms, pool.size, pool.commonShare, pool.known);
  const rare = terms.filter((t) => !common.has(t));
  const finding = rare.length > 0 ? rare : terms;
  const windowed = await rankedSearch(db, { finding, ranking: terms }, where, limit, pool.window ?? SEARCH_WINDOW);
  if (windowed.length >= limit) return windowed;
  return rankedSearch(db, { finding: terms, ranking: terms }, where, limit, undefined);
}

/**
 * The `limit` best matches of a job under the clause: by its focused words, or when those find fewer
 * than `limit` (a small pool, narrow filters, a job of common words), by all of them.
 */
export async function searchJob(
  db: Db,
  search: JobSearch,
  where: Clause,
  limit: number,
  pool: { size: number },
): Promise<string[]> {
  // The full query repeats the focused words: each is looked up as common or not once.
  const shared = { ...pool, known: new Map<string, boolean>() };
  if (search.focused.length > 0 && search.focused.length < search.full.length) {
    const focused = await searchPool(db, search.focused, where, limit, shared);
    if (focused.length >= limit) return focused;
  }
  return searchPool(db, search.full, where, limit, shared);
}

async function rankedSearch(db: Db, query: IndexQuery, where: Clause, limit: number, window: number | undefined) {
  const sql = rawSql(db);
  if (sql.provider === 'sqlite') {
    // Quoted, each word is a plain string to FTS5 (no operators); BM25 ranks by every phrase of the
    // expression, so the ranking words join the finding ones through AND.
    const match = query.finding.length === query.ranking.length
      ? ftsAnyOf(query.ranking)
      : `(${ftsAnyOf(query.finding)}) AND (${ftsAnyOf(query.ranking)})`;
    const ranked = window === undefined
      ? `SELECT "rowid" AS "id", "rank" FROM "PoolDocumentFts" WHERE "PoolDocumentFts" MATCH ?`
      : `SELECT "rowid" AS "id", "rank" FROM "PoolDocumentFts" WHERE "PoolDocumentFts" MATCH ? ORDER BY "rank" LIMIT ${window}`;
    // CROSS JOIN keeps the index's matches as the outer loop, each looked up by its key. Left to
    // itself, SQLite walked the facts index over most of the pool instead (4-8 times slower at 100,000).
    const rows = await sql.rows<{ candidateId: string }>(
      `SELECT d."candidateId" FROM (${ranked}) t CROSS JOIN "PoolDocument" d ON d."id" = t."id"
       WHERE ${where.sql} ORDER BY t."rank", d."id" LIMIT ?`,
      match,
      ...where.args,
      limit,
    );
    return rows.map((r) => r.candidateId);
  }
  // Words of letters and digits only (pool-text makes them so), joined by tsquery's OR.
  const ranked = `SELECT p."id", ts_rank(p."search", q) AS "rank"
    FROM "PoolDocument" p, to_tsquery('english', ?) f, to_tsquery('english', ?) q
    WHERE p."search" @@ f${window === undefined ? '' : ` ORDER BY "rank" DESC LIMIT ${window}`}`;
  const rows = await sql.indexedRows<{ candidateId: string }>(
    `SELECT d."candidateId" FROM (${ranked}) t JOIN "PoolDocument" d ON d."id" = t."id"
     WHERE ${where.sql} ORDER BY t."rank" DESC, d."id" LIMIT ?`,
    query.finding.join(' | '),
    query.ranking.join(' | '),
    ...where.args,
    limit,
  );
  return rows.map((r) => r.candidateId);
}
