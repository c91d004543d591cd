import { Worker } from 'node:worker_threads';
import type { ExtractOptions } from '../extract/extract-text.ts';
import type { ScoringLogger } from '../llm/llm-scorer.ts';
import { DEFAULT_EXTRACT_LIMITS, type ExtractResult } from '../extract/types.ts';
import type { ScoreOptions, ScoreResult } from '../types.ts';
import { defaultScorerVersion } from '../version.ts';
import type { Task, TaskReply, TaskRequest, ThreadHeap, ThreadSettings } from './protocol.ts';

export interface ScoringPoolOptions {
  /** Threads to run (at least 1). */
  readonly threads: number;
  /** Resolves "present" in resume date ranges; default: now, when the pool is made. */
  readonly asOf?: Date;
  /** How long past its own time limit an extraction may run, and how long a scoring may take, before
   * its thread is taken to be stuck, stopped and replaced. Default 15 s. */
  readonly graceMs?: number;
  /** Each thread's old generation limit in MB (V8's default when unset). A thread that runs out dies
   * (ERR_WORKER_OUT_OF_MEMORY) and its tasks are tried once more on a fresh thread. */
  readonly heapMb?: number;
  /** Told when a thread fails or is replaced (never given resume text). */
  readonly logger?: Pick<ScoringLogger, 'warn'>;
}

/**
 * Extraction and the default scorer on worker threads. Parsing a PDF and scoring it are pure CPU work:
 * on the main thread they hold up webhook intake and every database call, and one process cannot use
 * a second core. Same inputs, same results as `extractText` and `createScorer().score`.
 */
export interface ScoringPool {
  readonly version: string;
  readonly threads: number;
  extractText(bytes: Uint8Array, options?: ExtractOptions): Promise<ExtractResult>;
  score(jd: string, resume: string, options?: ScoreOptions): Promise<ScoreResult>;
  /** The V8 heaps of the threads running now (none before the first task), for /metrics. */
  heaps(): Promise<ThreadHeap[]>;
  /** Stops the threads; tasks still running are refused. */
  close(): Promise<void>;
}

/** A thread failed or was stopped under a task; the task can be tried again. */
export class ScoringThreadError extends Error {
  override readonly name: string = 'ScoringThreadError';
}

/** A task's thread died, and so did the fresh thread it was tried again on (out of memory, or a crash):
 * the pool gives it up, and the job that asked for it retries later or is dead-lettered. */
export class ScoringThreadDiedError extends ScoringThreadError {
  override readonly name = 'ScoringThreadDiedError';
}

interface Pending {
  resolve(result: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout | undefined;
  task: Task;
  /** Undefined: no time limit (a question about the thread, never a reason to stop it). */
  hardTimeoutMs: number | undefined;
  /** Already sent again once after its thread died. */
  retried: boolean;
}

interface Thread {
  slot: number;
  worker: Worker;
  pending: Map<number, Pending>;
}

// A worker thread starts without the TypeScript loader the main thread may run under (a checkout runs
// the sources through tsx; the package runs compiled JavaScript), so it installs it itself.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.loader) {
    const loader = await import(workerData.loader);
    (loader.register ?? loader.default.register)();
  }
  await import(workerData.entry);
})();
`;

const fromSources = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./scoring-thread.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
const LOADER = fromSources ? import.meta.resolve('tsx/esm/api') : undefined;

export function createScoringPool(options: ScoringPoolOptions): ScoringPool {
  const settings: ThreadSettings = { asOf: (options.asOf ?? new Date()).toISOString() };
  const graceMs = options.graceMs ?? 15_000;
  const threads: (Thread | undefined)[] = Array.from({ length: Math.max(1, options.threads) }, () => undefined);
  let nextId = 1;
  let closed = false;

  const fail = (thread: Thread, err: Error) => {
    for (const p of thread.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    thread.pending.clear();
  };

  /** Takes a thread out of service: the next task goes to a new one. */
  const retire = (thread: Thread) => {
    if (threads[thread.slot] === thread) threads[thread.slot] = undefined;
  };

  const resourceLimits = options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : undefined;

  const spawn = (slot: number): Thread => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: ENTRY, loader: LOADER, settings },
      ...(resourceLimits ? { resourceLimits } : {}),
    });
    const thread: Thread = { slot, worker, pending: new Map() };
    worker.on('message', (reply: TaskReply) => {
      const p = thread.pending.get(reply.id);
      if (!p) return;
      thread.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (thread.pending.size === 0) worker.unref();
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new ScoringThreadError(`${p.task.op} failed in a scoring thread: ${reply.message}`));
    });
    worker.on('error', (err: Error & { code?: string }) =>
      gone(
        thread,
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `a scoring thread ran out of memory (its heap limit: ${options.heapMb ?? 'V8\'s default'} MB)`
          : `a scoring thread failed: ${err.message}`,
      ));
    worker.on('exit', (code) => gone(thread, `a scoring thread stopped (exit code ${code})`));
    worker.unref();
    threads[slot] = thread;
    return thread;
  };

  /**
   * A thread died ('error', then 'exit'; the second call finds nothing left). Which of its tasks killed
   * it is unknown, so each is tried once more on a fresh thread in its slot, one at a time: a task that
   * kills that thread too is the one at fault, and fails for good (one resume that always exhausts the
   * heap cannot kill threads forever), while the others it took down with it still get their answer.
   */
  const gone = (thread: Thread, why: string) => {
    const wasServing = threads[thread.slot] === thread;
    retire(thread);
    const orphans = [...thread.pending.values()];
    thread.pending.clear();
    if (!closed && wasServing) options.logger?.warn({ slot: thread.slot, tasks: orphans.length }, why);
    let previous = Promise.resolve();
    for (const p of orphans) {
      clearTimeout(p.timer);
      if (closed || p.task.op === 'heap') p.reject(new ScoringThreadError(why));
      else if (p.retried) p.reject(new ScoringThreadDiedError(`${p.task.op} failed twice, on two scoring threads: ${why}`));
      else {
        previous = previous.then(() => new Promise<void>((done) => {
          if (closed) {
            p.reject(new ScoringThreadError('the scoring pool is closed'));
            return done();
          }
          const settle = <A>(f: (a: A) => void) => (a: A) => {
            f(a);
            done();
          };
          const again: Pending = { ...p, resolve: settle(p.resolve), reject: settle(p.reject), retried: true };
          send(threads[thread.slot] ?? spawn(thread.slot), again);
        }));
      }
    }
  };

  /** The thread with the fewest tasks in hand, started if it is not running. */
  const pick = (): Thread => {
    let best = 0;
    for (let i = 0; i < threads.length; i++) {
      const load = threads[i]?.pending.size ?? 0;
      if (load < (threads[best]?.pending.size ?? 0)) best = i;
    }
    return threads[best] ?? spawn(best);
  };

  const send = (thread: Thread, p: Pending) => {
    const id = nextId++;
    const stop = () => {
      // Extraction stops itself at its own limit, so a task this late has a thread stuck in a loop:
      // only stopping the thread frees it. Its other tasks go to a fresh thread (see gone).
      thread.pending.delete(id);
      const why = `a scoring thread took more than ${p.hardTimeoutMs} ms; it was restarted`;
      options.logger?.warn({ slot: thread.slot, op: p.task.op, otherTasks: thread.pending.size }, why);
      p.reject(new ScoringThreadError(why));
      retire(thread);
      void thread.worker.terminate();
    };
    p.timer = p.hardTimeoutMs === undefined ? undefined : setTimeout(stop, p.hardTimeoutMs);
    thread.pending.set(id, p);
    thread.worker.ref();
    const request: TaskRequest = { ...p.task, id };
    thread.worker.postMessage(request);
  };

  const run = <T>(task: Task, hardTimeoutMs: number): Promise<T> => {
    if (closed) return Promise.reject(new ScoringThreadError('the scoring pool is closed'));
    return runOn<T>(pick(), task, hardTimeoutMs);
  };

  const runOn = <T>(thread: Thread, task: Task, hardTimeoutMs: number | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const settle = resolve as (r: unknown) => void;
      send(thread, { resolve: settle, reject, timer: undefined, task, hardTimeoutMs, retried: false });
    });

  return {
    version: defaultScorerVersion(),
    threads: threads.length,
    async extractText(bytes, extractOptions = {}) {
      try {
        const limitMs = extractOptions.limits?.timeoutMs ?? DEFAULT_EXTRACT_LIMITS.timeoutMs;
        return await run<ExtractResult>({ op: 'extract', bytes, options: extractOptions }, limitMs + graceMs);
      } catch (err) {
        // A file that wedges its thread is unreadable, not a reason to retry forever.
        if (err instanceof ScoringThreadError && /took more than/.test(err.message)) {
          return { ok: false, reason: 'timeout', message: 'Reading the file took too long.' };
        }
        throw err;
      }
    },
    score: (jd, resume, options) => run<ScoreResult>({ op: 'score', jd, resume, ...(options ? { options } : {}) }, graceMs),
    async heaps() {
      // Only threads already running: asking must not start one (nor keep a stopping pool alive).
      const running = threads.filter((t): t is Thread => t !== undefined);
      if (closed || running.length === 0) return [];
      return Promise.all(running.map((t) => runOn<ThreadHeap>(t, { op: 'heap' }, undefined)));
    },
    async close() {
      closed = true;
      await Promise.all(
        threads.map((t) => {
          if (!t) return undefined;
          fail(t, new ScoringThreadError('the scoring pool is closed'));
          return t.worker.terminate();
        }),
      );
    },
  };
}
