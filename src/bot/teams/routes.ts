import type { Activity, TurnContext } from 'botbuilder';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { SkimaCloudAdapter } from './adapter.ts';
import { loggableError } from './errors.ts';

/** The Azure Bot's messaging endpoint: https://<public URL>/api/messages. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/** The least an activity must be for the adapter to take it; botbuilder reads the rest. */
const activitySchema = z.object({ type: z.string().min(1) }).passthrough();

/** Refusals of the token: botbuilder's own, and the JWT library's it lets through (see adapter.ts). */
const REFUSED = new Set(['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
const refused = (err: unknown) => {
  const e = err as { name?: string; statusCode?: number };
  return REFUSED.has(e?.name ?? '') || e?.statusCode === 401;
};

export interface RouteLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * POST /api/messages: the Bot Framework Connector's requests, each with a JWT the adapter checks
 * (issuer, audience = the app id, a signing key among the Bot Framework's published keys, the channel's
 * endorsement) before the turn runs. A request without an Authorization header is refused here already,
 * and every refusal is a bare 401 (the reason goes to the log, not to the caller). An invoke is answered
 * with the turn's invoke response (a card click's updated card).
 */
export function teamsRoutes(
  adapter: SkimaCloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  log: RouteLog,
): FastifyPluginAsync {
  return async (app) => {
    app.post(TEAMS_MESSAGES_PATH, { bodyLimit: 512 * 1024 }, async (request, reply) => {
      const authorization = request.headers.authorization;
      if (!authorization) return reply.code(401).send({ error: 'unauthorized' });
      const parsed = activitySchema.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: 'not an activity' });
      try {
        const invoke = await adapter.handle(authorization, parsed.data as unknown as Activity, logic);
        reply.code(invoke?.status ?? 200);
        return invoke?.body === undefined ? reply.send() : reply.send(invoke.body);
      } catch (err) {
        if (refused(err)) {
          log.warn({ reason: err instanceof Error ? err.message.slice(0, 200) : 'refused' }, 'refused a request to /api/messages');
          return reply.code(401).send({ error: 'unauthorized' });
        }
        log.error({ error: loggableError(err) }, 'a Teams activity failed');
        return reply.code(500).send({ error: 'internal error' });
      }
    });
  };
}
