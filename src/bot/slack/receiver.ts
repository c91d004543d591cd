import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ListenerLog } from './listeners/deps.ts';
import { deliveryIdentity } from './delivery-identity.ts';
import { verifySlackSignature } from './signature.ts';

/** The one Slack endpoint: slash commands, interactivity and events all arrive here (see the manifest). */
export const SLACK_EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 1024 * 1024;
/** Slack wants an answer within 3 s; if no listener has acked by this point, answer empty. */
const ACK_DEADLINE_MS = 2_500;

const envelopeSchema = z.looseObject({ type: z.string().optional(), challenge: z.string().optional() });

/**
 * A Bolt Receiver served by Skima's own fastify server. fastify owns the port, so start() and stop()
 * do nothing; the fastify plugin below hands each verified request to Bolt with an ack that writes the
 * HTTP response. Bolt's own listeners keep running after the ack (processBeforeResponse stays false).
 */
export class FastifySlackReceiver implements Receiver {
  private app?: App;

  constructor(
    private readonly signingSecret: string,
    private readonly log: ListenerLog,
    /** Records a request's identity; false when it was handled before (see delivery-identity.ts). */
    private readonly isFirstDelivery: (identity: string) => Promise<boolean>,
    private readonly now: () => number = Date.now,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * The routes, as an encapsulated plugin: its raw-string body parsers (the signature is over the raw
   * bytes) apply to these routes only, so every other route keeps fastify's JSON parsing.
   */
  readonly routes: FastifyPluginAsync = async (fastify) => {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser(
      ['application/x-www-form-urlencoded', 'application/json'],
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    fastify.post(SLACK_EVENTS_PATH, { bodyLimit: BODY_LIMIT }, (req, reply) => this.handle(req, reply));
  };

  private async handle(req: FastifyRequest, reply: FastifyReply) {
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const check = verifySlackSignature({
      signingSecret: this.signingSecret,
      rawBody,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      nowMs: this.now(),
    });
    if (!check.ok) {
      req.log.warn({ reason: check.reason }, 'Slack request refused');
      return reply.code(401).send({ error: check.reason });
    }
    const body = parseBody(rawBody, String(req.headers['content-type'] ?? ''));
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) return reply.code(400).send({ error: 'malformed body' });
    if (envelope.data.type === 'url_verification') return reply.code(200).send({ challenge: envelope.data.challenge });
    if ((body as { ssl_check?: string }).ssl_check) return reply.code(200).send();
    if (!this.app) return reply.code(503).send({ error: 'Slack is starting' });
    // A valid signature proves Slack sent the bytes once, not that this is the first time they arrive:
    // a captured request replayed within the window would record a decision (and an Ashby note) again.
    const identity = deliveryIdentity(body);
    if (identity && !(await this.isFirstDelivery(identity))) {
      this.log.warn({ type: envelope.data.type }, 'Slack request seen before (a replay or a retry already handled); ignored');
      return reply.code(200).send();
    }

    // From here Bolt decides when the response goes out: at ack(), not when this handler returns.
    reply.hijack();
    const res = reply.raw;
    let acked = false;
    const respond = (status: number, payload?: unknown) => {
      if (acked) return;
      acked = true;
      clearTimeout(deadline);
      if (payload === undefined || payload === '') {
        res.writeHead(status);
        res.end();
      } else if (typeof payload === 'string') {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(payload);
      } else {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      }
    };
    const deadline = setTimeout(() => {
      this.log.warn({ type: envelope.data.type }, 'no Slack listener acked in time; answered empty');
      respond(200);
    }, ACK_DEADLINE_MS);
    deadline.unref();
    const event: ReceiverEvent = {
      body: body as Record<string, unknown>,
      ack: async (response?: unknown) => respond(200, response),
      retryNum: numberHeader(req, 'x-slack-retry-num'),
      retryReason: header(req, 'x-slack-retry-reason'),
    };
    try {
      await this.app.processEvent(event);
      respond(200); // no listener matched (or it never acked): Slack still gets its answer
    } catch (err) {
      this.log.error({ err }, 'a Slack listener failed');
      respond(500);
    }
  }
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function numberHeader(req: FastifyRequest, name: string): number | undefined {
  const v = header(req, name);
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Slash commands are form fields; interactivity is a form field `payload` holding JSON; events are JSON. */
function parseBody(raw: string, contentType: string): unknown {
  try {
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      return payload !== null ? JSON.parse(payload) : Object.fromEntries(form);
    }
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
