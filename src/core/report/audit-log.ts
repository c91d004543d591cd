import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { epochMs } from './stats.ts';

/**
 * The audit log of a date range: every decision (who, where, when, the rank it held and the scorer
 * version that ranked it), every disposition Skima made or learnt of, every link minted or revoked,
 * and every setup change. Ids, roles and versions only: no resume text, no notes, no candidate names.
 */
export interface AuditLogRow {
  at: Date;
  category: 'decision' | 'disposition' | 'link' | 'setup';
  action: string;
  /** An Ashby user id, "ashby", "system", "setup" or "cli". */
  actor: string;
  /** The deciding person's name, for decisions (the person accountable, not the candidate). */
  actorName: string | null;
  /** Where it happened: slack, teams, web, cli for decisions. */
  channel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  jobId: string | null;
  verdict: string | null;
  rankAtDecision: number | null;
  scorerVersion: string | null;
  /** Further ids and settings, as recorded (never personal data). */
  detail: string | null;
}

export const AUDIT_LOG_COLUMNS: (keyof AuditLogRow)[] = [
  'at',
  'category',
  'action',
  'actor',
  'actorName',
  'channel',
  'subjectType',
  'subjectId',
  'jobId',
  'verdict',
  'rankAtDecision',
  'scorerVersion',
  'detail',
];

const DECISIONS = `SELECT d."createdAt" AS "at", d."reviewerId" AS "actor", d."reviewerName" AS "actorName",
  d."channel" AS "channel", d."applicationId" AS "applicationId", d."jobId" AS "jobId", d."verdict" AS "verdict",
  d."rankAtDecision" AS "rank", d."id" AS "decisionId",
  (SELECT s."scorerVersion" FROM "Score" s WHERE s."applicationId" = d."applicationId" AND s."createdAt" <= d."createdAt"
    ORDER BY s."createdAt" DESC LIMIT 1) AS "scorerVersion"
  FROM "Decision" d WHERE d."createdAt" >= ? AND d."createdAt" < ?`;

/** The events of the log; "decision.recorded" is left out, as each decision is its own row. */
const EVENTS = `SELECT "at", "actor", "action", "subjectType", "subjectId", "detail" FROM "AuditEvent"
  WHERE "at" >= ? AND "at" < ? AND ("action" IN ('application.stage_moved', 'application.advanced',
  'application.archived', 'candidate.hired', 'candidate.merged', 'candidate.purged', 'link.minted', 'link.revoked')
  OR "action" LIKE 'disposition.%' OR "action" LIKE 'setup.%')`;

function categoryOf(action: string): AuditLogRow['category'] {
  if (action.startsWith('link.')) return 'link';
  if (action.startsWith('setup.')) return 'setup';
  return 'disposition';
}

export async function readAuditLog(db: Db, range: { from: Date; to: Date }): Promise<AuditLogRow[]> {
  const sql = rawSql(db);
  type Raw = Record<string, unknown>;
  const [decisions, events] = await Promise.all([
    sql.rows<Raw>(DECISIONS, range.from, range.to),
    sql.rows<Raw>(EVENTS, range.from, range.to),
  ]);
  const rows: AuditLogRow[] = [
    ...decisions.map((d): AuditLogRow => ({
      at: new Date(epochMs(d.at)!),
      category: 'decision',
      action: 'decision',
      actor: d.actor as string,
      actorName: d.actorName as string,
      channel: d.channel as string,
      subjectType: 'application',
      subjectId: d.applicationId as string,
      jobId: d.jobId as string,
      verdict: d.verdict as string,
      rankAtDecision: d.rank === null ? null : Number(d.rank),
      scorerVersion: (d.scorerVersion as string | null) ?? null,
      detail: JSON.stringify({ decisionId: d.decisionId }),
    })),
    ...events.map((e): AuditLogRow => {
      const parsed = (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail) as Record<string, unknown> | null;
      // A disposition records where it was asked for and the rank the application held then.
      const rank = typeof parsed?.rank === 'number' ? parsed.rank : null;
      return {
        at: new Date(epochMs(e.at)!),
        category: categoryOf(e.action as string),
        action: e.action as string,
        actor: e.actor as string,
        actorName: null,
        channel: typeof parsed?.channel === 'string' ? parsed.channel : null,
        subjectType: (e.subjectType as string | null) ?? null,
        subjectId: (e.subjectId as string | null) ?? null,
        jobId: null,
        verdict: null,
        rankAtDecision: rank,
        scorerVersion: null,
        detail: parsed ? JSON.stringify(parsed) : null,
      };
    }),
  ];
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime() || a.category.localeCompare(b.category));
}
