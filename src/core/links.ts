import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';

export const DEFAULT_LINK_TTL_MS = 7 * 24 * 3600 * 1000;
const LAST_USED_RESOLUTION_MS = 60_000;

/** Only this hash is stored: a database leak yields no usable link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface MintedLink {
  token: string;
  expiresAt: Date;
}

/** A new secret link to a job's shortlist for one reviewer: 256 random bits, URL-safe. */
export async function mintLink(
  db: Db,
  scope: { jobId: string; reviewerId: string },
  ttlMs = DEFAULT_LINK_TTL_MS,
  now = new Date(),
): Promise<MintedLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.shareLink.create({
    data: { tokenHash: hashToken(token), jobId: scope.jobId, reviewerId: scope.reviewerId, expiresAt },
  });
  return { token, expiresAt };
}

export type LinkCheck =
  | { ok: true; linkId: string; jobId: string; reviewerId: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

/** Resolves a token to its scope, or says why it cannot be used. */
export async function resolveLink(db: Db, token: string, now = new Date()): Promise<LinkCheck> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'unknown' };
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link) return { ok: false, reason: 'unknown' };
  if (link.revokedAt) return { ok: false, reason: 'revoked' };
  if (link.expiresAt <= now) return { ok: false, reason: 'expired' };
  // Bookkeeping only, at most once a minute: a page under load (or a link previewer) costs no write each.
  if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.shareLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, linkId: link.id, jobId: link.jobId, reviewerId: link.reviewerId, expiresAt: link.expiresAt };
}

/** Revokes the links matching every given criterion (a token, a job, a reviewer); returns how many. */
export async function revokeLinks(
  db: Db,
  match: { token?: string; jobId?: string; reviewerId?: string },
  now = new Date(),
): Promise<number> {
  if (!match.token && !match.jobId && !match.reviewerId) throw new Error('say which links to revoke');
  const res = await db.shareLink.updateMany({
    where: {
      revokedAt: null,
      ...(match.token ? { tokenHash: hashToken(match.token) } : {}),
      ...(match.jobId ? { jobId: match.jobId } : {}),
      ...(match.reviewerId ? { reviewerId: match.reviewerId } : {}),
    },
    data: { revokedAt: now },
  });
  return res.count;
}

/** The reviewer id of the link Skima writes into Ashby's Shortlist Link field for a job's hiring team. */
export const ASHBY_FIELD_REVIEWER = 'ashby';

/**
 * The link written into Ashby for a job. Its token is derived from Skima's secret and the link's id, so
 * it can be rebuilt for every application of the job while only its hash is stored; a new one is made
 * when the current one is revoked or has less than a quarter of its life left.
 */
export async function jobFieldLink(
  db: Db,
  secret: string,
  jobId: string,
  ttlMs = DEFAULT_LINK_TTL_MS,
  now = new Date(),
) {
  const fresh = await db.shareLink.findFirst({
    where: {
      jobId,
      reviewerId: ASHBY_FIELD_REVIEWER,
      revokedAt: null,
      expiresAt: { gt: new Date(now.getTime() + ttlMs / 4) },
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true, expiresAt: true },
  });
  const derive = (id: string) => createHmac('sha256', secret).update(`ashby-field-link:${id}`).digest('base64url');
  if (fresh) return { token: derive(fresh.id), expiresAt: fresh.expiresAt };
  const id = randomUUID();
  const token = derive(id);
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.shareLink.create({
    data: { id, tokenHash: hashToken(token), jobId, reviewerId: ASHBY_FIELD_REVIEWER, expiresAt },
  });
  return { token, expiresAt };
}
