import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { describeZodError } from './envelope.ts';
import { jsonNestingDepth } from './json-depth.ts';
import { type AshbyWebhookEvent, KNOWN_WEBHOOK_ACTIONS, webhookEventSchema } from './schemas/webhooks.ts';

export type WebhookVerification =
  | { ok: true; ignored: false; event: AshbyWebhookEvent }
  /** Signed correctly but an action Skima does not handle: acknowledge and drop. */
  | { ok: true; ignored: true; action: string; webhookActionId: string | undefined }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'malformed_json' | 'invalid_payload'; detail: string };

export interface WebhookInput {
  /** The body exactly as received, before any JSON parsing. */
  rawBody: string | Uint8Array;
  /** The `Ashby-Signature` header value. */
  signatureHeader: string | string[] | undefined;
  secret: string;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, raw body), as Ashby sends it. */
export function signAshbyBody(rawBody: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Ashby's payloads nest a handful of levels; far deeper is no webhook of Ashby's. */
export const MAX_WEBHOOK_DEPTH = 32;

const minimalEnvelope = z.looseObject({ action: z.string(), webhookActionId: z.string().optional() });

/**
 * Verifies and parses one Ashby webhook delivery. Pure: no I/O, the caller maps the result to an
 * HTTP status (401 for signature problems, 400 for malformed bodies, 200 otherwise).
 */
export function verifyAshbyWebhook(input: WebhookInput): WebhookVerification {
  // An empty secret would make every body "verifiable" by anyone: refuse to run without one.
  if (!input.secret) throw new TypeError('verifyAshbyWebhook needs the webhook secret');
  const header = Array.isArray(input.signatureHeader) ? input.signatureHeader[0] : input.signatureHeader;
  if (!header) return { ok: false, reason: 'missing_signature', detail: 'no Ashby-Signature header' };
  if (!header.startsWith('sha256=')) {
    return { ok: false, reason: 'bad_signature', detail: 'Ashby-Signature does not start with sha256=' };
  }
  const expected = Buffer.from(signAshbyBody(input.rawBody, input.secret));
  const given = Buffer.from(header.trim());
  // timingSafeEqual needs equal lengths; a length mismatch is a mismatch, and reveals nothing secret.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad_signature', detail: 'Ashby-Signature does not match the body' };
  }

  const text = typeof input.rawBody === 'string' ? input.rawBody : Buffer.from(input.rawBody).toString('utf8');
  if (jsonNestingDepth(text, MAX_WEBHOOK_DEPTH) > MAX_WEBHOOK_DEPTH) {
    return { ok: false, reason: 'invalid_payload', detail: `body nests deeper than ${MAX_WEBHOOK_DEPTH} levels` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed_json', detail: 'body is not JSON' };
  }

  const head = minimalEnvelope.safeParse(json);
  if (!head.success) {
    const { field, problem } = describeZodError(head.error, 'body');
    return { ok: false, reason: 'invalid_payload', detail: `${field}: ${problem}` };
  }
  if (!KNOWN_WEBHOOK_ACTIONS.has(head.data.action)) {
    return { ok: true, ignored: true, action: head.data.action, webhookActionId: head.data.webhookActionId };
  }
  const event = webhookEventSchema.safeParse(json);
  if (!event.success) {
    const { field, problem } = describeZodError(event.error, `${head.data.action}`);
    return { ok: false, reason: 'invalid_payload', detail: `${field}: ${problem}` };
  }
  return { ok: true, ignored: false, event: event.data };
}
