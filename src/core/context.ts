import type { Registry } from 'prom-client';
import type { Config } from '../config/schema.ts';
import { createDb, type Db } from '../db/client.ts';
import type { Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createQueue } from './queue/index.ts';
import type { JobQueue } from './queue/types.ts';

/** Everything a part of Skima needs, passed in rather than imported as globals. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  queue: JobQueue;
  metrics: Registry;
}

export async function createContext(config: Config, log: Logger): Promise<AppContext> {
  const db = await createDb(config.databaseUrl);
  const queue = createQueue(config, db, log);
  return { config, log, db, queue, metrics: createMetrics(queue) };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.queue.stop({ timeoutMs: ctx.config.shutdownTimeoutMs });
  await ctx.db.$disconnect();
}
