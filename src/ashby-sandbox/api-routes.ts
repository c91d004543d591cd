import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { keyFromAuthorization } from './api-keys.ts';
import { type EndpointDef, parseInput } from './context.ts';
import { readEndpoints } from './handlers-read.ts';
import { writeEndpoints } from './handlers-write.ts';
import { offerEndpoints } from './offers.ts';
import { SandboxApiError } from './sandbox-error.ts';
import type { SandboxState } from './sandbox-state.ts';

export const ENDPOINTS: Record<string, EndpointDef> = { ...readEndpoints, ...writeEndpoints, ...offerEndpoints };

/** Ashby request ids look like ULIDs. From randomUUID's pooled entropy: randomBytes asked the kernel
 * for every request, a few percent of the sandbox's CPU under a backfill. */
const requestId = () => `01${randomUUID().replaceAll('-', '').toUpperCase().slice(0, 24)}`;

function fail(reply: FastifyReply, id: string, status: number, code: string, message: string) {
  return reply.code(status).send({ success: false, errors: [code], errorInfo: { code, message, requestId: id } });
}

/** `POST /<endpoint>`: Ashby's RPC-style API with its auth, permissions, envelope and errors. */
export function registerApiRoutes(app: FastifyInstance, state: SandboxState) {
  app.post<{ Params: { endpoint: string } }>('/:endpoint', async (req, reply) => {
    const id = requestId();
    reply.header('x-ashby-request-id', id);
    const endpoint = ENDPOINTS[req.params.endpoint];
    if (!endpoint) return fail(reply, id, 404, 'endpoint_not_found', `No endpoint named ${req.params.endpoint}`);
    state.requests.set(req.params.endpoint, (state.requests.get(req.params.endpoint) ?? 0) + 1);

    const keyText = keyFromAuthorization(req.headers.authorization);
    if (!keyText)
      return fail(reply, id, 401, 'unauthenticated', 'API key missing: use HTTP Basic auth with the key as username');
    const key = state.keys.find(keyText);
    if (!key) return fail(reply, id, 403, 'invalid_api_key', 'The API key is invalid or has been deactivated');
    if (!key.permissions.has(endpoint.permission)) {
      return fail(
        reply,
        id,
        403,
        'missing_endpoint_permission',
        `The API key lacks the ${endpoint.permission} permission for ${req.params.endpoint}`,
      );
    }

    const fault = state.faults.decide(req.params.endpoint);
    const latency = state.faults.settings.latencyMs;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (fault.kind === 'hang') {
      await new Promise((r) => setTimeout(r, fault.ms));
      return fail(reply, id, 504, 'gateway_timeout', 'Upstream timed out');
    }
    if (fault.kind === 'status') {
      if (fault.status === 429 && fault.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(fault.retryAfterSeconds));
      const code = fault.status === 429 ? 'rate_limit_exceeded' : 'internal_error';
      return fail(
        reply,
        id,
        fault.status,
        code,
        fault.status === 429 ? 'Rate limit exceeded. Try again later.' : 'Internal server error',
      );
    }
    if (fault.kind === 'code') return fail(reply, id, 200, fault.code, `Injected error ${fault.code}`);

    const ctx = state.context();
    try {
      const result = await endpoint.handle(ctx, parseInput(endpoint.input, req.body), key);
      if (endpoint.write)
        ctx.writes.push({
          at: new Date(ctx.now()).toISOString(),
          endpoint: req.params.endpoint,
          apiKeyTitle: key.title,
          body: req.body,
        });
      return reply.code(200).send({ success: true, ...result });
    } catch (error) {
      if (error instanceof SandboxApiError) return fail(reply, id, error.httpStatus, error.code, error.message);
      req.log.error({ err: error, endpoint: req.params.endpoint }, 'sandbox handler failed');
      return fail(reply, id, 500, 'internal_error', 'Internal server error');
    }
  });
}
