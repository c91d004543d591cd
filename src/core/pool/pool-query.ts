import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { RediscoverFilters, TextFilter } from '../rediscovery/rediscover-filters.ts';

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

/**
 * The pool candidates (PoolDocument d) a rediscovery may show: one of their past applications
 * qualifies, none is on this job, (unless asked for) none was hired, and they are not flagged
 * do-not-contact.
 */
export function candidateClause(jobId: string, past: Clause, filters: RediscoverFilters): Clause {
  const parts = [
    `EXISTS (SELECT 1 FROM "Application" a JOIN "Job" j ON j."id" = a."jobId" WHERE a."candidateId" = d."candidateId" AND ${past.sql})`,
    `NOT EXISTS (SELECT 1 FROM "Application" x WHERE x."candidateId" = d."candidateId" AND x."jobId" = ?)`,
  ];
  const args = [...past.args, jobId];
  if (!filters.includeHired) {
    parts.push(`NOT EXISTS (SELECT 1 FROM "Application" h WHERE h."candidateId" = d."candidateId" AND h."status" = 'Hired')`);
  }
  if (!filters.includeDoNotContact) {
    parts.push(`NOT EXISTS (SELECT 1 FROM "Candidate" n WHERE n."id" = d."candidateId" AND n."doNotContact" = TRUE)`);
  }
  return { sql: parts.join(' AND '), args };
}

/** Pool candidates under the clause: what a rediscovery searches. */
export async function countPool(db: Db, where: Clause): Promise<number> {
  const [row] = await rawSql(db).rows<{ n: number | bigint | string }>(
    `SELECT COUNT(*) AS "n" FROM "PoolDocument" d WHERE ${where.sql}`,
    ...where.args,
  );
  return Number(row?.n ?? 0);
}

/** The index's best matches looked at before the filters apply: the filters then read a few thousand
 * rows, not the whole pool. */
export const SEARCH_WINDOW = 2000;

/**
 * The `limit` candidates under the clause whose indexed text best matches the words (any of them;
 * the more, and the rarer, the better), best first. The index ranks first and the filters narrow its
 * best `SEARCH_WINDOW`; when they leave fewer than `limit` of a larger match, the filters go into
 * the search itself, so narrow filters still reach the whole pool.
 */
export async function searchPool(
  db: Db,
  terms: string[],
  where: Clause,
  limit: number,
  window = SEARCH_WINDOW,
): Promise<string[]> {
  if (terms.length === 0) return [];
  const windowed = await rankedSearch(db, terms, where, limit, window);
  if (windowed.length >= limit) return windowed;
  return rankedSearch(db, terms, where, limit, undefined);
}

async function rankedSearch(db: Db, terms: string[], where: Clause, limit: number, window: number | undefined) {
  const sql = rawSql(db);
  if (sql.provider === 'sqlite') {
    // Quoted, each word is a plain string to FTS5 (no operators); OR ranks by BM25 over all of them.
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
    const ranked = window === undefined
      ? `SELECT "rowid" AS "id", "rank" FROM "PoolDocumentFts" WHERE "PoolDocumentFts" MATCH ?`
      : `SELECT "rowid" AS "id", "rank" FROM "PoolDocumentFts" WHERE "PoolDocumentFts" MATCH ? ORDER BY "rank" LIMIT ${window}`;
    const rows = await sql.rows<{ candidateId: string }>(
      `SELECT d."candidateId" FROM (${ranked}) t JOIN "PoolDocument" d ON d."id" = t."id"
       WHERE ${where.sql} ORDER BY t."rank", d."id" LIMIT ?`,
      match,
      ...where.args,
      limit,
    );
    return rows.map((r) => r.candidateId);
  }
  // Words of letters and digits only (pool-text makes them so), joined by tsquery's OR.
  const ranked = `SELECT p."id", ts_rank(p."search", q) AS "rank" FROM "PoolDocument" p, to_tsquery('english', ?) q
    WHERE p."search" @@ q${window === undefined ? '' : ` ORDER BY "rank" DESC LIMIT ${window}`}`;
  const rows = await sql.rows<{ candidateId: string }>(
    `SELECT d."candidateId" FROM (${ranked}) t JOIN "PoolDocument" d ON d."id" = t."id"
     WHERE ${where.sql} ORDER BY t."rank" DESC, d."id" LIMIT ?`,
    terms.join(' | '),
    ...where.args,
    limit,
  );
  return rows.map((r) => r.candidateId);
}
