import type { FastifyInstance } from 'fastify';
import type { Config } from './config/schema.ts';
import { migrateDatabase } from './db/migrate.ts';
import { buildServer } from './web/server.ts';
import { subscribeSandboxWebhooks } from './core/ashby-link/ashby-connection.ts';
import { AshbyTargetsCache } from './core/ashby-link/ashby-fields.ts';
import { type AppContext, closeContext, type ContextOptions, createContext } from './core/context.ts';
import type { Logger } from './core/logger.ts';
import { connectFrontDoors, startFrontDoors } from './front-doors.ts';
import { listeningAddress, stopOnce } from './serving.ts';
import { POLL_QUEUE } from './core/pipeline/poll.ts';
import { PROCESS_APPLICATION_QUEUE } from './core/pipeline/process-application.ts';
import { WEBHOOK_QUEUE } from './core/pipeline/webhook-events.ts';
import { REQUIREMENTS_RESCORE_QUEUE } from './core/requirements/rescore.ts';
import { Scheduler } from './core/ops/scheduler.ts';
import { registerWorkers, type ShortlistListener } from './core/register-workers.ts';

export interface RunningSkima {
  ctx: AppContext;
  server: FastifyInstance;
  scheduler: Scheduler;
  /** Where the server listens, e.g. http://127.0.0.1:3000 */
  address: string;
  /** Stops taking requests and jobs, drains what is in flight, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions extends ContextOptions {
  listeners?: ShortlistListener[];
}

/**
 * Skima's context with its chat front doors connected: the core's context, plus each configured
 * front door over the core's port. What `skima start` runs on (worker processes and CLI commands
 * use the core's context alone).
 */
export async function createAppContext(config: Config, log: Logger, options: ContextOptions = {}): Promise<AppContext> {
  const ctx = await createContext(config, log, options);
  try {
    ctx.chat = await connectFrontDoors(ctx);
  } catch (err) {
    await closeContext(ctx);
    throw err;
  }
  return ctx;
}

/** One process: migrations, web server, queue workers and scheduler (`skima start`). */
export async function startSkima(config: Config, log: Logger, options: StartOptions = {}): Promise<RunningSkima> {
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  const ctx = await createAppContext(config, log, options);
  const scheduler = new Scheduler(ctx.queue, log);
  const server = await buildServer(ctx);
  try {
    await registerWorkers(ctx, scheduler, options.listeners);
    await prepareAshby(ctx, log);
    await ctx.queue.start();
    scheduler.start();
    await server.listen({ host: config.host, port: config.port });
    await startFrontDoors(ctx);
  } catch (err) {
    await scheduler.stop();
    await server.close();
    await closeContext(ctx);
    throw err;
  }
  const address = listeningAddress(server, config);
  if (ctx.ashby.sandbox) await subscribeSandboxWebhooks(ctx.ashby, `${address}/webhooks/ashby`);
  await enqueueStartPoll(ctx);
  return { ctx, server, scheduler, address, stop: stopOnce(ctx, server, scheduler) };
}

/** Skima's fields and tag are found or created once, before any job (or worker process) looks for them:
 * several lookups that each found them missing would each create them. */
export async function prepareAshby(ctx: AppContext, log: Logger): Promise<void> {
  await new AshbyTargetsCache(ctx.ashby.client, log, { tag: ctx.config.ashby.tag }).get().catch((err: unknown) => {
    log.warn({ err }, 'could not check Skima\'s Ashby custom fields and tag yet; the first job will retry');
  });
}

/** Reconcile at once rather than at the first tick: a fresh install backfills, a restart catches up.
 * One poll however many processes start together (its singleton key is the scheduled poll's). */
export async function enqueueStartPoll(ctx: AppContext): Promise<void> {
  await ctx.queue.enqueue(POLL_QUEUE, { reason: 'start' }, { singletonKey: 'cron:ashby-poll' });
}

/** The queues whose jobs screen applications: idle means everything known is screened. */
export const SCREENING_QUEUES = [POLL_QUEUE, WEBHOOK_QUEUE, PROCESS_APPLICATION_QUEUE, REQUIREMENTS_RESCORE_QUEUE];

/** Resolves when no screening job is waiting or running (or after `timeoutMs`, or on `signal`); true when idle. */
export async function waitForIdle(ctx: AppContext, timeoutMs = 10 * 60_000, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline && !signal?.aborted) {
    if (!(await ctx.queue.hasWork(SCREENING_QUEUES))) {
      // Idle twice in a row, a moment apart: a finishing job may enqueue the next.
      if (quietSince && Date.now() - quietSince >= 300) return true;
      quietSince ||= Date.now();
    } else {
      quietSince = 0;
    }
    // A few looks a second are enough.
    await new Promise((r) => setTimeout(r, 400));
  }
  return false;
}
