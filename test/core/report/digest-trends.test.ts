import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDigest } from '../../../src/core/digest.ts';
import { digestTrends, trendChange } from '../../../src/core/report/digest-trends.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';

const at = (day: number, hour = 0, minute = 0) => new Date(Date.UTC(2026, 10, day, hour, minute));
const MIN = 60_000;
/** The week of 23 November, and the four before it (26 October to 23 November). */
const WEEK = { from: at(23), to: at(30) };

describe.each(DB_KINDS)('digest trends on %s', (kind) => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext(kind);
    const db = env.ctx.db;
    await db.job.create({ data: { id: 'job', title: 'Cashier', status: 'Open' } });
    await db.candidate.create({ data: { id: 'cand' } });
    let n = 0;
    /** An application received at `received` and first scored `minutes` later. */
    const screened = async (received: Date, minutes: number) => {
      const id = `a${n++}`;
      await db.application.create({ data: { id, jobId: 'job', candidateId: 'cand', status: 'Active', createdAt: received } });
      await db.score.create({
        data: {
          applicationId: id,
          score: 70,
          reasons: [],
          missing: [],
          features: {},
          scorerVersion: 'v1',
          resumeHash: id,
          jdHash: 'j',
          createdAt: new Date(received.getTime() + minutes * MIN),
        },
      });
    };
    // This week: 3 screened in 10 minutes each.
    for (let i = 0; i < 3; i++) await screened(at(24, 9 + i), 10);
    // The weeks before: 2 (16 Nov), none (9 Nov), 4 (2 Nov), 2 (26 Oct), each in 20 minutes.
    for (let i = 0; i < 2; i++) await screened(at(17, 9 + i), 20);
    for (let i = 0; i < 4; i++) await screened(at(3, 9 + i), 20);
    for (let i = 0; i < 2; i++) await screened(new Date(Date.UTC(2026, 9, 27, 9 + i)), 20);
  });
  afterAll(async () => {
    await env.close();
  });

  it('compares the week with the average of the four before it', async () => {
    const digest = await computeDigest(env.ctx, WEEK);
    const trends = await digestTrends(env.ctx, digest);
    expect(trends).toEqual([
      // (2 + 0 + 4 + 2) / 4: a quiet week counts as zero.
      { figure: 'applicationsScreened', unit: 'count', current: 3, average: 2 },
      // Durations average only the weeks that had one.
      { figure: 'medianTimeToScreenMs', unit: 'duration', current: 10 * MIN, average: 20 * MIN },
      { figure: 'medianManagerResponseMs', unit: 'duration', current: null, average: null },
      { figure: 'decisions', unit: 'count', current: 0, average: 0 },
      { figure: 'followedRankingShare', unit: 'share', current: null, average: null },
      { figure: 'hires', unit: 'count', current: 0, average: 0 },
    ]);
    expect(trends.map(trendChange)).toEqual([
      '+50% on the 4-week average',
      '−50% on the 4-week average',
      '',
      'as the 4-week average',
      '',
      'as the 4-week average',
    ]);
  });
});

describe('trendChange', () => {
  it('says shares in points, and a rise from nothing in words', () => {
    expect(trendChange({ figure: 'followedRankingShare', unit: 'share', current: 0.8, average: 0.65 })).toBe('+15 points on the 4-week average');
    expect(trendChange({ figure: 'hires', unit: 'count', current: 2, average: 0 })).toBe('up from none in the 4 weeks before');
  });
});
