import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Db } from '../../db/client.ts';
import { type RawSql, rawSql } from '../../db/raw-sql.ts';
import { timeOrderedUuid } from '../../db/time-ordered-uuid.ts';
import type { Logger } from '../logger.ts';
import { OutageLog } from './outage-log.ts';
import { untilWritten } from './until-written.ts';
import {
  backoffDelayMs,
  DEFAULT_QUEUE_SETTINGS,
  type EnqueueOptions,
  type EnqueueResult,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobState,
  type NewJob,
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

/** The queues of this process (tests run several): a holder with this pid but not among them is a
 * previous run's, as in a container whose process is always pid 1. */
const LIVE_WORKERS = new Set<string>();

/** Whether a process of this machine runs with this pid (one of another user's counts as running). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** RETURNING gives no order: start the claimed jobs in the order they were chosen. */
function byPriorityThenAge(a: Row, b: Row): number {
  return b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime();
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

// The statements every job runs (enqueue, claim, lease, completion) are raw SQL: as Prisma model calls
// they cost the main thread about 0.7 ms per job. Each takes the columns it changes, in the same order
// everywhere, so both dialects read them alike.
const COLUMNS = `"id", "queue", "payload", "state", "idempotencyKey", "singletonKey", "singletonSlot", "attempts",
  "maxAttempts", "backoffBaseMs", "priority", "runAt", "lockedBy", "lockedUntil", "lastError", "createdAt",
  "updatedAt", "startedAt", "completedAt"`;

const INSERT = `INSERT INTO "QueueJob" ("id", "queue", "payload", "state", "idempotencyKey", "singletonKey",
  "singletonSlot", "attempts", "maxAttempts", "backoffBaseMs", "priority", "runAt", "createdAt", "updatedAt")
  VALUES (?, ?, ?, 'queued', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/** No other job with the key runs under a live lease. Only one job waits per key, so a claim never
 * races another claim of the same key. */
const NO_SINGLETON_RUNNING = `("singletonKey" IS NULL OR NOT EXISTS (SELECT 1 FROM "QueueJob" AS "other"
  WHERE "other"."queue" = "QueueJob"."queue" AND "other"."singletonKey" = "QueueJob"."singletonKey"
  AND "other"."state" = 'running' AND "other"."lockedUntil" >= ? AND "other"."id" <> "QueueJob"."id"))`;

/** Jobs whose worker stopped renewing the lease, oldest lease first. */
const STALE = `SELECT "id" FROM "QueueJob" WHERE "queue" = ? AND "state" = 'running' AND "lockedUntil" < ?
  AND ${NO_SINGLETON_RUNNING} ORDER BY "lockedUntil" ASC LIMIT ?`;

/** Waiting jobs whose time has come: higher priority first, then oldest. */
const WAITING = `SELECT "id" FROM "QueueJob" WHERE "queue" = ? AND "state" = 'queued' AND "runAt" <= ?
  AND ${NO_SINGLETON_RUNNING} ORDER BY "priority" DESC, "runAt" ASC LIMIT ?`;

/** Takes the chosen jobs in the same statement that chose them; the state is checked again, so of two
 * workers choosing the same job only one changes it. The check reads `("state" || '')` so that SQLite
 * finds the rows by id: given the bare column it walked the state index through every waiting job. */
const claimStatement = (chosen: string, state: string, lockClause: string) =>
  `UPDATE "QueueJob" SET "state" = 'running', "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1,
  "startedAt" = ?, "singletonSlot" = NULL, "updatedAt" = ?
  WHERE "id" IN (${chosen}${lockClause}) AND ${state} RETURNING ${COLUMNS}`;

const LEAVE_RUNNING = `UPDATE "QueueJob" SET "state" = ?, "lastError" = ?, "completedAt" = ?, "runAt" = ?,
  "attempts" = "attempts" - ?, "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ?
  WHERE "id" = ? AND "lockedBy" = ? AND "state" = 'running'`;

/** Jobs per transaction in enqueueMany: a commit for every few hundred rows is already cheap. */
const MAX_BATCH = 500;

const BY_IDEMPOTENCY_KEY = `SELECT "id" FROM "QueueJob" WHERE "queue" = ? AND "idempotencyKey" = ?`;
const BY_SINGLETON_SLOT = `SELECT "id" FROM "QueueJob" WHERE "queue" = ? AND "singletonSlot" = ?`;
const RAISE_PRIORITY = `UPDATE "QueueJob" SET "priority" = ?, "updatedAt" = ?
  WHERE "id" = ? AND "state" = 'queued' AND "priority" < ?`;

const HAS_WORK = `SELECT 1 AS "found" FROM "QueueJob" WHERE "queue" = ? AND "state" IN ('queued', 'running') LIMIT 1`;

const RUNNING_HOLDERS = `SELECT DISTINCT "lockedBy" FROM "QueueJob" WHERE "state" = 'running' AND "lockedBy" IS NOT NULL`;

/** Ends a holder's leases now: the jobs are claimed again as if their lease had run out. */
const EXPIRE_LEASES = `UPDATE "QueueJob" SET "lockedUntil" = ?, "updatedAt" = ? WHERE "lockedBy" = ? AND "state" = 'running'`;

const RENEW = `UPDATE "QueueJob" SET "lockedUntil" = ?, "updatedAt" = ?
  WHERE "id" = ? AND "lockedBy" = ? AND "state" = 'running'`;

/** How often each queue looks for work while its polls fail (the database is away). */
const OUTAGE_POLL_MS = 2000;

/**
 * The embedded queue: jobs are rows in the application database (SQLite by default, PostgreSQL too).
 * A worker claims a job with a conditional update, so two workers never both win it, and holds a
 * lease that it renews while the handler runs; a crashed worker's lease runs out and the job is
 * claimed again.
 */
export class PrismaQueue implements JobQueue {
  readonly driver = 'embedded' as const;
  private readonly settings: QueueSettings;
  /** host:pid:random, so a process restarted on the same machine can tell which holders are gone. */
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly registrations = new Map<string, Registration>();
  private readonly controller = new AbortController();
  private started = false;
  private stopping = false;
  private readonly sql: RawSql;
  private readonly claimStale: string;
  private readonly claimWaiting: string;
  /** Every queue's poll fails together while the database is away: one log line for all of them. */
  private readonly pollOutage: OutageLog;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    settings: Partial<QueueSettings> = {},
  ) {
    this.settings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
    this.sql = rawSql(db);
    this.pollOutage = new OutageLog(log, 'queue polls (the database)');
    // PostgreSQL: skip rows another worker is claiming instead of waiting for its transaction.
    const lock = this.sql.provider === 'postgresql' ? ' FOR UPDATE SKIP LOCKED' : '';
    this.claimStale = claimStatement(STALE, `("state" || '') = 'running' AND "lockedUntil" < ?`, lock);
    this.claimWaiting = claimStatement(WAITING, `("state" || '') = 'queued'`, lock);
    // Every running job listens for the stop; many run at once, which is no leak.
    setMaxListeners(0, this.controller.signal);
  }

  async enqueue(queue: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    // A key can be taken between a look-up and the insert, so insert first and look up when a key was
    // taken; a second round covers a singleton job that started running between the two.
    for (let round = 0; round < 3; round++) {
      const id = timeOrderedUuid();
      if ((await this.sql.run(INSERT, id, ...this.insertArgs(queue, payload, options, new Date()))) === 1) {
        this.wake(queue);
        return { id, created: true };
      }
      const existing = await this.existing(queue, options);
      if (existing) return existing;
      if (!options.idempotencyKey && !options.singletonKey) throw new Error(`could not enqueue a job on ${queue}`);
    }
    throw new Error(`could not enqueue a job on ${queue}: its keys kept colliding`);
  }

  /** The inserts in one transaction: one commit for the lot. A job whose key was taken is settled as
   * `enqueue` settles it. */
  async enqueueMany(queue: string, jobs: NewJob[]): Promise<EnqueueResult[]> {
    const results: EnqueueResult[] = [];
    for (let start = 0; start < jobs.length; start += MAX_BATCH) {
      const chunk = jobs.slice(start, start + MAX_BATCH);
      const now = new Date();
      const ids = chunk.map(() => timeOrderedUuid());
      const changed = await this.sql.batch(
        chunk.map((job, i) => [INSERT, [ids[i], ...this.insertArgs(queue, job.payload, job.options ?? {}, now)]]),
      );
      for (const [i, job] of chunk.entries()) {
        if (changed[i] === 1) results.push({ id: ids[i]!, created: true });
        else {
          const existing = await this.existing(queue, job.options ?? {});
          results.push(existing ?? (await this.enqueue(queue, job.payload, job.options)));
        }
      }
    }
    if (results.some((r) => r.created)) this.wake(queue);
    return results;
  }

  /** INSERT's arguments after the id. */
  private insertArgs(queue: string, payload: unknown, options: EnqueueOptions, now: Date): unknown[] {
    return [
      queue,
      JSON.stringify(payload ?? null),
      options.idempotencyKey ?? null,
      options.singletonKey ?? null,
      options.singletonKey ?? null,
      options.maxAttempts ?? this.settings.maxAttempts,
      this.settings.backoffBaseMs,
      options.priority ?? 0,
      options.runAt ?? now,
      now,
      now,
    ];
  }

  /** The job that holds this enqueue's key, raised to its priority if it waits with less. */
  private async existing(queue: string, options: EnqueueOptions): Promise<EnqueueResult | null> {
    const found = await this.findByKeys(queue, options);
    if (!found) return null;
    const priority = options.priority ?? 0;
    if (options.singletonKey && priority > 0) await this.raisePriority(found.id, priority);
    return { id: found.id, created: false };
  }

  /** A waiting job asked for again with more urgency (a live event for something a backfill queued). */
  private async raisePriority(id: string, priority: number): Promise<void> {
    await this.sql.run(RAISE_PRIORITY, priority, new Date(), id, priority);
  }

  /** The job holding an idempotency key or waiting under a singleton key. A poll during a backfill asks
   * this for every application still waiting, so it is raw SQL too. */
  private async findByKeys(queue: string, options: EnqueueOptions): Promise<{ id: string } | null> {
    if (options.idempotencyKey) {
      const [byKey] = await this.sql.rows<{ id: string }>(BY_IDEMPOTENCY_KEY, queue, options.idempotencyKey);
      if (byKey) return byKey;
    }
    if (options.singletonKey) {
      const [waiting] = await this.sql.rows<{ id: string }>(BY_SINGLETON_SLOT, queue, options.singletonKey);
      return waiting ?? null;
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
    LIVE_WORKERS.add(this.workerId);
    await this.reclaimFromDeadProcesses().catch((err: unknown) => {
      this.log.warn({ err }, 'could not look for jobs a stopped process held; they run again after their lease');
    });
    for (const reg of this.registrations.values()) this.schedule(reg, 0);
  }

  /**
   * Jobs held by a process of this machine that is gone (a crash, a SIGKILL, the previous run of this
   * very process) are made claimable now rather than when their lease runs out: a single process
   * restarted after a crash would otherwise wait the whole visibility timeout for its own jobs.
   * Holders on other machines cannot be checked and keep their lease.
   */
  private async reclaimFromDeadProcesses(): Promise<void> {
    const host = hostname();
    const holders = await this.sql.rows<{ lockedBy: string }>(RUNNING_HOLDERS);
    const now = new Date();
    for (const { lockedBy } of holders) {
      const [holderHost, pid] = lockedBy.split(':');
      if (holderHost !== host || !pid || !/^\d+$/.test(pid) || LIVE_WORKERS.has(lockedBy)) continue;
      if (Number(pid) !== process.pid && processAlive(Number(pid))) continue;
      const reclaimed = await this.sql.run(EXPIRE_LEASES, new Date(now.getTime() - 1), now, lockedBy);
      if (reclaimed) this.log.info({ jobs: reclaimed, holder: lockedBy }, 'took back jobs a stopped process held');
    }
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
    let answered = false;
    try {
      while (!this.stopping && reg.running.size < reg.concurrency) {
        const jobs = await this.claim(reg.queue, reg.concurrency - reg.running.size);
        answered = true;
        if (jobs.length === 0) break;
        for (const job of jobs) {
          if (this.stopping) {
            await this.unclaim(job);
            continue;
          }
          const run = this.run(reg, job).catch((err: unknown) => {
            // run() settles its own errors; anything left is a bug, never a reason to end the process.
            this.log.error({ err, queue: reg.queue, jobId: job.id }, 'job runner failed');
          }).finally(() => {
            reg.running.delete(run);
            this.schedule(reg, 0);
          });
          reg.running.add(run);
        }
      }
      // Only a poll that reached the database says it is back (a full queue asks it nothing).
      if (answered) this.pollOutage.succeeded();
    } catch (err) {
      this.pollOutage.failed(err, { queue: reg.queue });
    } finally {
      reg.polling = false;
      // While the database is away, look less often: a returning database is noticed within seconds.
      const interval = this.settings.pollIntervalMs;
      this.schedule(reg, this.pollOutage.failing ? Math.max(interval, OUTAGE_POLL_MS) : interval);
    }
  }

  /** Claims up to `limit` due jobs: first those a stopped worker left behind, then waiting ones. */
  private async claim(queue: string, limit: number): Promise<Row[]> {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + this.settings.visibilityTimeoutMs);
    // SET, then the choice (queue, due before, singleton leases live after, limit), then the re-check.
    const set = [this.workerId, lockedUntil, now, now];
    const stale = await this.sql.rows<Row>(this.claimStale, ...set, queue, now, now, limit, now);
    const waiting = stale.length < limit
      ? await this.sql.rows<Row>(this.claimWaiting, ...set, queue, now, now, limit - stale.length)
      : [];
    const won: Row[] = [];
    for (const row of [...stale, ...waiting.sort(byPriorityThenAge)]) {
      if (row.attempts <= row.maxAttempts) won.push(row);
      // Its last attempt died with its worker: nothing left to try.
      else await this.finish(row, 'dead', row.lastError ?? 'the worker running the last attempt stopped');
    }
    return won;
  }

  /** Hands back a job claimed while the queue began to stop, as if it had never been taken. */
  private async unclaim(row: Row): Promise<void> {
    await this.leaveRunning(row, 'queued', row.lastError, row.runAt, 1);
  }

  /** Ends this worker's hold on a running job: done, dead, or back in the queue to run at `runAt`. */
  private leaveRunning(row: Row, state: JobState, lastError: string | null, runAt: Date, attemptsBack = 0) {
    const now = new Date();
    const completedAt = state === 'queued' ? null : now;
    return this.sql.run(LEAVE_RUNNING, state, lastError, completedAt, runAt, attemptsBack, now, row.id, this.workerId);
  }

  private async run(reg: Registration, row: Row): Promise<void> {
    const jobAbort = new AbortController();
    const onStop = () => jobAbort.abort(new Error('queue stopped'));
    this.controller.signal.addEventListener('abort', onStop, { once: true });
    const lease = setInterval(() => void this.renewLease(row.id, jobAbort), this.settings.visibilityTimeoutMs / 3);
    // An aborted job may never return; stop renewing at once so its lease runs out.
    jobAbort.signal.addEventListener('abort', () => clearInterval(lease), { once: true });
    let settle: () => Promise<unknown>;
    try {
      await reg.handler(row.payload, { id: row.id, queue: row.queue, attempt: row.attempts, signal: jobAbort.signal });
      if (jobAbort.signal.aborted) return; // the job belongs to someone else now, or to the next start
      settle = () => this.finish(row, 'completed', null);
    } catch (err) {
      if (jobAbort.signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      if (row.attempts >= row.maxAttempts) {
        this.log.error({ queue: row.queue, jobId: row.id, attempts: row.attempts, err }, 'job failed for good');
        settle = () => this.finish(row, 'dead', message);
      } else {
        const delay = backoffDelayMs(row.attempts, row.backoffBaseMs, this.settings.backoffMaxMs);
        this.log.warn({ queue: row.queue, jobId: row.id, attempt: row.attempts, retryInMs: delay, err }, 'job failed');
        settle = () => this.release(row, message, new Date(Date.now() + delay));
      }
    } finally {
      this.controller.signal.removeEventListener('abort', onStop);
    }
    try {
      await this.untilWritten(row, settle);
    } finally {
      clearInterval(lease);
    }
  }

  /** Writes a job's outcome once the database takes it (see until-written.ts); the lease is renewed meanwhile. */
  private async untilWritten(row: Row, write: () => Promise<unknown>): Promise<void> {
    await untilWritten(write, this.controller.signal, (err) => {
      this.log.warn({ err, jobId: row.id }, 'could not record a job\'s outcome; trying again');
    });
  }

  private async renewLease(id: string, jobAbort: AbortController): Promise<void> {
    try {
      const now = new Date();
      const lockedUntil = new Date(now.getTime() + this.settings.visibilityTimeoutMs);
      const renewed = await this.sql.run(RENEW, lockedUntil, now, id, this.workerId);
      if (renewed === 0) jobAbort.abort(new Error('lease lost'));
    } catch (err) {
      this.log.warn({ err, jobId: id }, 'could not renew a job lease');
    }
  }

  private async finish(row: Row, state: 'completed' | 'dead', lastError: string | null): Promise<void> {
    const done = await this.leaveRunning(row, state, lastError, row.runAt);
    if (done === 0) this.log.warn({ jobId: row.id }, 'job finished after its lease was taken over');
  }

  private async release(row: Row, lastError: string, runAt: Date): Promise<void> {
    await this.leaveRunning(row, 'queued', lastError, runAt);
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

  async hasWork(queues: string[]): Promise<boolean> {
    for (const queue of queues) {
      if ((await this.sql.rows(HAS_WORK, queue)).length > 0) return true;
    }
    return false;
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
