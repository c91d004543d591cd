import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Nothing but this origin's own stylesheet, script and images; no framing, no foreign form targets. */
export const CONTENT_SECURITY_POLICY = [
  'default-src \'none\'',
  'style-src \'self\'',
  'script-src \'self\'',
  'img-src \'self\'',
  'form-action \'self\'',
  'frame-ancestors \'none\'',
  'base-uri \'none\'',
].join('; ');

/** Headers of every personal page: never cached, never framed, never leaking the link as a referrer. */
export function setPageHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'pragma': 'no-cache',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-robots-tag': 'noindex, nofollow',
  });
}

/** The CSRF token of a link's forms: stateless, bound to the link, unusable for any other link. */
export function csrfToken(secret: string, linkId: string): string {
  return createHmac('sha256', secret).update(`csrf:${linkId}`).digest('base64url');
}

export function csrfValid(secret: string, linkId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfToken(secret, linkId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A cross-site POST announces itself in Origin (or Referer). Origin "null" is what a browser sends
 * under Referrer-Policy: no-referrer, so it proves nothing either way: the CSRF token decides then.
 */
export function sameOrigin(req: FastifyRequest, publicBaseUrl: string): boolean {
  const claimed = req.headers.origin ?? refererOrigin(req.headers.referer);
  if (!claimed || claimed === 'null') return true;
  const allowed = new Set([new URL(publicBaseUrl).origin, `${req.protocol}://${req.host}`]);
  return allowed.has(claimed);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}
