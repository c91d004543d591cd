import { type ChatChannel, type ChatFrontDoor, DeliveryError, type DispositionStatus, isChatChannel } from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';
import { type DispositionProgress, dispositionProgress, progressSummary } from '../disposition/progress.ts';
import { recordFrontDoorError } from '../ops/front-door-errors.ts';

// A batch's final count reaches the chat message that shows its progress however the batch ran: the
// front door gives the core its message ref (followDisposition), stored with the batch; the worker that
// settles the batch's last application queues a redraw on the front door's queue, worked by whichever
// process holds the front doors. Nothing depends on the process that started the batch still running.

/** Each front door's redraws of a finished batch's progress: `slack.disposition-progress`, `teams.…`. */
export const dispositionProgressQueue = (channel: ChatChannel) => `${channel}.disposition-progress`;

export interface DispositionProgressJob {
  batchId: string;
}

/** A batch's progress in the port's words (no candidate named). */
export function chatStatusOf(p: DispositionProgress): DispositionStatus {
  const { total, done, unchanged, failed, queued, finished } = p;
  const failures = p.failures.map((f) => f.why);
  return { total, done, unchanged, failed, queued, finished, summary: progressSummary(p), failures };
}

/**
 * Queues the final redraw when the batch has a chat message to show it in and nothing of it is still
 * queued; the key makes it one redraw per batch, however many workers (or a late `followDisposition`)
 * see it finished. Called after each item settles, and when a ref is stored.
 */
export async function queueFinalProgressIfDone(ctx: Pick<AppContext, 'db' | 'queue'>, batchId: string): Promise<boolean> {
  const batch = await ctx.db.dispositionBatch.findUnique({
    where: { id: batchId },
    select: { channel: true, progressRef: true },
  });
  if (!batch || batch.progressRef === null || !isChatChannel(batch.channel)) return false;
  const waiting = await ctx.db.dispositionItem.count({ where: { batchId, state: 'queued' } });
  if (waiting > 0) return false;
  const queue = dispositionProgressQueue(batch.channel);
  await ctx.queue.enqueue(queue, { batchId } satisfies DispositionProgressJob, { idempotencyKey: `final:${batchId}` });
  return true;
}

/**
 * Stores where a batch's progress is shown, for the person who started it from this job (anyone else's
 * or an unknown batch: null, nothing stored), and returns its progress now. A batch already finished
 * (it ran before the message was posted) gets its final redraw queued at once.
 */
export async function followDisposition(
  ctx: Pick<AppContext, 'db' | 'queue'>,
  owner: { actorId: string; jobId: string },
  batchId: string,
  ref: object,
): Promise<DispositionStatus | null> {
  const stored = await ctx.db.dispositionBatch.updateMany({
    where: { id: batchId, actorId: owner.actorId, jobId: owner.jobId },
    data: { progressRef: ref as object },
  });
  if (stored.count === 0) return null;
  // Read after the write: if the last item settled before the ref was stored, its worker saw no ref,
  // and this read sees the batch finished (one of the two always queues the redraw).
  await queueFinalProgressIfDone(ctx, batchId);
  const p = await dispositionProgress(ctx.db, batchId);
  return p ? chatStatusOf(p) : null;
}

/**
 * The queued redraw: the final count drawn into the front door's message. A 429, refused credentials
 * or network trouble fail the job for the queue to retry; a message or person gone is reported (for
 * `status`) and dropped: the batch itself is done either way.
 */
export async function showFinalProgress(
  ctx: AppContext,
  door: ChatFrontDoor,
  job: DispositionProgressJob,
): Promise<void> {
  if (!door.showDispositionProgress) return;
  const batch = await ctx.db.dispositionBatch.findUnique({ where: { id: job.batchId }, select: { progressRef: true } });
  const p = await dispositionProgress(ctx.db, job.batchId);
  if (!batch?.progressRef || !p) return;
  try {
    await door.showDispositionProgress(batch.progressRef, chatStatusOf(p));
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    const { kind } = err.failure;
    if (kind === 'auth' || kind === 'transient' || kind === 'rate_limited') throw err;
    await recordFrontDoorError(ctx, { source: `${door.channel}:${err.method}`, message: err.failure.code });
  }
}
