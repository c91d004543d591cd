import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { epochMs } from './stats.ts';

/**
 * The decisions, unscorable applications and stage moves a report is computed from, read in a few
 * statements bounded by the time span (the current period and the one before); the screenings, a row
 * per application, are bucketed and sorted by the database instead (screened-sql.ts). Raw SQL, since a Prisma
 * model call maps every column of every row at several times the cost.
 */

export interface DecisionRow {
  applicationId: string;
  jobId: string;
  verdict: string;
  followedRanking: boolean;
  rankAtDecision: number | null;
  atMs: number;
  /** The application's first decision ever, and its first score (null: never scored). */
  firstDecisionMs: number;
  firstScoreMs: number | null;
  hiredMs: number | null;
  stageTitle: string | null;
}

export interface History {
  decisions: DecisionRow[];
  /** When each unreadable or resume-less application was received, and its job. */
  unscorable: { atMs: number; jobId: string }[];
  /** Applications Skima moved forward in Ashby after an approval, since the span began. */
  stageMoved: Set<string>;
}

const jobFilter = (column: string, jobId: string | undefined) => (jobId ? ` AND ${column} = ?` : '');

const decisionsSql = (jobId?: string) => `SELECT d."applicationId" AS "applicationId", d."jobId" AS "jobId",
  d."verdict" AS "verdict", d."followedRanking" AS "followedRanking", d."rankAtDecision" AS "rankAtDecision",
  d."createdAt" AS "at", a."hiredAt" AS "hiredAt", a."stageTitle" AS "stageTitle",
  (SELECT MIN(e."createdAt") FROM "Decision" e WHERE e."applicationId" = d."applicationId") AS "firstDecisionAt",
  (SELECT MIN(s."createdAt") FROM "Score" s WHERE s."applicationId" = d."applicationId") AS "firstScoreAt"
  FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId"
  WHERE d."createdAt" >= ? AND d."createdAt" < ?${jobFilter('d."jobId"', jobId)}`;

const unscorableSql = (jobId?: string) => `SELECT "createdAt" AS "at", "jobId" AS "jobId" FROM "Application"
  WHERE "createdAt" >= ? AND "createdAt" < ? AND "screeningState" IN ('unreadable', 'no_resume')${jobFilter('"jobId"', jobId)}`;

const STAGE_MOVED = `SELECT DISTINCT "subjectId" AS "id" FROM "AuditEvent"
  WHERE "at" >= ? AND "action" = 'application.stage_moved' AND "subjectType" = 'application'`;

const must = (v: unknown): number => epochMs(v) ?? 0;

export async function readHistory(db: Db, span: { from: Date; to: Date }, jobId?: string): Promise<History> {
  const sql = rawSql(db);
  const args = (...rest: unknown[]) => (jobId ? [...rest, jobId] : rest);
  type Raw = Record<string, unknown>;
  const [decisions, unscorable, moved] = await Promise.all([
    sql.rows<Raw>(decisionsSql(jobId), ...args(span.from, span.to)),
    sql.rows<Raw>(unscorableSql(jobId), ...args(span.from, span.to)),
    sql.rows<{ id: string | null }>(STAGE_MOVED, span.from),
  ]);
  return {
    decisions: decisions
      .map((r) => ({
        applicationId: r.applicationId as string,
        jobId: r.jobId as string,
        verdict: r.verdict as string,
        followedRanking: r.followedRanking === true || r.followedRanking === 1 || r.followedRanking === 1n,
        rankAtDecision: r.rankAtDecision === null ? null : Number(r.rankAtDecision),
        atMs: must(r.at),
        firstDecisionMs: must(r.firstDecisionAt),
        firstScoreMs: epochMs(r.firstScoreAt),
        hiredMs: epochMs(r.hiredAt),
        stageTitle: (r.stageTitle as string | null) ?? null,
      }))
      .sort((a, b) => a.atMs - b.atMs),
    unscorable: unscorable.map((r) => ({ atMs: must(r.at), jobId: r.jobId as string })),
    stageMoved: new Set(moved.flatMap((m) => (m.id ? [m.id] : []))),
  };
}

export async function jobTitles(db: Db): Promise<Map<string, string>> {
  const rows = await rawSql(db).rows<{ id: string; title: string }>('SELECT "id", "title" FROM "Job"');
  return new Map(rows.map((r) => [r.id, r.title]));
}
