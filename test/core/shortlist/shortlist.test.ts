import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaQueue } from '../../../src/core/queue/prisma-queue.ts';
import {
  announceShortlistChange,
  mayChangeShortlist,
  rankApplications,
  refreshShortlist,
  SHORTLIST_CHANGED_QUEUE,
} from '../../../src/core/shortlist/shortlist.ts';
import { DB_KINDS, migratedDb } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';

describe.each(DB_KINDS)('shortlists on %s', (kind) => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb(kind);
    const db = env.db;
    await db.job.create({ data: { id: 'job-s', title: 'Shift Lead', status: 'Open' } });
    for (let i = 1; i <= 14; i++) {
      await db.candidate.create({ data: { id: `c-${i}` } });
      await db.application.create({
        data: {
          id: `a-${String(i).padStart(2, '0')}`,
          candidateId: `c-${i}`,
          jobId: 'job-s',
          status: i === 14 ? 'Archived' : 'Active',
          createdAt: new Date(Date.UTC(2026, 10, i)),
          // The latest score; the pipeline keeps this in step with the newest Score row.
          currentScore: 50 + i * 3 - (i === 7 ? 40 : 0),
        },
      });
      // Older, lower score first; the latest one counts.
      await db.score.create({
        data: {
          applicationId: `a-${String(i).padStart(2, '0')}`,
          score: 10,
          reasons: [],
          missing: [],
          features: {},
          scorerVersion: 'v0',
          resumeHash: 'r0',
          jdHash: 'j',
          createdAt: new Date(Date.UTC(2026, 10, 20)),
        },
      });
      await db.score.create({
        data: {
          applicationId: `a-${String(i).padStart(2, '0')}`,
          score: 50 + i * 3 - (i === 7 ? 40 : 0),
          reasons: [],
          missing: [],
          features: {},
          scorerVersion: 'v1',
          resumeHash: 'r1',
          jdHash: 'j',
          createdAt: new Date(Date.UTC(2026, 10, 21)),
        },
      });
    }
  });
  afterAll(async () => {
    await env.close();
  });

  it('ranks the top ten active applications by latest score', async () => {
    const top = await rankApplications(env.db, 'job-s');
    expect(top).toHaveLength(10);
    expect(top[0]).toEqual({ applicationId: 'a-13', rank: 1, score: 89 });
    expect(top.map((e) => e.applicationId)).not.toContain('a-14'); // archived
    expect(top.map((e) => e.applicationId)).not.toContain('a-07'); // rescored low
    expect(top.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('orders equal whole-number scores by the unrounded score, then by who applied first', async () => {
    await env.db.job.create({ data: { id: 'job-t', title: 'Analyst', status: 'Open' } });
    // Applied in this order; all show 81.
    const apps = [
      ['t-1', 80.6],
      ['t-2', null], // scored before the unrounded score was kept
      ['t-3', 81.4],
      ['t-4', 80.9],
      ['t-5', null],
    ] as const;
    for (const [i, [id, raw]] of apps.entries()) {
      await env.db.candidate.create({ data: { id: `c-${id}` } });
      await env.db.application.create({
        data: {
          id, candidateId: `c-${id}`, jobId: 'job-t', status: 'Active', createdAt: new Date(Date.UTC(2026, 10, i + 1)),
          currentScore: 81, currentRawScore: raw,
        },
      });
    }
    const top = await rankApplications(env.db, 'job-t');
    expect(top.map((e) => e.applicationId)).toEqual(['t-3', 't-4', 't-1', 't-2', 't-5']);
    expect(top.map((e) => e.score)).toEqual([81, 81, 81, 81, 81]);
  });

  it('persists the list, reports changes only when there are some, and drops skipped candidates', async () => {
    const first = await refreshShortlist(env.db, 'job-s');
    expect(first.changed).toBe(true);
    expect((await refreshShortlist(env.db, 'job-s')).changed).toBe(false);

    await env.db.decision.create({
      data: {
        applicationId: 'a-13',
        jobId: 'job-s',
        reviewerId: 'u-1',
        reviewerName: 'Dana Lee',
        channel: 'web',
        verdict: 'skip',
        followedRanking: false,
        rankAtDecision: 1,
      },
    });
    await env.db.application.update({ where: { id: 'a-13' }, data: { latestVerdict: 'skip' } });
    const after = await refreshShortlist(env.db, 'job-s');
    expect(after.changed).toBe(true);
    expect(after.entries[0]?.applicationId).toBe('a-12');
    expect(after.entries.map((e) => e.applicationId)).not.toContain('a-13');
    const stored = await env.db.shortlistEntry.findMany({ where: { jobId: 'job-s' }, orderBy: { rank: 'asc' } });
    expect(stored.map((s) => s.applicationId)).toEqual(after.entries.map((e) => e.applicationId));
  });

  it('tells which application changes can move the shortlist', async () => {
    const entries = await env.db.shortlistEntry.findMany({ where: { jobId: 'job-s' }, orderBy: { rank: 'asc' } });
    const lowest = entries.at(-1)!;
    const base = { jobId: 'job-s', status: 'Active', latestVerdict: null };
    expect(await mayChangeShortlist(env.db, { ...base, id: 'new', currentScore: lowest.score - 1 })).toBe(false);
    expect(await mayChangeShortlist(env.db, { ...base, id: 'new', currentScore: lowest.score + 1 })).toBe(true);
    expect(await mayChangeShortlist(env.db, { ...base, id: 'new', currentScore: lowest.score })).toBe(true);
    const member = entries[0]!;
    // A member's new score may keep its whole number and still move among equal scores.
    const same = { ...base, id: member.applicationId, currentScore: member.score };
    expect(await mayChangeShortlist(env.db, same)).toBe(true);
    expect(await mayChangeShortlist(env.db, { ...same, currentScore: member.score - 5 })).toBe(true);
    const archived = { ...base, id: member.applicationId, currentScore: member.score, status: 'Archived' };
    expect(await mayChangeShortlist(env.db, archived)).toBe(true);
  });

  it('announces at most one change per job per minute', async () => {
    const queue = new PrismaQueue(env.db, testLogger());
    const t0 = Date.UTC(2026, 10, 24, 9, 0, 5);
    const a = await announceShortlistChange(queue, 'job-s', t0);
    const b = await announceShortlistChange(queue, 'job-s', t0 + 10_000);
    const c = await announceShortlistChange(queue, 'job-s', t0 + 20_000);
    const other = await announceShortlistChange(queue, 'job-other', t0 + 20_000);
    expect(a.created).toBe(true);
    expect(b.created).toBe(true); // folded into the next minute
    expect(c).toEqual({ id: b.id, created: false });
    expect(other.created).toBe(true);
    const next = await queue.getJob(b.id);
    expect(next?.runAt.toISOString()).toBe('2026-11-24T09:01:00.000Z');
    expect((await queue.stats())[SHORTLIST_CHANGED_QUEUE]).toEqual({ queued: 3 });
    // In the next minute its job is already waiting, so a change then folds into the one after.
    const d = await announceShortlistChange(queue, 'job-s', t0 + 65_000);
    expect(d.created).toBe(true);
    expect((await queue.getJob(d.id))?.runAt.toISOString()).toBe('2026-11-24T09:02:00.000Z');
  });
});
