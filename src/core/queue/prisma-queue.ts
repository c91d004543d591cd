import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../logger.ts';
import {
  backoffDelayMs,
  DEFAULT_QUEUE_SETTINGS,
  type EnqueueOptions,
  type EnqueueResult,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobState,
  type QueueSettings,
  type QueueStats,
  type WorkOptions,
} from './types.ts';

type Row = Awaited<ReturnType<Db['queueJob']['findUniqueOrThrow']>>;

interface Registration {
  queue: string;
  handler: JobHandler<unknown>;
  concurrency: number;
  running: Set<Promise<void>>;
  timer?: NodeJS.Timeout;
  polling: boolean;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}

function toInfo(row: Row): JobInfo {
  return {
    id: row.id,
    queue: row.queue,
    payload: row.payload,
    state: row.state as JobState,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

/** Due: waiting and its time has come, or running but its worker stopped renewing the lease. */
function dueWhere(queue: string, now: Date) {
  return {
    queue,
    OR: [
      { state: 'queued', runAt: { lte: now } },
      { state: 'running', lockedUntil: { lt: now } },
    ],
  };
}

/**
 * The embedded queue: jobs are rows in the application database (SQLite by default, PostgreSQL too).
 * A worker claims a job with a conditional update, so two workers never both win it, and holds a
 * lease that it renews while the handler runs; a crashed worker's lease runs out and the job is
 * claimed again.
 */
export class PrismaQueue implements JobQueue {
  readonly driver = 'embedded' as const;
  private readonly settings: QueueSettings;
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly registrations = new Map<string, Registration>();
  private readonly controller = new AbortController();
  private started = false;
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    settings: Partial<QueueSettings> = {},
  ) {
    this.settings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
    // Every running job listens for the stop; many run at once, which is no leak.
    setMaxListeners(0, this.controller.signal);
  }

  async enqueue(queue: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const data = {
      queue,
      payload: payload as object,
      state: 'queued',
      idempotencyKey: options.idempotencyKey ?? null,
      singletonKey: options.singletonKey ?? null,
      singletonSlot: options.singletonKey ?? null,
      maxAttempts: options.maxAttempts ?? this.settings.maxAttempts,
      backoffBaseMs: this.settings.backoffBaseMs,
      priority: options.priority ?? 0,
      runAt: options.runAt ?? new Date(),
    };
    // A key can be taken between a look-up and the insert, so insert first and look up on conflict;
    // a second round covers a singleton job that started running between the two.
    for (let round = 0; round < 3; round++) {
      try {
        const row = await this.db.queueJob.create({ data, select: { id: true } });
        this.wake(queue);
        return { id: row.id, created: true };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const existing = await this.findByKeys(queue, options);
        if (existing) {
          if (options.singletonKey && data.priority > 0) await this.raisePriority(existing.id, data.priority);
          return { id: existing.id, created: false };
        }
      }
    }
    throw new Error(`could not enqueue a job on ${queue}: its keys kept colliding`);
  }

  /** A waiting job asked for again with more urgency (a live event for something a backfill queued). */
  private async raisePriority(id: string, priority: number): Promise<void> {
    await this.db.queueJob.updateMany({ where: { id, state: 'queued', priority: { lt: priority } }, data: { priority } });
  }

  private async findByKeys(queue: string, options: EnqueueOptions): Promise<{ id: string } | null> {
    if (options.idempotencyKey) {
      const byKey = await this.db.queueJob.findUnique({
        where: { queue_idempotencyKey: { queue, idempotencyKey: options.idempotencyKey } },
        select: { id: true },
      });
      if (byKey) return byKey;
    }
    if (options.singletonKey) {
      return this.db.queueJob.findUnique({
        where: { queue_singletonSlot: { queue, singletonSlot: options.singletonKey } },
        select: { id: true },
      });
    }
    return null;
  }

  async work<T>(queue: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    if (this.registrations.has(queue)) throw new Error(`a handler is already registered for queue ${queue}`);
    const reg: Registration = {
      queue,
      handler: handler as JobHandler<unknown>,
      concurrency: options.concurrency ?? this.settings.concurrency,
      running: new Set(),
      polling: false,
    };
    this.registrations.set(queue, reg);
    if (this.started) this.schedule(reg, 0);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const reg of this.registrations.values()) this.schedule(reg, 0);
  }

  private wake(queue: string): void {
    const reg = this.registrations.get(queue);
    if (reg && this.started && !this.stopping) this.schedule(reg, 0);
  }

  private schedule(reg: Registration, delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(reg.timer);
    reg.timer = setTimeout(() => void this.poll(reg), delayMs);
  }

  private async poll(reg: Registration): Promise<void> {
    if (reg.polling || this.stopping) return;
    reg.polling = true;
    try {
      while (!this.stopping && reg.running.size < reg.concurrency) {
        const jobs = await this.claim(reg.queue, reg.concurrency - reg.running.size);
        if (jobs.length === 0) break;
        for (const job of jobs) {
          if (this.stopping) {
            await this.unclaim(job);
            continue;
          }
          const run = this.run(reg, job).finally(() => {
            reg.running.delete(run);
            this.schedule(reg, 0);
          });
          reg.running.add(run);
        }
      }
    } catch (err) {
      this.log.error({ err, queue: reg.queue }, 'queue poll failed; retrying');
    } finally {
      reg.polling = false;
      this.schedule(reg, this.settings.pollIntervalMs);
    }
  }

  /** Claims up to `limit` due jobs. Each claim is a conditional update that also checks the attempt
   * count read, so whoever changes the row first wins it and the winner knows its exact state. */
  private async claim(queue: string, limit: number): Promise<Row[]> {
    const now = new Date();
    // Two queries, not one with OR: each walks its index in order and stops at `limit`, where the OR
    // gathered and sorted every due job first, so each claim cost as much as the backlog was long.
    const stale = await this.db.queueJob.findMany({
      where: { queue, state: 'running', lockedUntil: { lt: now } },
      orderBy: { lockedUntil: 'asc' },
      take: limit,
    });
    const waiting = await this.db.queueJob.findMany({
      where: { queue, state: 'queued', runAt: { lte: now } },
      orderBy: [{ priority: 'desc' }, { runAt: 'asc' }],
      take: limit - stale.length,
    });
    const candidates = [...stale, ...waiting];
    const won: Row[] = [];
    for (const c of candidates) {
      if (c.singletonKey && (await this.singletonRunning(queue, c.singletonKey, c.id, now))) continue;
      const claimed = {
        state: 'running',
        lockedBy: this.workerId,
        lockedUntil: new Date(now.getTime() + this.settings.visibilityTimeoutMs),
        attempts: c.attempts + 1,
        startedAt: now,
        singletonSlot: null,
      };
      const res = await this.db.queueJob.updateMany({
        where: { id: c.id, attempts: c.attempts, ...dueWhere(queue, now) },
        data: claimed,
      });
      if (res.count !== 1) continue;
      const row: Row = { ...c, ...claimed };
      if (row.attempts <= row.maxAttempts) won.push(row);
      // Its last attempt died with its worker: nothing left to try.
      else await this.finish(row, 'dead', row.lastError ?? 'the worker running the last attempt stopped');
    }
    return won;
  }

  /** Is another job with this singleton key running under a live lease? Only one waits per key, so a
   * claim never races another claim of the same key. */
  private async singletonRunning(queue: string, singletonKey: string, exceptId: string, now: Date): Promise<boolean> {
    const running = await this.db.queueJob.count({
      where: { queue, singletonKey, state: 'running', lockedUntil: { gte: now }, id: { not: exceptId } },
    });
    return running > 0;
  }

  /** Hands back a job claimed while the queue began to stop, as if it had never been taken. */
  private async unclaim(row: Row): Promise<void> {
    await this.db.queueJob.updateMany({
      where: { id: row.id, lockedBy: this.workerId, state: 'running' },
      data: { state: 'queued', attempts: { decrement: 1 }, lockedBy: null, lockedUntil: null },
    });
  }

  private async run(reg: Registration, row: Row): Promise<void> {
    const jobAbort = new AbortController();
    const onStop = () => jobAbort.abort(new Error('queue stopped'));
    this.controller.signal.addEventListener('abort', onStop, { once: true });
    const lease = setInterval(() => void this.renewLease(row.id, jobAbort), this.settings.visibilityTimeoutMs / 3);
    // An aborted job may never return; stop renewing at once so its lease runs out.
    jobAbort.signal.addEventListener('abort', () => clearInterval(lease), { once: true });
    try {
      await reg.handler(row.payload, { id: row.id, queue: row.queue, attempt: row.attempts, signal: jobAbort.signal });
      if (jobAbort.signal.aborted) return; // the job belongs to someone else now, or to the next start
      await this.finish(row, 'completed', null);
    } catch (err) {
      if (jobAbort.signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      if (row.attempts >= row.maxAttempts) {
        this.log.error({ queue: row.queue, jobId: row.id, attempts: row.attempts, err }, 'job failed for good');
        await this.finish(row, 'dead', message);
      } else {
        const delay = backoffDelayMs(row.attempts, row.backoffBaseMs, this.settings.backoffMaxMs);
        this.log.warn({ queue: row.queue, jobId: row.id, attempt: row.attempts, retryInMs: delay, err }, 'job failed');
        await this.release(row, message, new Date(Date.now() + delay));
      }
    } finally {
      clearInterval(lease);
      this.controller.signal.removeEventListener('abort', onStop);
    }
  }

  private async renewLease(id: string, jobAbort: AbortController): Promise<void> {
    try {
      const renewed = await this.db.queueJob.updateMany({
        where: { id, lockedBy: this.workerId, state: 'running' },
        data: { lockedUntil: new Date(Date.now() + this.settings.visibilityTimeoutMs) },
      });
      if (renewed.count === 0) jobAbort.abort(new Error('lease lost'));
    } catch (err) {
      this.log.warn({ err, jobId: id }, 'could not renew a job lease');
    }
  }

  private async finish(row: Row, state: 'completed' | 'dead', lastError: string | null): Promise<void> {
    const done = await this.db.queueJob.updateMany({
      where: { id: row.id, lockedBy: this.workerId, state: 'running' },
      data: { state, lastError, completedAt: new Date(), lockedBy: null, lockedUntil: null },
    });
    if (done.count === 0) this.log.warn({ jobId: row.id }, 'job finished after its lease was taken over');
  }

  private async release(row: Row, lastError: string, runAt: Date): Promise<void> {
    await this.db.queueJob.updateMany({
      where: { id: row.id, lockedBy: this.workerId, state: 'running' },
      data: { state: 'queued', lastError, runAt, lockedBy: null, lockedUntil: null },
    });
  }

  async getJob(id: string): Promise<JobInfo | undefined> {
    const row = await this.db.queueJob.findUnique({ where: { id } });
    return row ? toInfo(row) : undefined;
  }

  async stats(): Promise<QueueStats> {
    const groups = await this.db.queueJob.groupBy({ by: ['queue', 'state'], _count: { _all: true } });
    const stats: QueueStats = {};
    for (const g of groups) {
      stats[g.queue] ??= {};
      (stats[g.queue] as Record<string, number>)[g.state] = g._count._all;
    }
    return stats;
  }

  async listDead(queue?: string, limit = 50): Promise<JobInfo[]> {
    const rows = await this.db.queueJob.findMany({
      where: { state: 'dead', ...(queue ? { queue } : {}) },
      orderBy: { completedAt: 'desc' },
      take: limit,
    });
    return rows.map(toInfo);
  }

  async retryDead(id: string): Promise<boolean> {
    const res = await this.db.queueJob.updateMany({
      where: { id, state: 'dead' },
      data: { state: 'queued', attempts: 0, runAt: new Date(), completedAt: null },
    });
    return res.count === 1;
  }

  async purgeCompleted(before: Date): Promise<number> {
    const res = await this.db.queueJob.deleteMany({ where: { state: 'completed', completedAt: { lt: before } } });
    return res.count;
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const inFlight = [...this.registrations.values()].flatMap((r) => {
      clearTimeout(r.timer);
      return [...r.running];
    });
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.allSettled(inFlight).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) {
      this.log.warn({ jobs: inFlight.length }, 'jobs still running at shutdown; they will run again after their lease');
      this.controller.abort();
    }
  }
}
