import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Config } from '../config/schema.ts';
import type { AppContext } from '../core/context.ts';
import { answerServerErrorsPlainly } from './errors.ts';
import { ashbyWebhookRoute } from './routes/ashby-webhook.ts';
import { healthRoutes } from './routes/health.ts';
import { docsRoute } from './routes/docs.ts';
import { homeRoute } from './routes/home.ts';
import { metricsRoute } from './routes/metrics.ts';
import { rediscoverPagePlugin } from './rediscover-page/index.ts';
import { reportPagePlugin } from './report-page/index.ts';
import { shortlistPagePlugin } from './shortlist-page/index.ts';

/**
 * The HTTP face of Skima. Features are encapsulated fastify plugins that receive the application
 * context; tests drive them with app.inject() without opening a port.
 */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    // Log the route pattern, never the raw URL: share-link tokens live in paths.
    loggerInstance: ctx.log.child(
      { component: 'web' },
      {
        serializers: {
          req: (req: FastifyRequest) => ({
            id: req.id,
            method: req.method,
            route: req.routeOptions?.url ?? 'unmatched',
          }),
        },
      },
    ) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: proxyTrust(ctx.config.trustProxy),
  });
  answerServerErrorsPlainly(app, ctx.db);
  await app.register(homeRoute);
  await app.register(docsRoute);
  await app.register(healthRoutes, { ctx });
  await app.register(metricsRoute, { ctx });
  await app.register(ashbyWebhookRoute, { ctx });
  await app.register(shortlistPagePlugin, { ctx });
  await app.register(reportPagePlugin, { ctx });
  await app.register(rediscoverPagePlugin, { ctx });
  // Each chat front door brings its own encapsulated plugin (its body parsers for its route only).
  for (const door of ctx.chat) await app.register(door.routes);
  return app;
}

/** Fastify's form of TRUST_PROXY: a hop count trusts that many proxies nearest to this server. */
function proxyTrust(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
