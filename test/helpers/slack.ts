// Slack on loopback for tests: signed requests (HMAC computed here, independently of Skima's code),
// a nock-recorded Slack Web API, and Ashby users for matching Slack emails.
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { AshbyClient } from '../../src/ashby/index.ts';
import type { AshbyConnection } from '../../src/core/ashby-link/ashby-connection.ts';
import { checkHome, checkMessage, checkModal } from '../../src/bot/slack/block-kit.ts';

export const SLACK_ENV = {
  SLACK_BOT_TOKEN: 'xoxb-test-0000-token',
  SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef',
};

export function signed(body: string, opts: { secret?: string; ageS?: number; contentType?: string } = {}) {
  const ts = Math.floor(Date.now() / 1000) - (opts.ageS ?? 0);
  const sig = `v0=${createHmac('sha256', opts.secret ?? SLACK_ENV.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': sig,
  };
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const interaction = (payload: object) => form({ payload: JSON.stringify(payload) });

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

/** Slack's form-encoded Web API bodies, with the JSON-valued fields (blocks, view) decoded. */
function decode(body: unknown): Record<string, unknown> {
  const obj: Record<string, unknown> =
    typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as Record<string, unknown>) };
  for (const key of ['blocks', 'view']) {
    if (typeof obj[key] === 'string') obj[key] = JSON.parse(obj[key] as string);
  }
  return obj;
}

/** Every Block Kit payload that reaches the fake Slack is parsed by Skima's own limits. */
function checkLimits(method: string, body: Record<string, unknown>) {
  if (method === 'chat.postMessage' || method === 'chat.update') {
    checkMessage({ text: body.text as string, blocks: body.blocks as never });
  }
  if (method === 'views.open') checkModal(body.view as never);
  if (method === 'views.publish') checkHome(body.view as never);
}

/**
 * Intercepts https://slack.com/api/<method> (persisting), answering with `answer(method, body)`.
 * Records every call with its decoded body.
 */
export type SlackAnswer = [number, object, Record<string, string>?];

export function fakeSlackApi(answer: (method: string, body: Record<string, unknown>) => SlackAnswer) {
  const calls: RecordedCall[] = [];
  const scope = nock('https://slack.com')
    .persist()
    .post(/^\/api\/[\w.]+$/)
    .reply(function (uri, raw) {
      const method = uri.replace('/api/', '');
      const body = decode(raw);
      checkLimits(method, body);
      calls.push({ method, body });
      const [status, json, headers] = answer(method, body);
      return [status, json, headers ?? {}];
    });
  return { calls, scope };
}

/** Responses posted to response_url (Bolt's respond()). */
export function fakeResponseUrl() {
  const posts: Record<string, unknown>[] = [];
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      const b = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
      checkMessage({ text: b.text as string, blocks: b.blocks as never });
      posts.push(b);
      return { ok: true };
    });
  return posts;
}

export const ASHBY_USERS = [
  { id: 'user-dana', firstName: 'Dana', lastName: 'Lee', email: 'dana@example.com', globalRole: 'Limited Access', isEnabled: true, updatedAt: '2026-01-01T00:00:00Z' },
  { id: 'user-chris', firstName: 'Chris', lastName: 'Doyle', email: 'chris@example.com', globalRole: 'Organization Admin', isEnabled: true, updatedAt: '2026-01-01T00:00:00Z' },
  { id: 'user-tom', firstName: 'Tom', lastName: 'Berg', email: 'tom@example.com', globalRole: 'Limited Access', isEnabled: true, updatedAt: '2026-01-01T00:00:00Z' },
];

/** An Ashby that knows only its users (all the Slack front door asks of it). */
export function ashbyWithUsers(): AshbyConnection {
  const fetch = (async (url: string | URL) => {
    if (String(url).endsWith('/user.list')) {
      return new Response(JSON.stringify({ success: true, results: ASHBY_USERS, moreDataAvailable: false }), {
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(JSON.stringify({ success: false, errors: ['not in this test'] }), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const client = new AshbyClient({ apiKey: 'unused', baseUrl: 'http://ashby.invalid', fetch });
  return { client, webhookSecret: undefined, close: async () => {} };
}

/** Slack user ids ↔ emails the fake users.info and users.lookupByEmail answer with. */
export const SLACK_USERS: Record<string, string> = { U_DANA: 'dana@example.com', U_CHRIS: 'chris@example.com', U_TOM: 'tom@example.com' };

export function slackUserAnswer(method: string, body: Record<string, unknown>): [number, object] | undefined {
  if (method === 'users.info') {
    const email = SLACK_USERS[body.user as string];
    return email ? [200, { ok: true, user: { id: body.user, is_bot: false, profile: { email } } }] : [200, { ok: false, error: 'user_not_found' }];
  }
  if (method === 'users.lookupByEmail') {
    const id = Object.entries(SLACK_USERS).find(([, e]) => e === body.email)?.[0];
    return id ? [200, { ok: true, user: { id } }] : [200, { ok: false, error: 'users_not_found' }];
  }
  return undefined;
}
