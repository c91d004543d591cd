import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport, UnknownJobError } from '../../../src/core/report/compute.ts';
import { periodOf } from '../../../src/core/report/period.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { H, MIN, ny, seedHistory, TIME_ZONE } from './seeded-history.ts';

const settings = { timeZone: TIME_ZONE, minutesPerScreen: 6 };
const period = periodOf('2026-11-02', '2026-11-22', TIME_ZONE);
const none = { median: null, p90: null };
const noOutcomes = { approved: 0, interview: 0, offer: 0, hired: 0 };
const empty = {
  screened: 0,
  unscorable: 0,
  timeToScreenMs: none,
  managerResponseMs: none,
  decisions: { approve: 0, skip: 0, maybe: 0 },
  followedRankingShare: null,
  topTen: noOutcomes,
  hoursSaved: 0,
};
/** a4: first score Monday 9 November 08:20, approved Sunday 15 November 23:30 (New York). */
const A4_RESPONSE = 6 * 24 * H + 15 * H + 10 * MIN;

describe.each(DB_KINDS)('computeReport on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind);
    await seedHistory(env.ctx.db);
  });
  afterAll(async () => {
    await env.close();
  });

  it('computes every figure of the period, its weeks, its jobs and the period before', async () => {
    const report = await computeReport(env.ctx.db, settings, { period }, new Date('2026-12-01T00:00:00Z'));
    expect(report.period).toEqual({
      firstDay: '2026-11-02',
      lastDay: '2026-11-22',
      from: new Date('2026-11-02T05:00:00Z'),
      to: new Date('2026-11-23T05:00:00Z'),
    });
    expect(report.previousPeriod).toEqual({
      firstDay: '2026-10-12',
      lastDay: '2026-11-01',
      from: new Date('2026-10-12T04:00:00Z'),
      to: new Date('2026-11-02T05:00:00Z'),
    });
    expect(report.job).toBeNull();
    expect(report.current).toEqual({
      screened: 4,
      unscorable: 1,
      // 10, 20, 30 and 60 minutes
      timeToScreenMs: { median: 25 * MIN, p90: 60 * MIN },
      // a1 2 h, a2 24 h, a4 6 d 15 h 10 min; a3 was approved off the shortlist
      managerResponseMs: { median: 24 * H, p90: A4_RESPONSE },
      decisions: { approve: 3, skip: 1, maybe: 0 },
      followedRankingShare: 0.5,
      // a1 (hired) and a4 (at the Offer stage); a3 was not on the shortlist
      topTen: { approved: 2, interview: 2, offer: 2, hired: 1 },
      hoursSaved: 0.4,
    });
    expect(report.previous).toEqual({
      ...empty,
      screened: 2,
      timeToScreenMs: { median: 32 * MIN, p90: 59 * MIN },
      managerResponseMs: { median: 24 * H, p90: 24 * H },
      decisions: { approve: 1, skip: 0, maybe: 0 },
      followedRankingShare: 1,
      topTen: { approved: 1, interview: 1, offer: 0, hired: 0 },
      hoursSaved: 0.2,
    });
    expect(report.weeks).toEqual([
      {
        start: '2026-11-02',
        ...empty,
        screened: 3,
        timeToScreenMs: { median: 30 * MIN, p90: 60 * MIN },
        managerResponseMs: { median: 13 * H, p90: 24 * H },
        decisions: { approve: 1, skip: 1, maybe: 0 },
        followedRankingShare: 0.5,
        topTen: { approved: 1, interview: 1, offer: 1, hired: 1 },
        hoursSaved: 0.3,
      },
      {
        start: '2026-11-09',
        ...empty,
        screened: 1,
        unscorable: 1,
        timeToScreenMs: { median: 20 * MIN, p90: 20 * MIN },
        managerResponseMs: { median: A4_RESPONSE, p90: A4_RESPONSE },
        decisions: { approve: 2, skip: 0, maybe: 0 },
        followedRankingShare: 0.5,
        topTen: { approved: 1, interview: 1, offer: 1, hired: 0 },
        hoursSaved: 0.1,
      },
      { start: '2026-11-16', ...empty },
    ]);
    expect(report.jobs).toEqual([
      {
        jobId: 'job-a',
        title: 'Store Manager',
        ...empty,
        screened: 3,
        timeToScreenMs: { median: 20 * MIN, p90: 30 * MIN },
        managerResponseMs: { median: 24 * H, p90: A4_RESPONSE },
        decisions: { approve: 2, skip: 1, maybe: 0 },
        followedRankingShare: 2 / 3,
        topTen: { approved: 2, interview: 2, offer: 2, hired: 1 },
        hoursSaved: 0.3,
      },
      {
        jobId: 'job-b',
        title: 'Cashier',
        ...empty,
        screened: 1,
        unscorable: 1,
        timeToScreenMs: { median: 60 * MIN, p90: 60 * MIN },
        decisions: { approve: 1, skip: 0, maybe: 0 },
        followedRankingShare: 0,
        hoursSaved: 0.1,
      },
    ]);
    expect(report.jobChoices.map((j) => j.title)).toEqual(['Baker', 'Cashier', 'Store Manager']);
    expect(JSON.stringify(report)).not.toMatch(/Sam|Dana|example\.com|Private/);
  });

  it('reports one job alone, and refuses a job it does not know', async () => {
    const report = await computeReport(env.ctx.db, settings, { period, jobId: 'job-b' });
    expect(report.job).toEqual({ id: 'job-b', title: 'Cashier' });
    expect(report.current).toMatchObject({ screened: 1, unscorable: 1, decisions: { approve: 1, skip: 0, maybe: 0 } });
    // p2 was screened at 23:59 on Sunday 1 November, New York time: the period before.
    expect(report.previous).toMatchObject({ screened: 1, timeToScreenMs: { median: 59 * MIN, p90: 59 * MIN } });
    expect(report.jobs.map((j) => j.jobId)).toEqual(['job-b']);
    await expect(computeReport(env.ctx.db, settings, { period, jobId: 'nope' })).rejects.toThrow(UnknownJobError);
  });

  it('counts the Sunday 23:30 decision in its New York week, not the UTC one', async () => {
    const utc = await computeReport(env.ctx.db, { ...settings, timeZone: 'UTC' }, {
      period: periodOf('2026-11-02', '2026-11-22', 'UTC'),
    });
    expect(ny('2026-11-15', 23, 30).toISOString()).toBe('2026-11-16T04:30:00.000Z');
    expect(utc.weeks.map((w) => w.decisions.approve)).toEqual([1, 1, 1]);
  });
});
