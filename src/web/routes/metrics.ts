import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/context.ts';

/** Prometheus text exposition of the context's registry. */
export const metricsRoute: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/metrics', async (_req, reply) => {
    const body = await ctx.metrics.metrics();
    return reply.type(ctx.metrics.contentType).send(body);
  });
};
