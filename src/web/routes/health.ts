import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { checkDatabase } from '../../db/health.ts';
import { providerOf } from '../../db/paths.ts';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied (503
 * otherwise; with the database unreachable no migration is known to be pending). */
export const healthRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (req, reply) => {
    const db = await checkDatabase(ctx.db, providerOf(ctx.config.databaseUrl));
    const ready = db.reachable && db.pendingMigrations.length === 0;
    // The driver's message names hosts and ports: for the log, not for whoever asks.
    if (db.error) req.log.warn({ error: db.error }, 'readiness: database unreachable');
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      database: db.reachable ? 'reachable' : 'unreachable',
      pendingMigrations: db.pendingMigrations,
    });
  });
};
