import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack rejects replays older than this; so does Skima. */
export const MAX_REQUEST_AGE_S = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{rawBody}` with the signing secret, as hex. */
export function signSlackBody(signingSecret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** Verifies a request from Slack on its raw body, in constant time, refusing stale timestamps. */
export function verifySlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs?: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const now = Math.floor((input.nowMs ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_REQUEST_AGE_S) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signSlackBody(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
