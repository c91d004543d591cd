import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, mintLink, resolveLink, revokeLinks } from '../../src/core/links.ts';
import { DB_KINDS, migratedDb } from '../helpers/databases.ts';

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
});
