import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { Period, Week } from './period.ts';
import { type Spread, spreadOfSorted } from './stats.ts';

/**
 * The screenings of a report, counted and spread (median, p90 of the time to screen). The database
 * finds each application's first score, puts it in its bucket by a CASE over the weeks' bounds and
 * works out its time to screen; what comes back is three small numbers per screening, already sorted
 * by that time, so each bucket's values arrive in order and its median and p90 are read off by
 * position. Ranking every bucket inside the database with window functions cost about five times the
 * CPU of the rest of the statement at 100,000 applications (docs/benchmarks.md).
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
  return `SELECT a."jobId" AS "job", ${bucket} AS "b", ${elapsedMs(provider, 'f."firstAt"', 'a."createdAt"')} AS "d"
  FROM (SELECT "applicationId", MIN("createdAt") AS "firstAt" FROM "Score" GROUP BY "applicationId") f
  JOIN "Application" a ON a."id" = f."applicationId"
  WHERE f."firstAt" >= ? AND f."firstAt" < ?${jobId ? ' AND a."jobId" = ?' : ''}
  ORDER BY "d"`;
}

export async function screenedBuckets(
  db: Db,
  span: { previous: Period; period: Period; weeks: Week[] },
  jobId?: string,
): Promise<ScreenedBuckets> {
  const sql = rawSql(db);
  const bounds = [span.period.from, ...span.weeks.slice(0, -1).map((w) => w.to)];
  const args: unknown[] = [...bounds, span.previous.from, span.period.to, ...(jobId ? [jobId] : [])];
  const rows = await sql.rows<{ job: string; b: unknown; d: unknown }>(
    statement(sql.provider, span.weeks.length, jobId),
    ...args,
  );
  // Rows come by ascending time to screen, so every list below is sorted as it is filled.
  const previous: number[] = [];
  const current: number[] = [];
  const weeks = new Map<number, number[]>();
  const jobs = new Map<string, number[]>();
  const into = <K>(lists: Map<K, number[]>, key: K, d: number) => {
    const list = lists.get(key);
    if (list) list.push(d);
    else lists.set(key, [d]);
  };
  for (const r of rows) {
    const b = Number(r.b);
    const d = Number(r.d);
    if (b < 0) {
      previous.push(d);
      continue;
    }
    current.push(d);
    into(weeks, b, d);
    into(jobs, r.job, d);
  }
  const stats = (sorted: number[]): ScreenedStats => ({ count: sorted.length, timeToScreenMs: spreadOfSorted(sorted) });
  const mapped = <K>(lists: Map<K, number[]>) => new Map([...lists].map(([k, list]) => [k, stats(list)] as const));
  return {
    previous: previous.length ? stats(previous) : undefined,
    current: current.length ? stats(current) : undefined,
    weeks: mapped(weeks),
    jobs: mapped(jobs),
  };
}
