import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { Period, Week } from './period.ts';
import type { Spread } from './stats.ts';

/**
 * The screenings of a report, counted and spread (median, p90 of the time to screen) inside the
 * database: a year of 100,000 applications comes back as a few rows per week and per job instead of
 * 100,000 rows to parse. Each screening is put in its bucket by a CASE over the weeks' bounds, and the
 * middle and 90th-percentile rows of each bucket are picked by window functions (both SQLite and
 * PostgreSQL have them; the screenings are materialised once for the three groupings). The same
 * definitions as stats.ts: the mean of the middle two for an even count, the nearest rank for p90.
 */
export interface ScreenedStats {
  count: number;
  timeToScreenMs: Spread;
}

export interface ScreenedBuckets {
  previous?: ScreenedStats;
  current?: ScreenedStats;
  weeks: Map<number, ScreenedStats>;
  jobs: Map<string, ScreenedStats>;
}

/** Milliseconds from one stored time to a later one (0 if it is not later), in each dialect. */
function elapsedMs(provider: string, later: string, earlier: string): string {
  return provider === 'sqlite'
    ? `MAX(0, CAST(ROUND((julianday(${later}) - julianday(${earlier})) * 86400000) AS INTEGER))`
    : `GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (${later} - ${earlier})) * 1000) AS BIGINT))`;
}

function statement(provider: string, weeks: number, jobId: string | undefined): string {
  // Bucket -1: the period before; 0..n-1: the weeks of the period (each bound a parameter).
  const whens = Array.from({ length: weeks - 1 }, (_, i) => `WHEN f."firstAt" < ? THEN ${i}`).join(' ');
  const bucket = `CASE WHEN f."firstAt" < ? THEN -1 ${whens} ELSE ${weeks - 1} END`;
  const elapsed = elapsedMs(provider, 'f."firstAt"', 'a."createdAt"');
  return `WITH f AS (SELECT "applicationId", MIN("createdAt") AS "firstAt" FROM "Score" GROUP BY "applicationId"),
  x AS MATERIALIZED (SELECT a."jobId" AS "job", ${bucket} AS "b", ${elapsed} AS "d"
    FROM f JOIN "Application" a ON a."id" = f."applicationId"
    WHERE f."firstAt" >= ? AND f."firstAt" < ?${jobId ? ' AND a."jobId" = ?' : ''}),
  g AS (SELECT CASE WHEN "b" < 0 THEN 'p' ELSE 'c' END AS "k", "d" FROM x
    UNION ALL SELECT 'w' || CAST("b" AS TEXT), "d" FROM x WHERE "b" >= 0
    UNION ALL SELECT 'j' || "job", "d" FROM x WHERE "b" >= 0),
  r AS (SELECT "k", "d", ROW_NUMBER() OVER (PARTITION BY "k" ORDER BY "d") AS "rn", COUNT(*) OVER (PARTITION BY "k") AS "n" FROM g)
  SELECT "k", "d", "rn", "n" FROM r WHERE "rn" = ("n" + 1) / 2 OR "rn" = "n" / 2 + 1 OR "rn" = (9 * "n" + 9) / 10`;
}

export async function screenedBuckets(
  db: Db,
  span: { previous: Period; period: Period; weeks: Week[] },
  jobId?: string,
): Promise<ScreenedBuckets> {
  const sql = rawSql(db);
  const bounds = [span.period.from, ...span.weeks.slice(0, -1).map((w) => w.to)];
  const args: unknown[] = [...bounds, span.previous.from, span.period.to, ...(jobId ? [jobId] : [])];
  const rows = await sql.rows<{ k: string; d: unknown; rn: unknown; n: unknown }>(
    statement(sql.provider, span.weeks.length, jobId),
    ...args,
  );
  const picked = new Map<string, { n: number; at: Map<number, number> }>();
  for (const r of rows) {
    const n = Number(r.n);
    const entry = picked.get(r.k) ?? { n, at: new Map<number, number>() };
    entry.at.set(Number(r.rn), Number(r.d));
    picked.set(r.k, entry);
  }
  const out: ScreenedBuckets = { weeks: new Map(), jobs: new Map() };
  for (const [k, { n, at }] of picked) {
    const stats = { count: n, timeToScreenMs: spreadAt(n, at) };
    if (k === 'p') out.previous = stats;
    else if (k === 'c') out.current = stats;
    else if (k.startsWith('w')) out.weeks.set(Number(k.slice(1)), stats);
    else out.jobs.set(k.slice(1), stats);
  }
  return out;
}

function spreadAt(n: number, at: Map<number, number>): Spread {
  const value = (rank: number) => at.get(rank)!;
  const median = n % 2 ? value((n + 1) / 2) : Math.round((value(n / 2) + value(n / 2 + 1)) / 2);
  return { median, p90: value(Math.floor((9 * n + 9) / 10)) };
}
