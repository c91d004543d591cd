import { SANDBOX_DEMOGRAPHICS_REPORT_ID } from './demographics.ts';
import Fastify from 'fastify';
import type { Permission } from './api-keys.ts';
import { registerApiRoutes } from './api-routes.ts';
import { registerControlRoutes } from './control-routes.ts';
import { registerFileRoutes } from './file-routes.ts';
import { SandboxState } from './sandbox-state.ts';
import type { SeedSpec } from './seed-spec.ts';

/** Every webhook type the sandbox fires, for the `webhook` start option (one subscription each). */
export const SANDBOX_WEBHOOK_TYPES = [
  'applicationSubmit',
  'applicationUpdate',
  'candidateStageChange',
  'candidateHire',
  'candidateDelete',
  'candidateMerge',
  'jobPostingPublish',
  'jobPostingUnpublish',
  'jobPostingUpdate',
] as const;

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: SeedSpec | string;
  /** The key with every permission; generated when omitted. */
  apiKey?: string;
  /** Subscribes this URL to every webhook type the sandbox fires. */
  webhook?: { url: string; secret: string };
  /** Scales Ashby's webhook retry schedule; 0.001 turns its seconds into milliseconds. */
  timeScale?: number;
  /** Log requests with pino (the CLI turns this on). */
  logRequests?: boolean;
}

export interface RunningSandbox {
  url: string;
  apiKey: string;
  /** The in-process control surface (the same operations as the `/_sandbox` routes). */
  control: SandboxState;
  createKey(permissions: Permission[], title?: string): string;
  /** The saved report holding the seeded company's EEOC survey answers (for the bias audit). */
  demographicsReportId: string;
  close(): Promise<void>;
}

/** Starts a local Ashby look-alike. See README "Ashby sandbox". */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const state = new SandboxState(options.seed ?? 'small', options.timeScale ?? 1);
  const apiKey = state.createKey(undefined, 'Sandbox admin key', options.apiKey);

  const app = Fastify({ logger: options.logRequests ? { level: 'info' } : false, bodyLimit: 60 * 1024 * 1024 });
  // Ashby accepts `{}` and an empty body alike; malformed JSON is answered in Ashby's envelope.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, { __malformed: true });
    }
  });
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addHook('preHandler', async (req, reply) => {
    if ((req.body as { __malformed?: boolean } | undefined)?.__malformed) {
      return reply.code(200).send({
        success: false,
        errors: ['invalid_input'],
        errorInfo: { code: 'invalid_input', message: 'Request body is not valid JSON' },
      });
    }
  });

  registerControlRoutes(app, state);
  registerFileRoutes(app, () => state.context());
  registerApiRoutes(app, state);

  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  state.baseUrl = url;

  if (options.webhook) {
    for (const webhookType of SANDBOX_WEBHOOK_TYPES) {
      state.webhooks.subscribe({ webhookType, requestUrl: options.webhook.url, secretToken: options.webhook.secret });
    }
  }

  return {
    url,
    apiKey,
    control: state,
    createKey: (permissions, title) => state.createKey(permissions, title),
    demographicsReportId: SANDBOX_DEMOGRAPHICS_REPORT_ID,
    close: async () => {
      state.webhooks.close();
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
