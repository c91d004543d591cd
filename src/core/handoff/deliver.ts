import { createHmac } from 'node:crypto';
import { AshbyApiError, AshbyError } from '../../ashby/index.ts';
import type { HandoffConfig, HandoffEndpoint } from '../../config/handoff.ts';
import { timeOrderedUuid } from '../../db/time-ordered-uuid.ts';
import { audit } from '../ops/audit.ts';
import type { AppContext } from '../context.ts';
import { buildHandoffBody } from './payload.ts';

export const HANDOFF_QUEUE = 'handoff.deliver';

export interface HandoffJob {
  deliveryId: string;
  attempt: number;
  /** `skima handoff retry`: sent whatever state the delivery is in. */
  replay?: boolean;
}

/** `sha256=<hex HMAC-SHA256 of the exact body>`, as the Skima-Signature header carries it. */
export function handoffSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The wait before attempt n+1: the first delay, doubled each time, capped. */
export function handoffDelayMs(retry: HandoffConfig['retry'], attempt: number): number {
  return Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1));
}

function enqueueAttempt(ctx: AppContext, job: HandoffJob, runAt?: Date) {
  const key = job.replay ? `${job.deliveryId}:replay:${timeOrderedUuid()}` : `${job.deliveryId}:${job.attempt}`;
  return ctx.queue.enqueue(HANDOFF_QUEUE, job, { idempotencyKey: key, maxAttempts: 3, ...(runAt ? { runAt } : {}) });
}

/**
 * A hire seen (webhook or poll): one delivery per configured endpoint, created once whatever how often
 * the hire is seen, and its first attempt queued. Does nothing without HANDOFF_CONFIG.
 */
export async function startHandoff(ctx: AppContext, applicationId: string): Promise<number> {
  const handoff = ctx.config.handoff;
  if (!handoff) return 0;
  let started = 0;
  for (const endpoint of handoff.endpoints) {
    const where = { applicationId_endpoint: { applicationId, endpoint: endpoint.name } };
    let delivery = await ctx.db.handoffDelivery.findUnique({ where });
    if (!delivery) {
      try {
        delivery = await ctx.db.handoffDelivery.create({
          data: { id: timeOrderedUuid(), applicationId, endpoint: endpoint.name, state: 'pending' },
        });
        started++;
      } catch {
        delivery = await ctx.db.handoffDelivery.findUniqueOrThrow({ where }); // a racing sighting made it
      }
    }
    // Queued again only if it never ran (a crash after the row and before the job): the key dedupes.
    if (delivery.state === 'pending' && delivery.attempts === 0) {
      await enqueueAttempt(ctx, { deliveryId: delivery.id, attempt: 1 });
    }
  }
  return started;
}

/** `skima handoff retry <id>`: sends the delivery again now, with its delivery id, as a new attempt. */
export async function replayHandoff(ctx: AppContext, deliveryId: string): Promise<boolean> {
  const delivery = await ctx.db.handoffDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return false;
  await ctx.db.handoffDelivery.update({ where: { id: deliveryId }, data: { state: 'pending' } });
  await enqueueAttempt(ctx, { deliveryId, attempt: delivery.attempts + 1, replay: true });
  return true;
}

async function post(endpoint: HandoffEndpoint, deliveryId: string, body: string) {
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Skima-Handoff/1',
        'skima-delivery': deliveryId,
        'skima-signature': handoffSignature(endpoint.secret, body),
      },
      body,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
      redirect: 'error',
    });
    await response.arrayBuffer().catch(() => undefined);
    return { httpStatus: response.status, error: response.ok ? null : `HTTP ${response.status} ${response.statusText}`.trim() };
  } catch (err) {
    return { httpStatus: null, error: (err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message };
  }
}

/**
 * The body to send, or why Ashby would not give the hire's details (a permission the key lacks, such as
 * offersRead; Ashby unreachable after its retries): that is a failed attempt like a receiver's refusal,
 * logged and retried on the hand-off's own schedule, so it shows in `skima status` and a replay ends.
 */
async function bodyOrWhyNot(
  ctx: AppContext,
  endpoint: HandoffEndpoint,
  delivery: { id: string; applicationId: string },
) {
  try {
    return JSON.stringify(await buildHandoffBody(ctx, endpoint, delivery));
  } catch (err) {
    if (!(err instanceof AshbyError)) throw err;
    // The endpoint and code only: Ashby's message may quote the candidate.
    const error = err instanceof AshbyApiError
      ? `Ashby refused to give the hire's details (${err.endpoint}: ${err.code})`
      : `Ashby could not be read for the hire's details (${err.endpoint})`;
    return { httpStatus: null, error };
  }
}

/** One attempt: build the body from Ashby, sign it, POST it, log the attempt; schedule the next on failure. */
export async function deliverHandoff(ctx: AppContext, job: HandoffJob): Promise<void> {
  const handoff = ctx.config.handoff;
  const delivery = await ctx.db.handoffDelivery.findUnique({ where: { id: job.deliveryId } });
  if (!handoff || !delivery) return;
  if (delivery.state !== 'pending' && !job.replay) return;
  const endpoint = handoff.endpoints.find((e) => e.name === delivery.endpoint);
  if (!endpoint) {
    await ctx.db.handoffDelivery.update({ where: { id: delivery.id }, data: { state: 'failed' } });
    await ctx.db.handoffAttempt.create({
      data: { id: timeOrderedUuid(), deliveryId: delivery.id, attempt: job.attempt, error: `no endpoint "${delivery.endpoint}" in HANDOFF_CONFIG any more` },
    });
    return;
  }
  const built = await bodyOrWhyNot(ctx, endpoint, delivery);
  const result = typeof built === 'string' ? await post(endpoint, delivery.id, built) : built;
  const delivered = result.error === null;
  const last = !delivered && !job.replay && job.attempt >= handoff.retry.attempts;
  await ctx.db.$transaction([
    ctx.db.handoffAttempt.create({
      data: {
        id: timeOrderedUuid(),
        deliveryId: delivery.id,
        attempt: job.attempt,
        httpStatus: result.httpStatus,
        error: result.error,
      },
    }),
    ctx.db.handoffDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: { increment: 1 },
        ...(delivered ? { state: 'delivered', deliveredAt: new Date() } : job.replay || last ? { state: 'failed' } : {}),
      },
    }),
  ]);
  if (delivered || job.replay || last) {
    await audit(ctx.db, {
      actor: 'system',
      action: delivered ? 'handoff.delivered' : 'handoff.failed',
      subjectType: 'application',
      subjectId: delivery.applicationId,
      detail: { deliveryId: delivery.id, endpoint: endpoint.name, attempt: job.attempt, httpStatus: result.httpStatus },
    });
  }
  if (!delivered && !job.replay && !last) {
    const runAt = new Date(Date.now() + handoffDelayMs(handoff.retry, job.attempt));
    await enqueueAttempt(ctx, { deliveryId: delivery.id, attempt: job.attempt + 1 }, runAt);
  }
}

export async function registerHandoffWorker(ctx: AppContext) {
  await ctx.queue.work<HandoffJob>(HANDOFF_QUEUE, (job) => deliverHandoff(ctx, job));
}
