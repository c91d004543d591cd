import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { AppContext } from '../context.ts';
import type { ApplicationSnapshot } from '../pipeline/application-snapshot.ts';
import { enqueueApplications } from '../pipeline/process-application.ts';
import type { JobQueue } from '../queue/types.ts';
import { scoringKey } from './edits.ts';

export const REQUIREMENTS_RESCORE_QUEUE = 'requirements.rescore';

/** Below live screening (10) and at the level of a backfill: a person waits on a new applicant first. */
const RESCORE_PRIORITY = 0;
/** Applications queued per write. */
const PAGE = 200;

export interface RescorePayload {
  jobId: string;
  version: number;
}

/**
 * Queues the re-score of a job's applications after a new version of its requirements. One job per
 * (job, version): saving the same version twice, or a retried save, re-scores once.
 */
export function enqueueRequirementsRescore(queue: JobQueue, jobId: string, version: number) {
  const payload: RescorePayload = { jobId, version };
  return queue.enqueue(REQUIREMENTS_RESCORE_QUEUE, payload, {
    idempotencyKey: `${jobId}:${version}`,
    priority: RESCORE_PRIORITY,
  });
}

const SCREENED = `SELECT a."id", a."status", a."stageId", a."stageTitle", a."archiveReason", a."sourceTitle",
  a."creditedToUserId", a."ashbyUpdatedAt", a."updatedAt", c."id" AS "candidateId", c."name", c."primaryEmail"
  FROM "Application" a JOIN "Candidate" c ON c."id" = a."candidateId"
  WHERE a."jobId" = ? AND a."screeningState" = 'scored' AND a."id" > ? ORDER BY a."id" LIMIT ${PAGE}`;

interface ScreenedRow {
  id: string;
  status: string;
  stageId: string | null;
  stageTitle: string | null;
  archiveReason: string | null;
  sourceTitle: string | null;
  creditedToUserId: string | null;
  ashbyUpdatedAt: Date | string | null;
  updatedAt: Date | string;
  candidateId: string;
  name: string | null;
  primaryEmail: string | null;
}

/** The application as Skima stored it: screening it again then asks Ashby nothing (its resume is stored
 * too), and only a score that changed is written back (Writeback compares before it writes). */
function snapshotOfStored(row: ScreenedRow, jobId: string): ApplicationSnapshot {
  const iso = (d: Date | string | null) => new Date(d ?? row.updatedAt).toISOString();
  return {
    id: row.id,
    updatedAt: iso(row.ashbyUpdatedAt),
    status: row.status,
    candidate: {
      id: row.candidateId,
      name: row.name ?? '',
      ...(row.primaryEmail ? { primaryEmailAddress: { value: row.primaryEmail } } : {}),
    },
    job: { id: jobId },
    currentInterviewStage: row.stageId ? { id: row.stageId, title: row.stageTitle ?? '' } : null,
    archiveReason: row.archiveReason ? { text: row.archiveReason } : null,
    source: row.sourceTitle ? { title: row.sourceTitle } : null,
    creditedToUser: row.creditedToUserId ? { id: row.creditedToUserId } : null,
  };
}

/**
 * The re-score job: queues the screening of every scored application of the job, as a backfill would
 * (behind live screening; one waiting run per application). A newer version saved meanwhile has its
 * own job, so an older one stops early. Screening itself sees the new requirements on the job and
 * scores against them once (the score key includes them).
 */
export async function runRequirementsRescore(ctx: AppContext, payload: RescorePayload): Promise<number> {
  const job = await ctx.db.job.findUnique({ where: { id: payload.jobId }, select: { requirementsVersion: true } });
  if (!job || (job.requirementsVersion ?? 0) !== payload.version) return 0;
  let after = '';
  let queued = 0;
  for (;;) {
    const rows = await rawSql(ctx.db).rows<ScreenedRow>(SCREENED, payload.jobId, after);
    if (rows.length === 0) break;
    queued += await enqueueApplications(ctx.queue, rows.map((r) => snapshotOfStored(r, payload.jobId)));
    after = rows[rows.length - 1]!.id;
    if (rows.length < PAGE) break;
  }
  return queued;
}

const WAITING = `SELECT COUNT(*) AS "n" FROM "Application" a WHERE a."jobId" = ? AND a."screeningState" = 'scored'
  AND NOT EXISTS (SELECT 1 FROM "Score" s WHERE s."applicationId" = a."id" AND s."jdHash" = ?)`;

/** Scored applications of the job not yet scored against its current requirements: "re-scoring N". */
export async function applicationsAwaitingRescore(db: Db, jobId: string): Promise<number> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { descriptionHash: true, requirementEdits: true, requirementsVersion: true },
  });
  if (!job?.descriptionHash || !job.requirementsVersion) return 0;
  const [row] = await rawSql(db).rows<{ n: number | bigint | string }>(
    WAITING, jobId, scoringKey(job.descriptionHash, job.requirementEdits),
  );
  return Number(row?.n ?? 0);
}
