import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, jobFieldLink, mintLink, resolveLink, revokeLinks } from '../../../src/core/links/links.ts';
import { DB_KINDS, migratedDb } from '../../helpers/databases.ts';

describe.each(DB_KINDS)('share links on %s', (kind) => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb(kind);
  });
  afterAll(async () => {
    await env.close();
  });

  it('mints a 256-bit token, stores only its hash, and resolves it to its scope', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const { token, expiresAt } = await mintLink(env.db, { jobId: 'job-1', reviewerId: 'user-1' }, 3_600_000, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    const stored = await env.db.shareLink.findMany();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.some((l) => l.tokenHash === hashToken(token))).toBe(true);
    expect(await resolveLink(env.db, token, now)).toMatchObject({ ok: true, jobId: 'job-1', reviewerId: 'user-1' });
  });

  it('refuses expired, revoked, unknown and malformed tokens with the reason', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const { token } = await mintLink(env.db, { jobId: 'job-2', reviewerId: 'user-2' }, 1_000, now);
    expect(await resolveLink(env.db, token, new Date(now.getTime() + 1_000))).toEqual({ ok: false, reason: 'expired' });

    const other = await mintLink(env.db, { jobId: 'job-2', reviewerId: 'user-3' }, 60_000, now);
    expect(await revokeLinks(env.db, { jobId: 'job-2', reviewerId: 'user-3' }, now)).toBe(1);
    expect(await resolveLink(env.db, other.token, now)).toEqual({ ok: false, reason: 'revoked' });

    expect(await resolveLink(env.db, 'A'.repeat(43), now)).toEqual({ ok: false, reason: 'unknown' });
    expect(await resolveLink(env.db, '../etc/passwd', now)).toEqual({ ok: false, reason: 'unknown' });
    await expect(revokeLinks(env.db, {})).rejects.toThrow(/say which links/);
  });

  it('notes when a link was last used, at most once a minute', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const { token } = await mintLink(env.db, { jobId: 'job-3', reviewerId: 'user-4' }, 3_600_000, now);
    const where = { tokenHash: hashToken(token) };
    const lastUsed = async () => (await env.db.shareLink.findUniqueOrThrow({ where })).lastUsedAt;
    await resolveLink(env.db, token, now);
    expect(await lastUsed()).toEqual(now);
    await resolveLink(env.db, token, new Date(now.getTime() + 30_000));
    expect(await lastUsed()).toEqual(now);
    const later = new Date(now.getTime() + 61_000);
    await resolveLink(env.db, token, later);
    expect(await lastUsed()).toEqual(later);
  });

  it('gives every application of a job one Ashby field link, even when their first runs race', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const day = 24 * 3_600_000;
    const secret = 'links-test-secret-0123456789abcdef';
    // Eight first runs of one job at once: a second link would rewrite the field of every application
    // written with the first.
    const racing = await Promise.all(Array.from({ length: 8 }, () => jobFieldLink(env.db, secret, 'job-race', 8 * day, now)));
    expect(new Set(racing.map((l) => l.token)).size).toBe(1);
    expect(await env.db.shareLink.count({ where: { jobId: 'job-race' } })).toBe(1);
    expect(await resolveLink(env.db, racing[0]!.token, now)).toMatchObject({ ok: true, jobId: 'job-race' });
    // The same link while it has more than a quarter of its life left, then a new one; and after a revocation.
    const later = await jobFieldLink(env.db, secret, 'job-race', 8 * day, new Date(now.getTime() + 5 * day));
    expect(later.token).toBe(racing[0]!.token);
    const renewed = await jobFieldLink(env.db, secret, 'job-race', 8 * day, new Date(now.getTime() + 7 * day));
    expect(renewed.token).not.toBe(racing[0]!.token);
    await revokeLinks(env.db, { jobId: 'job-race' }, new Date(now.getTime() + 7 * day));
    const replaced = await Promise.all(
      [1, 2, 3].map(() => jobFieldLink(env.db, secret, 'job-race', 8 * day, new Date(now.getTime() + 7 * day))),
    );
    expect(new Set(replaced.map((l) => l.token)).size).toBe(1);
    expect(replaced[0]!.token).not.toBe(renewed.token);
    expect(await env.db.shareLink.count({ where: { jobId: 'job-race' } })).toBe(3);
  });
});
