import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { JobQueue } from '../queue/types.ts';
import { analyzePool } from './common-words.ts';
import { indexCandidates, removeFromPool } from './pool-index.ts';

// The pipeline puts each candidate's current resume in the pool as it screens their applications.
// This pass catches up with what was extracted before the pool existed (an upgrade) or without a
// screening (a job without a description): a low-priority queue job, a page of candidates a run, that
// queues its own next page with the last candidate id, so it resumes where it stopped.

export const POOL_INDEX_QUEUE = 'pool.index';
/** Behind every screening (live 10, background 0): the pool is never worth an applicant's wait. */
const POOL_PRIORITY = -10;
const PAGE = 200;

const CANDIDATES_AFTER = `SELECT c."id", c."resumeFileHandle" FROM "Candidate" c
  WHERE c."id" > ? AND EXISTS (SELECT 1 FROM "ResumeFile" r WHERE r."candidateId" = c."id")
  ORDER BY c."id" LIMIT ?`;

export async function enqueuePoolIndex(queue: JobQueue, after = ''): Promise<void> {
  await queue.enqueue(POOL_INDEX_QUEUE, { after }, { singletonKey: 'pool-index', priority: POOL_PRIORITY });
}

/**
 * Indexes the current resume of a page of candidates after `after` (by id). Returns the last id
 * looked at, or undefined when every candidate has been.
 */
export async function indexPoolPage(
  db: Db,
  after: string,
  page = PAGE,
): Promise<{ next?: string; indexed: number }> {
  type Row = { id: string; resumeFileHandle: string | null };
  const candidates = await rawSql(db).rows<Row>(CANDIDATES_AFTER, after, page);
  if (candidates.length === 0) return { indexed: 0 };
  const files = await db.resumeFile.findMany({
    where: { candidateId: { in: candidates.map((c) => c.id) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { candidateId: true, fileHandle: true, contentHash: true, extractedText: true },
  });
  // The current resume: the file Ashby names as the resume, else the newest.
  const handles = new Map(candidates.map((c) => [c.id, c.resumeFileHandle]));
  const current = new Map<string, (typeof files)[number]>();
  for (const f of files) {
    const chosen = current.get(f.candidateId);
    const named = f.fileHandle === handles.get(f.candidateId);
    if (!chosen || (named && chosen.fileHandle !== handles.get(f.candidateId))) current.set(f.candidateId, f);
  }
  const readable: { candidateId: string; hash: string; text: string }[] = [];
  for (const [candidateId, f] of current) {
    if (f.extractedText === null) await removeFromPool(db, candidateId);
    else readable.push({ candidateId, hash: f.contentHash, text: f.extractedText });
  }
  const indexed = await indexCandidates(db, readable);
  const last = candidates[candidates.length - 1]!.id;
  return { ...(candidates.length === page ? { next: last } : {}), indexed };
}

/** The queue handler: one page, then the next page queued; after the last, fresh statistics for the
 * pool the pass may have filled (common-words.ts reads them). */
export async function runPoolIndex(db: Db, queue: JobQueue, after: string): Promise<number> {
  const { next, indexed } = await indexPoolPage(db, after);
  if (next !== undefined) await enqueuePoolIndex(queue, next);
  else await analyzePool(db);
  return indexed;
}
