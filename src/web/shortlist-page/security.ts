import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseUrlEncoded } from './form.ts';

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

/** A personal page, with its headers (below). Every link page (shortlist, report, rediscovery) answers so. */
export function sendPage(reply: FastifyReply, code: number, body: string): FastifyReply {
  return setPageHeaders(reply).code(code).type('text/html; charset=utf-8').send(body);
}

/** A link page's own stylesheet or icon: static and free of personal data, so cacheable, unlike the pages. */
export function serveAsset(app: FastifyInstance, path: string, type: string, content: string): void {
  const bytes = Buffer.from(content);
  app.get(path, async (_req, reply) =>
    reply.headers({ 'content-type': type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }).send(bytes),
  );
}

/** The form bodies a link page takes, parsed in its own (encapsulated) plugin only, up to `bodyLimit` bytes. */
export function acceptForms(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_req, body, done) => done(null, parseUrlEncoded(body as string)),
  );
}

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
