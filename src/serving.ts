import type { FastifyInstance } from 'fastify';
import type { Config } from './config/schema.ts';
import { closeContext, type AppContext } from './core/context.ts';
import type { Scheduler } from './core/ops/scheduler.ts';
import { stopFrontDoors } from './front-doors.ts';

// What `skima start` and `skima web` share once their server listens: the address they print, and a stop
// that runs once however many signals arrive.

/** Where the server listens, e.g. http://127.0.0.1:3000 (the real port when the config asked for 0). */
export function listeningAddress(server: FastifyInstance, config: Config): string {
  const info = server.server.address();
  const port = info && typeof info === 'object' ? info.port : config.port;
  return `http://${config.host}:${port}`;
}

/**
 * Stops a serving process in the order that loses nothing: the front doors stop taking chat requests,
 * the scheduler stops enqueueing, the server finishes the requests in flight, then the queue drains and
 * the database closes. The returned function runs it once; later calls wait for the same stop.
 */
export function stopOnce(ctx: AppContext, server: FastifyInstance, scheduler?: Scheduler): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      await stopFrontDoors(ctx);
      await scheduler?.stop();
      await server.close();
      await closeContext(ctx);
    })();
    return stopping;
  };
}
