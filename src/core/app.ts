import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/schema.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { buildServer } from '../web/server.ts';
import { type AppContext, closeContext, createContext } from './context.ts';
import type { Logger } from './logger.ts';
import { Scheduler } from './scheduler.ts';

export interface RunningSkima {
  ctx: AppContext;
  server: FastifyInstance;
  scheduler: Scheduler;
  /** Where the server listens, e.g. http://127.0.0.1:3000 */
  address: string;
  /** Stops taking requests and jobs, drains what is in flight, closes the database. */
  stop(): Promise<void>;
}

/** One process: migrations, web server, queue workers and scheduler (`skima start`). */
export async function startSkima(config: Config, log: Logger): Promise<RunningSkima> {
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  const ctx = await createContext(config, log);
  const scheduler = new Scheduler(ctx.queue, log);
  const server = await buildServer(ctx);
  try {
    await ctx.queue.start();
    scheduler.start();
    await server.listen({ host: config.host, port: config.port });
  } catch (err) {
    await scheduler.stop();
    await server.close();
    await closeContext(ctx);
    throw err;
  }
  const info = server.server.address();
  const address =
    info && typeof info === 'object' ? `http://${config.host}:${info.port}` : `http://${config.host}:${config.port}`;
  let stopping: Promise<void> | undefined;
  return {
    ctx,
    server,
    scheduler,
    address,
    stop() {
      stopping ??= (async () => {
        await scheduler.stop();
        await server.close();
        await closeContext(ctx);
      })();
      return stopping;
    },
  };
}
