import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from './context.ts';

/** Like S3 presigned URLs: signed, and valid for a short time only. */
const URL_TTL_MS = 5 * 60_000;

function sign(secret: string, fileId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${fileId}:${expires}`).digest('hex');
}

export function fileUrl(ctx: SandboxContext, fileId: string): string {
  const expires = ctx.now() + URL_TTL_MS;
  return `${ctx.baseUrl()}/_files/${fileId}?expires=${expires}&signature=${sign(ctx.secret, fileId, expires)}`;
}

export function checkFileUrl(
  ctx: SandboxContext,
  fileId: string,
  expires: unknown,
  signature: unknown,
): 'ok' | 'expired' | 'invalid' {
  const exp = Number(expires);
  if (!Number.isFinite(exp) || typeof signature !== 'string') return 'invalid';
  const expected = Buffer.from(sign(ctx.secret, fileId, exp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return ctx.now() > exp ? 'expired' : 'ok';
}
