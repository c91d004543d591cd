// The durable job queue every piece of Skima runs on: webhooks, polls, button clicks and cron ticks
// all become jobs. Two implementations pass one contract suite (test/core/queue/contract.ts):
// PrismaQueue (embedded, on the application database; the default) and PgBossQueue (PostgreSQL, for
// several processes).
//
// Delivery is at-least-once: a job whose worker dies runs again after the visibility timeout, so
// handlers must be idempotent (write with keys, compare before writing).

export type JobState = 'queued' | 'running' | 'completed' | 'dead';

export interface EnqueueOptions {
  /** Enqueueing the same key on the same queue again returns the existing job (while it is retained). */
  idempotencyKey?: string;
  /** At most one job per key waits to run (a second enqueue returns the waiting one) and at most one
   * runs at a time. For scheduled work, so N instances ticking at once start one run, and for work on
   * one object, so a burst of events becomes one run and two runs never overlap. */
  singletonKey?: string;
  /** Run no earlier than this. */
  runAt?: Date;
  /** Attempts before the job is dead-lettered (default: the queue's). */
  maxAttempts?: number;
  /** Among due jobs of a queue, higher runs first (default 0; equal priorities run oldest first). A
   * singleton job already waiting is raised to the priority of a second enqueue, never lowered. */
  priority?: number;
}

/** One job of an `enqueueMany`. */
export interface NewJob {
  payload: unknown;
  options?: EnqueueOptions;
}

export interface EnqueueResult {
  id: string;
  /** false when an idempotency or singleton key matched an existing job. */
  created: boolean;
}

export interface JobInfo {
  id: string;
  queue: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface JobContext {
  id: string;
  queue: string;
  /** 1 on the first delivery. */
  attempt: number;
  /** Aborted when the queue stops and the drain time is over. */
  signal: AbortSignal;
}

export type JobHandler<T = unknown> = (payload: T, ctx: JobContext) => Promise<void>;

export interface WorkOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency?: number;
}

export type QueueStats = Record<string, Partial<Record<JobState, number>>>;

export interface JobQueue {
  readonly driver: 'embedded' | 'pg-boss';
  /** Begins fetching jobs for every registered handler. */
  start(): Promise<void>;
  enqueue(queue: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Several jobs on one queue, each as `enqueue` would take it, in one write where the keys allow (a
   * poll's page of a hundred applications; one commit per job made a first sync of 100,000 slow).
   * Results are in the order given. */
  enqueueMany(queue: string, jobs: NewJob[]): Promise<EnqueueResult[]>;
  work<T>(queue: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  getJob(id: string): Promise<JobInfo | undefined>;
  /** Counts per queue and state, for /metrics and `/skima status`. */
  stats(): Promise<QueueStats>;
  /** Whether a job of these queues waits (due or not) or runs: one indexed look-up, where `stats`
   * counts every job kept, which grows with every application screened. */
  hasWork(queues: string[]): Promise<boolean>;
  /** Dead-lettered jobs, newest first: visible, so a person can see what failed and why. */
  listDead(queue?: string, limit?: number): Promise<JobInfo[]>;
  /** Puts a dead job back in the queue with fresh attempts; false if it is not dead. */
  retryDead(id: string): Promise<boolean>;
  /** Forgets completed jobs finished before `before` (their idempotency keys with them); dead jobs stay
   * until a person retries them. Returns how many went. */
  purgeCompleted(before: Date): Promise<number>;
  /** Stops fetching, waits up to timeoutMs for jobs in flight, then aborts what is left (those run
   * again elsewhere after the visibility timeout). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface QueueSettings {
  /** Default attempts before dead-lettering. */
  maxAttempts: number;
  /** First retry delay; each retry doubles it, with jitter. */
  backoffBaseMs: number;
  /** Cap on one retry delay. */
  backoffMaxMs: number;
  /** A running job whose worker stops reporting for this long is handed to another worker. */
  visibilityTimeoutMs: number;
  /** How often an idle worker looks for due jobs. */
  pollIntervalMs: number;
  /** Jobs of one queue run at once in this process, unless work() says otherwise. */
  concurrency: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  maxAttempts: 8,
  backoffBaseMs: 1_000,
  backoffMaxMs: 15 * 60_000,
  visibilityTimeoutMs: 5 * 60_000,
  pollIntervalMs: 500,
  concurrency: 4,
};

/** Exponential backoff with jitter, so retries of many jobs do not arrive together: after attempt n
 * the wait is between base*2^(n-1) and twice that, capped at maxMs. */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const exp = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(Math.min(maxMs, exp + Math.random() * exp));
}
