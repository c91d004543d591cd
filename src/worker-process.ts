import type { Config } from './config/schema.ts';
import { migrateDatabase } from './db/migrate.ts';
import { startWhenDatabaseAnswers } from './db/wait-for-database.ts';
import { closeContext, type ContextOptions, createContext, type AppContext } from './core/context.ts';
import type { Logger } from './core/logger.ts';
import { PROCESS_APPLICATION_QUEUE } from './core/pipeline/process-application.ts';
import { WEBHOOK_QUEUE } from './core/pipeline/webhook-events.ts';
import type { JobQueue } from './core/queue/types.ts';
import { Scheduler } from './core/ops/scheduler.ts';
import { registerWorkers } from './core/register-workers.ts';
import { createAppContext, enqueueStartPoll, prepareAshby } from './app.ts';

/**
 * The queues a worker process takes: the screening work, which is where the CPU goes (download,
 * extraction, scoring, write-back). Everything else (polls, decisions, chat cards, maintenance) stays
 * with `skima start`, which holds the front doors' listeners.
 */
export const WORKER_QUEUES: readonly string[] = [PROCESS_APPLICATION_QUEUE, WEBHOOK_QUEUE];

export interface RunningWorker {
  ctx: AppContext;
  stop(): Promise<void>;
}

/** The queue as registerWorkers sees it in a worker process: handlers for other queues are not taken. */
function onlyQueues(queue: JobQueue, names: readonly string[]): JobQueue {
  return new Proxy(queue, {
    get(target, prop, receiver) {
      if (prop === 'work') {
        return async (name: string, ...rest: unknown[]) => {
          if (!names.includes(name)) return;
          return (target.work as (...args: unknown[]) => Promise<void>)(name, ...rest);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface WorkerOptions extends ContextOptions {
  /** Only the screening queues (the children `skima start` forks, beside a process that runs the rest);
   * otherwise every queue and the schedule (`skima worker` beside `skima web`). */
  screeningOnly?: boolean;
}

/**
 * A process that works jobs from the shared queue: `skima worker` beside any number of `skima web`
 * processes (every queue, and the schedule, whose ticks run once however many workers tick), or a
 * child of `skima start` (WORKER_PROCESSES; screening only). Each is a Node.js event loop of its own,
 * so screening uses more than one core.
 */
export async function startWorker(config: Config, log: Logger, options: WorkerOptions = {}): Promise<RunningWorker> {
  // Normally a no-op (the migrations are applied): a worker started alone still refuses an old schema.
  const { ctx, scheduler } = await startWhenDatabaseAnswers(config.databaseUrl, async () => {
    await migrateDatabase(config.databaseUrl);
    // A full worker delivers chat cards and digests too, so it connects the front doors; a screening-only
    // child does not need them.
    const ctx = await (options.screeningOnly ? createContext : createAppContext)(config, log, options);
    const scheduler = new Scheduler(ctx.queue, log);
    try {
      if (options.screeningOnly) {
        await registerWorkers({ ...ctx, queue: onlyQueues(ctx.queue, WORKER_QUEUES) }, scheduler);
      } else {
        await registerWorkers(ctx, scheduler);
        await prepareAshby(ctx, log);
      }
      await ctx.queue.start();
      if (!options.screeningOnly) {
        scheduler.start();
        await enqueueStartPoll(ctx);
      }
    } catch (err) {
      await scheduler.stop();
      await closeContext(ctx).catch(() => {});
      throw err;
    }
    return { ctx, scheduler };
  }, {
    onWaiting: (reason) => log.warn({ reason }, 'database not answering yet: waiting for it before starting'),
  });
  let stopping: Promise<void> | undefined;
  return {
    ctx,
    stop() {
      stopping ??= (async () => {
        await scheduler.stop();
        await closeContext(ctx);
      })();
      return stopping;
    },
  };
}
