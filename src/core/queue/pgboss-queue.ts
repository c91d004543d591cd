import { createHash, randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.ts';
import { OutageLog } from './outage-log.ts';
import { untilWritten } from './until-written.ts';
import {
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

const SCHEMA = 'skima_queue';
// pg-boss enforces "one waiting and one running job per singleton key" only on queues with the
// `stately` policy, and there for jobs without a key too; singleton jobs therefore live in a sibling queue.
const SINGLETON_SUFFIX = '__singleton';

const STATE: Record<string, JobState> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'completed',
  failed: 'dead',
  cancelled: 'dead',
};

/** PostgreSQL's answers to two sessions creating the same queue at once: deadlock detected, unique
 * violation, duplicate table. */
const CONCURRENT_DDL = new Set(['40P01', '23505', '42P07']);

/** pg-boss job ids are UUIDs: an idempotency key becomes a name-based UUID, so a second send with the
 * same key collides with the first and pg-boss returns null. */
function keyToUuid(queue: string, key: string): string {
  const h = createHash('sha256').update(`${queue}\u0000${key}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The key two jobs of one batch collide on, if any. */
function batchKey(options: EnqueueOptions): string | undefined {
  if (options.idempotencyKey !== undefined) return `idempotency:${options.idempotencyKey}`;
  if (options.singletonKey !== undefined) return `singleton:${options.singletonKey}`;
  return undefined;
}

type JobSettings = Pick<
  PgBoss.JobInsert,
  'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds' | 'singletonKey' | 'startAfter' | 'priority'
>;

function baseQueue(name: string): string {
  return name.endsWith(SINGLETON_SUFFIX) ? name.slice(0, -SINGLETON_SUFFIX.length) : name;
}

interface JobRow {
  id: string;
  name: string;
  data: unknown;
  state: string;
  retry_count: number;
  retry_limit: number;
  start_after: Date;
  output: unknown;
  created_on: Date;
  completed_on: Date | null;
}

/**
 * The queue for several Skima processes on PostgreSQL, on pg-boss. Same contract as the embedded
 * queue; pg-boss's own expiry plays the part of the visibility timeout (it has no lease renewal, so
 * the timeout must exceed the longest job).
 */
export class PgBossQueue implements JobQueue {
  readonly driver = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly settings: QueueSettings;
  private readonly created = new Set<string>();
  private readonly handlers = new Map<string, { handler: JobHandler<unknown>; concurrency: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly controller = new AbortController();
  private readonly workerIds = new Map<string, string>();
  private stopping = false;
  private connecting?: Promise<void>;
  private started = false;
  /** pg-boss says when a poll fails, not when one works again: a job settled (or a query answered) says it. */
  private readonly outage: OutageLog;

  constructor(
    connectionString: string,
    private readonly log: Logger,
    settings: Partial<QueueSettings> & { maintenanceIntervalSeconds?: number } = {},
  ) {
    this.settings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
    this.outage = new OutageLog(log, 'pg-boss (the database)');
    this.boss = new PgBoss({
      connectionString,
      schema: SCHEMA,
      max: 4,
      // Expired (crashed) jobs are found by pg-boss's maintenance loop, which one instance at a time runs.
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds ?? 30,
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      archiveFailedAfterSeconds: 30 * 24 * 3600,
    });
    // pg-boss reports each failed poll of each queue: while the database is away, one line for all.
    this.boss.on('error', (err) => this.outage.failed(err));
  }

  /** Opens pg-boss's pool (and installs its schema) on first use, so enqueueing works before start(). */
  private connect(): Promise<void> {
    this.connecting ??= this.boss.start().then(() => {});
    return this.connecting;
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.connect();
    this.started = true;
    for (const [queue, reg] of this.handlers) await this.subscribe(queue, reg.handler, reg.concurrency);
  }

  /** A job's settings from an enqueue's options, in the names both `send` and `insert` take. */
  private jobSettings(options: EnqueueOptions): JobSettings {
    return {
      retryLimit: (options.maxAttempts || this.settings.maxAttempts) - 1,
      retryDelay: Math.max(1, Math.ceil(this.settings.backoffBaseMs / 1000)),
      retryBackoff: true,
      expireInSeconds: Math.max(1, Math.ceil(this.settings.visibilityTimeoutMs / 1000)),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.runAt ? { startAfter: options.runAt } : {}),
      ...(options.priority ? { priority: options.priority } : {}),
    };
  }

  private async ensureQueue(name: string): Promise<void> {
    if (this.created.has(name)) return;
    await this.connect();
    const policy = name.endsWith(SINGLETON_SUFFIX) ? 'stately' : 'standard';
    // Several processes starting together create the same queues at once, and pg-boss's createQueue
    // (a table partition and a row) can then deadlock or collide in PostgreSQL: the loser tries again,
    // and by then the queue exists.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(name, { name, policy });
        break;
      } catch (err) {
        if (attempt >= 5 || !CONCURRENT_DDL.has((err as { code?: string }).code ?? '')) throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
      }
    }
    this.created.add(name);
  }

  async enqueue(queue: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const name = options.singletonKey ? `${queue}${SINGLETON_SUFFIX}` : queue;
    await this.ensureQueue(name);
    const id = options.idempotencyKey ? keyToUuid(queue, options.idempotencyKey) : undefined;
    const sent = await this.boss.send(name, { payload }, { ...this.jobSettings(options), ...(id ? { id } : {}) });
    if (sent) {
      // A worker of this process sleeps between polls; wake it for lower latency.
      const workerId = this.workerIds.get(name);
      if (workerId) this.boss.notifyWorker(workerId);
      return { id: sent, created: true };
    }
    if (id) return { id, created: false };
    // The waiting job of this key, raised to this priority if it had less.
    const waiting = await this.sql<{ id: string }>(
      `WITH w AS (SELECT id FROM ${SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state = 'created' LIMIT 1)
       UPDATE ${SCHEMA}.job j SET priority = GREATEST(j.priority, $3) FROM w WHERE j.name = $1 AND j.id = w.id
       RETURNING j.id`,
      [name, options.singletonKey, options.priority ?? 0],
    );
    if (waiting[0]) return { id: waiting[0].id, created: false };
    throw new Error(`pg-boss refused a job on ${queue} and no existing job matches its keys`);
  }

  /** One `insert` for the lot. pg-boss does not say which rows it inserted, so each batch marks its
   * jobs' data and reads back the marked ids; a job whose key was taken is settled as `enqueue` settles it. */
  async enqueueMany(queue: string, jobs: NewJob[]): Promise<EnqueueResult[]> {
    if (jobs.length === 0) return [];
    const batch = randomUUID();
    const rows = jobs.map(({ payload, options = {} }) => ({
      payload,
      options,
      name: options.singletonKey ? `${queue}${SINGLETON_SUFFIX}` : queue,
      id: options.idempotencyKey ? keyToUuid(queue, options.idempotencyKey) : randomUUID(),
    }));
    // Of two jobs with one key, the first must win, but an insert keeps whichever row it meets first:
    // later ones are left to `enqueue`, which finds the first.
    const keys = new Set<string>();
    const firsts = rows.filter(({ options }) => {
      const key = batchKey(options);
      if (key === undefined) return true;
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    const names = [...new Set(rows.map((r) => r.name))];
    for (const name of names) await this.ensureQueue(name);
    await this.boss.insert(
      firsts.map(({ payload, options, name, id }) => ({
        id,
        name,
        data: { payload, batch },
        ...this.jobSettings(options),
      })),
    );
    const marked = await this.sql<{ id: string }>(
      `SELECT id FROM ${SCHEMA}.job WHERE name = ANY($1) AND id = ANY($2::uuid[]) AND data->>'batch' = $3`,
      [names, firsts.map((r) => r.id), batch],
    );
    const inserted = new Set(marked.map((r) => r.id));
    const results: EnqueueResult[] = [];
    for (const row of rows) {
      // Two jobs of one batch with the same idempotency key share an id: the first made it.
      if (inserted.delete(row.id)) results.push({ id: row.id, created: true });
      else results.push(await this.enqueue(queue, row.payload, row.options));
    }
    for (const name of names) {
      const workerId = this.workerIds.get(name);
      if (workerId) this.boss.notifyWorker(workerId);
    }
    return results;
  }

  async work<T>(queue: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    const concurrency = options.concurrency ?? this.settings.concurrency;
    this.handlers.set(queue, { handler: handler as JobHandler<unknown>, concurrency });
    if (this.started) await this.subscribe(queue, handler as JobHandler<unknown>, concurrency);
  }

  private async subscribe(queue: string, handler: JobHandler<unknown>, concurrency: number): Promise<void> {
    for (const name of [queue, `${queue}${SINGLETON_SUFFIX}`]) {
      await this.ensureQueue(name);
      // One pg-boss worker per queue fetches up to `concurrency` jobs and runs them side by side. Each
      // job is failed on its own (pg-boss then completes only those still active), and a worker that
      // found work polls again at once instead of sleeping the polling interval.
      let workerId = '';
      workerId = await this.boss.work<{ payload: unknown }>(
        name,
        {
          batchSize: concurrency,
          includeMetadata: true,
          pollingIntervalSeconds: Math.max(0.5, this.settings.pollIntervalMs / 1000),
        },
        async (jobs) => {
          await Promise.all(jobs.map((job) => this.runOne(name, queue, job, handler)));
          if (jobs.length > 0 && !this.stopping) this.boss.notifyWorker(workerId);
        },
      );
      this.workerIds.set(name, workerId);
    }
  }

  private async runOne(
    name: string,
    queue: string,
    job: PgBoss.JobWithMetadata<{ payload: unknown }>,
    handler: JobHandler<unknown>,
  ): Promise<void> {
    const settled = this.runAndSettle(name, queue, job, handler);
    this.inFlight.add(settled);
    try {
      await settled;
    } finally {
      this.inFlight.delete(settled);
    }
  }

  /**
   * Runs the handler, then writes its outcome ourselves, trying again while the database is away:
   * pg-boss's own write after the batch is one try that nobody awaits, so a job finished during an
   * outage would otherwise stay active until it expires and run again. Once ours is written, pg-boss's
   * finds the job settled and changes nothing.
   */
  private async runAndSettle(
    name: string,
    queue: string,
    job: PgBoss.JobWithMetadata<{ payload: unknown }>,
    handler: JobHandler<unknown>,
  ): Promise<void> {
    const attempt = job.retryCount + 1;
    let outcome: () => Promise<unknown>;
    try {
      await handler(job.data.payload, { id: job.id, queue, attempt, signal: this.controller.signal });
      outcome = () => this.boss.complete(name, job.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn({ queue, jobId: job.id, attempt, err }, 'job failed');
      outcome = () => this.boss.fail(name, job.id, { message });
    }
    await untilWritten(outcome, this.controller.signal, (err) => {
      this.log.warn({ err, jobId: job.id }, 'could not record a job\'s outcome; trying again');
    });
    this.outage.succeeded();
  }

  private async sql<T>(text: string, values: unknown[]): Promise<T[]> {
    await this.connect();
    const db = (this.boss as unknown as { getDb(): PgBoss.Db }).getDb();
    const res = await db.executeSql(text, values);
    this.outage.succeeded();
    return res.rows as T[];
  }

  private toInfo(row: JobRow): JobInfo {
    const output = row.output as { message?: string } | null;
    return {
      id: row.id,
      queue: baseQueue(row.name),
      payload: (row.data as { payload?: unknown })?.payload,
      state: STATE[row.state] ?? 'queued',
      attempts: row.state === 'created' ? row.retry_count : row.retry_count + (row.state === 'retry' ? 0 : 1),
      maxAttempts: row.retry_limit + 1,
      runAt: row.start_after,
      lastError: output?.message ?? null,
      createdAt: row.created_on,
      completedAt: row.completed_on,
    };
  }

  async getJob(id: string): Promise<JobInfo | undefined> {
    const rows = await this.sql<JobRow>(`SELECT * FROM ${SCHEMA}.job WHERE id = $1`, [id]);
    return rows[0] ? this.toInfo(rows[0]) : undefined;
  }

  async stats(): Promise<QueueStats> {
    const rows = await this.sql<{ name: string; state: string; n: string }>(
      `SELECT name, state, count(*)::text AS n FROM ${SCHEMA}.job GROUP BY name, state`,
      [],
    );
    const stats: QueueStats = {};
    for (const r of rows) {
      const queue = baseQueue(r.name);
      const state = STATE[r.state] ?? 'queued';
      const byState: Record<string, number> = stats[queue] ?? {};
      byState[state] = (byState[state] ?? 0) + Number(r.n);
      stats[queue] = byState;
    }
    return stats;
  }

  async hasWork(queues: string[]): Promise<boolean> {
    const names = queues.flatMap((q) => [q, `${q}${SINGLETON_SUFFIX}`]);
    // pg-boss's states are an enum in the order created, retry, active, completed, cancelled, failed.
    const rows = await this.sql(`SELECT 1 FROM ${SCHEMA}.job WHERE name = ANY($1) AND state < 'completed' LIMIT 1`, [
      names,
    ]);
    return rows.length > 0;
  }

  async listDead(queue?: string, limit = 50): Promise<JobInfo[]> {
    const rows = await this.sql<JobRow>(
      `SELECT * FROM ${SCHEMA}.job WHERE state = 'failed' AND ($1::text IS NULL OR name IN ($1, $1 || '${SINGLETON_SUFFIX}'))
       ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [queue ?? null, limit],
    );
    return rows.map((r) => this.toInfo(r));
  }

  async retryDead(id: string): Promise<boolean> {
    const rows = await this.sql<{ name: string }>(`SELECT name FROM ${SCHEMA}.job WHERE id = $1 AND state = 'failed'`, [
      id,
    ]);
    if (!rows[0]) return false;
    await this.boss.retry(rows[0].name, id);
    return true;
  }

  /** pg-boss archives and deletes completed jobs in its own maintenance (after seven days). */
  async purgeCompleted(): Promise<number> {
    return 0;
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.connecting) return;
    this.stopping = true;
    const timeoutMs = options.timeoutMs ?? 30_000;
    for (const name of this.created) await this.boss.offWork(name);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.allSettled([...this.inFlight]).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) this.controller.abort(new Error('queue stopped'));
    await this.boss.stop({ graceful: true, wait: true, timeout: Math.max(1000, timeoutMs) });
    this.started = false;
    this.stopping = false;
    this.connecting = undefined;
    this.workerIds.clear();
  }
}
