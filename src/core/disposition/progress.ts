import type { Db } from '../../db/client.ts';

export interface DispositionProgress {
  batchId: string;
  action: string;
  total: number;
  queued: number;
  done: number;
  unchanged: number;
  failed: number;
  /** Each failure and why, for the page, the card and the CLI. */
  failures: Array<{ applicationId: string; why: string }>;
  finished: boolean;
}

/** How far a batch got: what is still queued, what was done, left unchanged, or failed and why. */
export async function dispositionProgress(db: Db, batchId: string): Promise<DispositionProgress | undefined> {
  const batch = await db.dispositionBatch.findUnique({ where: { id: batchId }, include: { items: true } });
  if (!batch) return undefined;
  const count = (state: string) => batch.items.filter((i) => i.state === state).length;
  const queued = count('queued');
  return {
    batchId,
    action: batch.action,
    total: batch.total,
    queued,
    done: count('done'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    failures: batch.items
      .filter((i) => i.state === 'failed')
      .map((i) => ({ applicationId: i.applicationId, why: i.outcome ?? 'unknown' })),
    finished: queued === 0,
  };
}

/**
 * A batch's progress for the person who confirmed it, from the job it was started on (a page or a
 * card shows it): undefined for anyone else's batch or another job's, as for one that does not exist.
 */
export async function dispositionProgressOf(
  db: Db,
  batchId: string,
  owner: { actorId: string; jobId: string },
): Promise<DispositionProgress | undefined> {
  const batch = await db.dispositionBatch.findUnique({
    where: { id: batchId },
    select: { actorId: true, jobId: true },
  });
  if (!batch || batch.actorId !== owner.actorId || batch.jobId !== owner.jobId) return undefined;
  return dispositionProgress(db, batchId);
}

/** "48 archived, 1 already archived, 1 failed": the final count in words. */
export function progressSummary(p: DispositionProgress): string {
  const verb = p.action === 'archive' ? 'archived' : 'advanced';
  const parts = [`${p.done} ${verb}`];
  if (p.unchanged) parts.push(`${p.unchanged} unchanged`);
  if (p.failed) parts.push(`${p.failed} failed`);
  if (p.queued) parts.push(`${p.queued} still queued`);
  return `${parts.join(', ')} (of ${p.total})`;
}
