import type { FastifyInstance } from 'fastify';
import type { Config } from './config/schema.ts';
import { migrateDatabase } from './db/migrate.ts';
import { startWhenDatabaseAnswers } from './db/wait-for-database.ts';
import { buildServer } from './web/server.ts';
import { createAppContext } from './app.ts';
import { startFrontDoors } from './front-doors.ts';
import { listeningAddress, stopOnce } from './serving.ts';
import { closeContext, type ContextOptions, type AppContext } from './core/context.ts';
import type { Logger } from './core/logger.ts';

export interface RunningWeb {
  ctx: AppContext;
  server: FastifyInstance;
  /** Where the server listens, e.g. http://127.0.0.1:3000 */
  address: string;
  stop(): Promise<void>;
}

/**
 * `skima web`: the front doors only (Ashby webhook intake, the shortlist pages, the chat endpoints,
 * health and metrics). It takes no job: whatever a request asks for is queued in the database for the
 * `skima worker` processes, and every limit it applies is counted there too, so any number of web
 * processes can stand behind one load balancer, none holding state of its own.
 */
export async function startWeb(config: Config, log: Logger, options: ContextOptions = {}): Promise<RunningWeb> {
  // Normally a no-op (`skima migrate` or a first process applied them): a web process refuses an old schema.
  const { ctx, server } = await startWhenDatabaseAnswers(config.databaseUrl, async () => {
    await migrateDatabase(config.databaseUrl);
    const ctx = await createAppContext(config, log, options);
    const server = await buildServer(ctx);
    try {
      await server.listen({ host: config.host, port: config.port });
      // Socket Mode: every web process holds a connection, and Slack spreads events over them.
      await startFrontDoors(ctx);
    } catch (err) {
      await server.close();
      await closeContext(ctx).catch(() => {});
      throw err;
    }
    return { ctx, server };
  }, {
    onWaiting: (reason) => log.warn({ reason }, 'database not answering yet: waiting for it before starting'),
  });
  return { ctx, server, address: listeningAddress(server, config), stop: stopOnce(ctx, server) };
}
