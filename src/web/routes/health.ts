import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { checkDatabase } from '../../db/health.ts';
import { providerOf } from '../../db/paths.ts';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export const healthRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const db = await checkDatabase(ctx.db, providerOf(ctx.config.databaseUrl));
    const ready = db.reachable && db.pendingMigrations.length === 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      database: db.reachable ? 'reachable' : 'unreachable',
      pendingMigrations: db.pendingMigrations,
      ...(db.error ? { error: db.error } : {}),
    });
  });
};
