import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDigest, lastWeek, median } from '../../../src/core/ops/digest.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';

const at = (day: number, hour = 0, minute = 0) => new Date(Date.UTC(2026, 10, day, hour, minute));
const H = 3600_000;

describe('lastWeek and median', () => {
  it('is the last full Monday-to-Monday week in UTC', () => {
    expect(lastWeek(new Date('2026-12-02T15:00:00Z'))).toEqual({ from: at(23), to: at(30) });
    expect(lastWeek(new Date('2026-11-30T00:00:00Z'))).toEqual({ from: at(23), to: at(30) });
    expect(lastWeek(new Date('2026-11-29T23:59:00Z'))).toEqual({ from: at(16), to: at(23) });
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
  });
});

describe.each(DB_KINDS)('computeDigest on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind);
    const db = env.ctx.db;
    await db.job.create({ data: { id: 'job-a', title: 'Store Manager', status: 'Open' } });
    await db.job.create({ data: { id: 'job-b', title: 'Cashier', status: 'Open' } });
    await db.candidate.create({ data: { id: 'cand', name: 'Sam Private', primaryEmail: 'sam@example.com' } });
    const app = async (id: string, jobId: string, createdAt: Date, extra: object = {}) =>
      db.application.create({ data: { id, jobId, candidateId: 'cand', status: 'Active', createdAt, ...extra } });
    await app('a1', 'job-a', at(24, 9));
    await app('a2', 'job-a', at(24, 10), { hiredAt: at(28), status: 'Hired' });
    await app('a3', 'job-b', at(25, 8));
    await app('a4', 'job-a', at(20), { hiredAt: at(28), status: 'Hired' });
    await app('a5', 'job-b', at(25), { screeningState: 'unreadable' });
    await app('a6', 'job-b', at(10), { screeningState: 'no_resume' });
    await app('a7', 'job-b', at(29, 23));
    let n = 0;
    const score = (applicationId: string, createdAt: Date) =>
      db.score.create({
        data: {
          applicationId,
          createdAt,
          score: 70,
          reasons: [],
          missing: [],
          features: {},
          scorerVersion: 'v1',
          resumeHash: `r${n++}`,
          jdHash: 'j',
        },
      });
    await score('a1', at(24, 9, 10));
    await score('a1', at(26)); // a rescore is not a second screening
    await score('a2', at(24, 10, 30));
    await score('a3', at(25, 8, 5));
    await score('a4', at(20, 1));
    await score('a4', at(24));
    await score('a7', at(30)); // the end of the range is not in it
    type Rank = number | null;
    const decide = (applicationId: string, verdict: string, createdAt: Date, rankAtDecision: Rank, followed: boolean) =>
      db.decision.create({
        data: {
          applicationId,
          jobId: applicationId === 'a3' ? 'job-b' : 'job-a',
          reviewerId: 'u-1',
          reviewerName: 'Dana Lee',
          channel: 'slack',
          verdict,
          note: 'Call Sam at sam@example.com',
          rankAtDecision,
          followedRanking: followed,
          createdAt,
        },
      });
    await decide('a1', 'approve', at(24, 11, 10), 1, true);
    await decide('a1', 'maybe', at(25), 1, true);
    await decide('a2', 'skip', at(25, 10, 30), 2, false);
    await decide('a4', 'maybe', at(21), 3, true);
    await decide('a4', 'approve', at(24), 3, true);
    await decide('a3', 'approve', at(26), null, false);
    await decide('a3', 'skip', at(30, 1), null, true);
    const moved = (subjectId: string, day: number) =>
      db.auditEvent.create({
        data: { actor: 'u-1', action: 'application.stage_moved', subjectType: 'application', subjectId, at: at(day) },
      });
    await moved('a1', 27);
    await moved('a1', 28);
    await moved('a3', 27);
  });
  afterAll(async () => {
    await env.close();
  });

  it('computes each figure as docs/digest.md defines it', async () => {
    const digest = await computeDigest(env.ctx, { from: at(23), to: at(30) });
    expect(digest).toEqual({
      from: at(23),
      to: at(30),
      applicationsScreened: 3,
      unscorable: 1,
      medianTimeToScreenMs: 10 * 60_000,
      // a1: 2 h from first score to approval; a2: 24 h to the skip. a4 was decided on before; a3 was not shortlisted.
      medianManagerResponseMs: 13 * H,
      decisions: { approve: 3, skip: 1, maybe: 1 },
      followedRankingShare: 3 / 5,
      interviewsFromTopTen: 2,
      hires: 2,
      jobs: [
        { jobId: 'job-a', title: 'Store Manager', screened: 2, approvals: 2 },
        { jobId: 'job-b', title: 'Cashier', screened: 1, approvals: 1 },
      ],
      // The week's one skip gave no reason (see test/core/decisions/skip-reasons.test.ts for reasons).
      skipsByReason: [{ reason: 'no reason given', count: 1 }],
    });
    expect(JSON.stringify(digest)).not.toMatch(/Sam|Dana|example\.com|Private/);
  });

  it('is empty, not wrong, for a quiet week', async () => {
    const digest = await computeDigest(env.ctx, { from: at(2), to: at(9) });
    expect(digest).toMatchObject({
      applicationsScreened: 0,
      unscorable: 0,
      medianTimeToScreenMs: null,
      medianManagerResponseMs: null,
      decisions: { approve: 0, skip: 0, maybe: 0 },
      followedRankingShare: null,
      interviewsFromTopTen: 0,
      hires: 0,
      jobs: [],
    });
  });
});
