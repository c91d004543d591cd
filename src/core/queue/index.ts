import type { Config } from '../../config/schema.ts';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../logger.ts';
import { PgBossQueue } from './pgboss-queue.ts';
import { PrismaQueue } from './prisma-queue.ts';
import type { JobQueue, QueueSettings } from './types.ts';

export * from './types.ts';

export function queueSettings(config: Config): Partial<QueueSettings> {
  return {
    concurrency: config.queue.concurrency,
    maxAttempts: config.queue.maxAttempts,
    visibilityTimeoutMs: config.queue.visibilityTimeoutMs,
  };
}

/** The embedded queue unless QUEUE_DRIVER=pg-boss (which needs PostgreSQL; config validation says so). */
export function createQueue(config: Config, db: Db, log: Logger): JobQueue {
  const settings = queueSettings(config);
  return config.queue.driver === 'pg-boss'
    ? new PgBossQueue(config.databaseUrl, log, settings)
    : new PrismaQueue(db, log, settings);
}
