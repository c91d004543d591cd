import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { audit } from '../ops/audit.ts';

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

/**
 * What a link opens: one job's shortlist, the organisation's ROI report (jobId empty), or one job's
 * rediscovery page: "rediscover" for a recruiter or admin (may add to the job), "rediscover-view" for a
 * member of the job's hiring team (reads only). The kind is fixed when the link is minted.
 */
export type LinkKind = 'shortlist' | 'report' | 'rediscover' | 'rediscover-view';

export interface LinkScopeInput {
  jobId: string;
  reviewerId: string;
  kind?: LinkKind;
  /** Who asked for it, for the audit log (an Ashby user id, "cli", "system"); default the reviewer. */
  mintedBy?: string;
}

/** A new secret link for one reviewer (default: to a job's shortlist): 256 random bits, URL-safe. */
export async function mintLink(
  db: Db,
  scope: LinkScopeInput,
  ttlMs = DEFAULT_LINK_TTL_MS,
  now = new Date(),
): Promise<MintedLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  const kind = scope.kind ?? 'shortlist';
  const link = await db.shareLink.create({
    data: { tokenHash: hashToken(token), kind, jobId: scope.jobId, reviewerId: scope.reviewerId, expiresAt },
    select: { id: true },
  });
  await audit(db, {
    actor: scope.mintedBy ?? scope.reviewerId,
    action: 'link.minted',
    subjectType: 'link',
    subjectId: link.id,
    detail: { kind, jobId: scope.jobId || null, reviewerId: scope.reviewerId, expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt };
}

export type LinkCheck =
  | { ok: true; linkId: string; kind: LinkKind; jobId: string; reviewerId: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

/** Resolves a token to its scope, or says why it cannot be used. A link of another kind is unknown here. */
export async function resolveLink(
  db: Db,
  token: string,
  now = new Date(),
  kind: LinkKind | readonly LinkKind[] = 'shortlist',
): Promise<LinkCheck> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'unknown' };
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashToken(token) } });
  const kinds: readonly string[] = typeof kind === 'string' ? [kind] : kind;
  if (!link || !kinds.includes(link.kind)) return { ok: false, reason: 'unknown' };
  if (link.revokedAt) return { ok: false, reason: 'revoked' };
  if (link.expiresAt <= now) return { ok: false, reason: 'expired' };
  // Bookkeeping only, at most once a minute: a page under load (or a link previewer) costs no write each.
  if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.shareLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  }
  const linkKind = link.kind as LinkKind;
  const { id: linkId, jobId, reviewerId, expiresAt } = link;
  return { ok: true, linkId, kind: linkKind, jobId, reviewerId, expiresAt };
}

/** Revokes the links matching every given criterion (a token, a job, a reviewer); returns how many. */
export async function revokeLinks(
  db: Db,
  match: { token?: string; jobId?: string; reviewerId?: string },
  now = new Date(),
  revokedBy = 'cli',
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
  await audit(db, {
    actor: revokedBy,
    action: 'link.revoked',
    subjectType: 'link',
    detail: {
      count: res.count,
      jobId: match.jobId ?? null,
      reviewerId: match.reviewerId ?? null,
      byToken: Boolean(match.token),
    },
  });
  return res.count;
}

/** The reviewer id of the link Skima writes into Ashby's Shortlist Link field for a job's hiring team. */
export const ASHBY_FIELD_REVIEWER = 'ashby';

const FRESH_FIELD_LINK = `SELECT "id", "expiresAt" FROM "ShareLink" WHERE "jobId" = ? AND "reviewerId" = ?
  AND "revokedAt" IS NULL AND "expiresAt" > ? ORDER BY "createdAt" DESC LIMIT 1`;
const SPENT_FIELD_LINKS = `SELECT COUNT(*) AS "spent" FROM "ShareLink" WHERE "jobId" = ? AND "reviewerId" = ?
  AND ("revokedAt" IS NOT NULL OR "expiresAt" <= ?)`;
const INSERT_LINK = `INSERT INTO "ShareLink" ("id", "tokenHash", "jobId", "reviewerId", "expiresAt", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/**
 * The link written into Ashby for a job. Its token is derived from Skima's secret and the link's id, so
 * it can be rebuilt for every application of the job while only its hash is stored; a new one is made
 * when the current one is revoked or has less than a quarter of its life left.
 *
 * The first applications of a job are screened side by side, and each would make a link of its own:
 * every application written with a link that lost would be written again. So the link's id is the
 * job and the number of its links used up so far: runs that race compute the same id, one insert wins,
 * and all derive the same token. (An id could repeat only if link rows were deleted; none are, revoked
 * ones stay as the record.)
 */
export async function jobFieldLink(
  db: Db,
  secret: string,
  jobId: string,
  ttlMs = DEFAULT_LINK_TTL_MS,
  now = new Date(),
): Promise<MintedLink> {
  const sql = rawSql(db);
  const renewBefore = new Date(now.getTime() + ttlMs / 4);
  const derive = (id: string) => createHmac('sha256', secret).update(`ashby-field-link:${id}`).digest('base64url');
  const [fresh] = await sql.rows<{ id: string; expiresAt: Date }>(
    FRESH_FIELD_LINK,
    jobId,
    ASHBY_FIELD_REVIEWER,
    renewBefore,
  );
  if (fresh) return { token: derive(fresh.id), expiresAt: fresh.expiresAt };
  const [{ spent } = { spent: 0 }] = await sql.rows<{ spent: number | bigint }>(
    SPENT_FIELD_LINKS,
    jobId,
    ASHBY_FIELD_REVIEWER,
    renewBefore,
  );
  const id = createHash('sha256').update(`${jobId}\u0000${ASHBY_FIELD_REVIEWER}\u0000${Number(spent)}`).digest('hex');
  const token = derive(id);
  const expiresAt = new Date(now.getTime() + ttlMs);
  // A run that lost the insert hands out the same token; the winner's expiry differs by moments.
  const inserted = await sql.run(INSERT_LINK, id, hashToken(token), jobId, ASHBY_FIELD_REVIEWER, expiresAt, now);
  if (inserted) {
    await audit(db, {
      actor: 'system',
      action: 'link.minted',
      subjectType: 'link',
      subjectId: id,
      detail: { kind: 'shortlist', jobId, reviewerId: ASHBY_FIELD_REVIEWER, expiresAt: expiresAt.toISOString() },
    });
  }
  return { token, expiresAt };
}
