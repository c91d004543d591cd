import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { EnqueueResult, JobQueue } from '../queue/types.ts';

export const DEFAULT_SHORTLIST_SIZE = 10;
export const SHORTLIST_CHANGED_QUEUE = 'shortlist.changed';
const DEBOUNCE_MS = 60_000;

export interface ShortlistEntryView {
  applicationId: string;
  rank: number;
  score: number;
}

/**
 * The job's top N active applications by their latest score (one indexed query on the denormalised
 * currentScore). Skipped applications leave the list; approved ones stay (the cards mark them). Equal
 * whole-number scores are ordered by the unrounded score, so what the scorer found decides and not
 * when someone applied; only exact ties (and scores stored before the unrounded one was kept) go to the
 * earlier application, so the order is stable.
 */
export async function rankApplications(db: Db, jobId: string, size = DEFAULT_SHORTLIST_SIZE) {
  const apps = await db.application.findMany({
    where: {
      jobId,
      status: 'Active',
      currentScore: { not: null },
      OR: [{ latestVerdict: null }, { latestVerdict: { not: 'skip' } }],
    },
    orderBy: [
      { currentScore: 'desc' },
      { currentRawScore: { sort: 'desc', nulls: 'last' } },
      { createdAt: 'asc' },
      { id: 'asc' },
    ],
    take: size,
    select: { id: true, currentScore: true },
  });
  return apps.map((a, i): ShortlistEntryView => ({ applicationId: a.id, rank: i + 1, score: a.currentScore! }));
}

/**
 * Can this application's new state change the job's shortlist? Most applications of a large job are
 * nowhere near it: answering from the stored list saves a ranking query per application. A member
 * always may: a new score with the same whole number can still move it among equal scores (ordered by
 * the unrounded one, which the stored list does not keep), and a list holds only ten.
 */
export async function mayChangeShortlist(
  db: Db,
  app: { id: string; jobId: string; status: string; currentScore: number | null; latestVerdict: string | null },
  size = DEFAULT_SHORTLIST_SIZE,
): Promise<boolean> {
  const entries = await currentShortlist(db, app.jobId);
  const entry = entries.find((e) => e.applicationId === app.id);
  if (entry) return true;
  const eligible = app.status === 'Active' && app.currentScore !== null && app.latestVerdict !== 'skip';
  if (!eligible) return false;
  return entries.length < size || app.currentScore! >= Math.min(...entries.map((e) => e.score));
}

const CURRENT_SHORTLIST = `SELECT "applicationId", "rank", "score" FROM "ShortlistEntry" WHERE "jobId" = ?
  ORDER BY "rank" ASC`;

/** The stored list. Raw SQL: every screened application reads it (see mayChangeShortlist). */
export async function currentShortlist(db: Db, jobId: string): Promise<ShortlistEntryView[]> {
  return rawSql(db).rows<ShortlistEntryView>(CURRENT_SHORTLIST, jobId);
}

/** Recomputes and persists the shortlist; `changed` says whether anyone moved, joined, left or was rescored. */
export async function refreshShortlist(
  db: Db,
  jobId: string,
  size = DEFAULT_SHORTLIST_SIZE,
): Promise<{ changed: boolean; entries: ShortlistEntryView[] }> {
  const entries = await rankApplications(db, jobId, size);
  const before = await currentShortlist(db, jobId);
  const key = (e: ShortlistEntryView) => `${e.applicationId}:${e.rank}:${e.score}`;
  const changed = before.map(key).join('|') !== entries.map(key).join('|');
  if (changed) {
    await db.$transaction([
      db.shortlistEntry.deleteMany({ where: { jobId } }),
      db.shortlistEntry.createMany({ data: entries.map((e) => ({ jobId, ...e })) }),
    ]);
  }
  return { changed, entries };
}

/** Per queue: the latest minute each job's change job is known to be scheduled for (see below). */
const scheduled = new WeakMap<JobQueue, Map<string, { bucket: number; id: string }>>();

/**
 * Announces a changed shortlist as a durable job, at most one per job per calendar minute: the first
 * change in a minute goes out at once, later ones in that minute fold into one at the next minute.
 * Consumers (chat cards, the web page) read the shortlist as it is when the job runs. Once the job for
 * the next minute is known to be waiting, further changes this minute need no database round trip: a
 * backfill changes a job's shortlist with nearly every application.
 */
export async function announceShortlistChange(
  queue: JobQueue,
  jobId: string,
  now = Date.now(),
): Promise<EnqueueResult> {
  const bucket = Math.floor(now / DEBOUNCE_MS);
  let known = scheduled.get(queue);
  if (!known) scheduled.set(queue, (known = new Map()));
  const waiting = known.get(jobId);
  if (waiting && waiting.bucket > bucket) return { id: waiting.id, created: false };
  const first = await queue.enqueue(SHORTLIST_CHANGED_QUEUE, { jobId }, { idempotencyKey: `${jobId}:${bucket}` });
  if (first.created) return first;
  const next = await queue.enqueue(
    SHORTLIST_CHANGED_QUEUE,
    { jobId },
    { idempotencyKey: `${jobId}:${bucket + 1}`, runAt: new Date((bucket + 1) * DEBOUNCE_MS) },
  );
  known.set(jobId, { bucket: bucket + 1, id: next.id });
  return next;
}
