import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBiasAudit } from '../../../src/core/report/bias-audit.ts';
import { biasTable, NOT_DISCLOSED } from '../../../src/core/report/bias.ts';
import { periodOf } from '../../../src/core/report/period.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { ashbyWithReport, REPORT_ID } from '../../helpers/demographics.ts';

const period = periodOf('2026-11-02', '2026-11-08', 'UTC');

/**
 * The constructed history, by gender (hand-checked below):
 *   Female      20 people: 12 scored 60+, 6 approved  -> rates 0.60 and 0.30
 *   Male        25 people: 20 scored 60+, 5 approved  -> rates 0.80 and 0.20
 *   Non-binary   4 people: all scored 60+, 1 approved -> too small (fewer than 10)
 *   declined     3 people, and 2 with no survey answers at all -> not disclosed
 * Impact ratios, scored 60+: Female 0.60 / 0.80 = 0.75, Male 1. Approved: Female 1, Male 0.20 / 0.30 = 2/3.
 */
interface Person {
  gender: string | null;
  race: string;
  score: number;
  approved: boolean;
}
function people(): Person[] {
  const out: Person[] = [];
  const add = (n: number, gender: string | null, race: (i: number) => string, scored: number, approved: number) => {
    for (let i = 0; i < n; i++) {
      out.push({ gender, race: race(i), score: i < scored ? 75 : 40, approved: i < approved });
    }
  };
  add(20, 'Female', (i) => (i % 2 ? 'Black or African American' : 'White'), 12, 6);
  add(25, 'Male', (i) => (i < 15 ? 'White' : 'Black or African American'), 20, 5);
  add(4, 'Non-binary', () => 'White', 4, 1);
  add(3, 'Decline to self identify', () => 'White', 1, 0);
  add(2, null, () => 'White', 2, 0);
  return out;
}

describe('biasTable', () => {
  it('divides each rate by the highest compared rate, and shows small and undisclosed groups without one', () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({ category: 'A', selected: i < 5 })),
      ...Array.from({ length: 10 }, (_, i) => ({ category: 'B', selected: i < 2 })),
      ...Array.from({ length: 9 }, () => ({ category: 'C', selected: true })),
      { category: NOT_DISCLOSED, selected: true },
    ];
    expect(biasTable('Gender', 'approved_by_hiring_manager', rows, 10).rows).toEqual([
      { category: 'A', people: 10, status: 'compared', selected: 5, rate: 0.5, impactRatio: 1 },
      { category: 'B', people: 10, status: 'compared', selected: 2, rate: 0.2, impactRatio: 0.4 },
      // C has the highest rate of all (9 of 9) but is too small: it sets no base and gets no ratio.
      { category: 'C', people: 9, status: 'too_small', selected: null, rate: null, impactRatio: null },
      { category: NOT_DISCLOSED, people: 1, status: 'not_disclosed', selected: null, rate: null, impactRatio: null },
    ]);
  });

  it('gives no ratio when no compared category was selected at all', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ category: i % 2 ? 'A' : 'B', selected: false }));
    expect(biasTable('G', 'scored_60_or_more', rows, 10).rows.map((r) => r.impactRatio)).toEqual([null, null]);
  });
});

describe.each(DB_KINDS)('computeBiasAudit on %s', (kind) => {
  let env: CoreEnv;
  let ashby: ReturnType<typeof ashbyWithReport>;
  beforeAll(async () => {
    const list = people();
    const rows = list.flatMap((p, i) => (p.gender === null ? [] : [[`app-${i}`, `cand-${i}`, p.gender, p.race]]));
    ashby = ashbyWithReport(rows);
    env = await coreContext(kind, {
      ashby,
      env: { ASHBY_DEMOGRAPHICS_REPORT_ID: REPORT_ID, BIAS_AUDIT_MIN_GROUP: '10' },
    });
    const db = env.ctx.db;
    await db.job.create({ data: { id: 'job', title: 'Cashier', status: 'Open' } });
    await db.candidate.create({ data: { id: 'cand', name: 'Someone' } });
    const received = new Date('2026-11-03T10:00:00Z');
    await db.application.createMany({
      data: list.map((p, i) => ({
        id: `app-${i}`,
        jobId: 'job',
        candidateId: 'cand',
        status: 'Active',
        createdAt: received,
        currentScore: p.score,
        screeningState: 'scored',
        latestVerdict: p.approved ? 'approve' : null,
      })),
    });
    await db.score.createMany({
      data: list.map((p, i) => ({
        applicationId: `app-${i}`,
        score: p.score,
        reasons: [],
        missing: [],
        features: {},
        scorerVersion: 'v1',
        resumeHash: 'r',
        jdHash: 'j',
        createdAt: new Date('2026-11-03T10:05:00Z'),
      })),
    });
  });
  afterAll(async () => {
    await env.close();
  });

  it('computes the hand-checked selection rates and impact ratios', async () => {
    const audit = await computeBiasAudit(env.ctx, { period, job: null });
    expect(audit).toMatchObject({ population: 54, withAnswers: 52, minGroup: 10, fields: ['Gender', 'Race/Ethnicity'] });
    const table = (field: string, selection: string) =>
      audit.tables.find((t) => t.field === field && t.selection === selection)!.rows;
    expect(table('Gender', 'scored_60_or_more')).toEqual([
      { category: 'Male', people: 25, status: 'compared', selected: 20, rate: 0.8, impactRatio: 1 },
      { category: 'Female', people: 20, status: 'compared', selected: 12, rate: 0.6, impactRatio: 0.6 / 0.8 },
      { category: 'Non-binary', people: 4, status: 'too_small', selected: null, rate: null, impactRatio: null },
      { category: NOT_DISCLOSED, people: 5, status: 'not_disclosed', selected: null, rate: null, impactRatio: null },
    ]);
    expect(table('Gender', 'scored_60_or_more')[1]!.impactRatio).toBeCloseTo(0.75, 12);
    expect(table('Gender', 'approved_by_hiring_manager')).toEqual([
      { category: 'Male', people: 25, status: 'compared', selected: 5, rate: 0.2, impactRatio: 0.2 / 0.3 },
      { category: 'Female', people: 20, status: 'compared', selected: 6, rate: 0.3, impactRatio: 1 },
      { category: 'Non-binary', people: 4, status: 'too_small', selected: null, rate: null, impactRatio: null },
      { category: NOT_DISCLOSED, people: 5, status: 'not_disclosed', selected: null, rate: null, impactRatio: null },
    ]);
    // White: 10 women + 15 men + 4 non-binary + 3 who declined the gender question = 32 people; scored
    // 60+: 6 (women 0, 2, ..., 10) + 15 + 4 + 1 = 26. Black: 10 women + 10 men = 20; scored 6 + 5 = 11.
    // The two without any survey answers are not disclosed.
    const race = table('Race/Ethnicity', 'scored_60_or_more');
    expect(race.map((r) => [r.category, r.people, r.selected])).toEqual([
      ['White', 32, 26],
      ['Black or African American', 20, 11],
      [NOT_DISCLOSED, 2, null],
    ]);
    expect(race[1]!.impactRatio).toBeCloseTo(11 / 20 / (26 / 32), 12);
    const intersection = table('Gender × Race/Ethnicity', 'scored_60_or_more');
    expect(intersection.find((r) => r.category === 'Female × White')).toMatchObject({ people: 10, selected: 6, status: 'compared' });
    expect(intersection.find((r) => r.category === 'Non-binary × White')).toMatchObject({ people: 4, status: 'too_small', rate: null });
  });

  it('keeps no demographic answer in the database', async () => {
    await computeBiasAudit(env.ctx, { period, job: null });
    const db = env.ctx.db;
    const everything = JSON.stringify(
      await Promise.all([
        db.application.findMany(),
        db.candidate.findMany(),
        db.score.findMany(),
        db.auditEvent.findMany(),
      ]),
    );
    expect(everything).not.toMatch(/Female|Male|Non-binary|White|Black|Decline/);
  });

  it('says why there is no data when no report is configured', async () => {
    const report = { ...env.ctx.config.report, demographicsReportId: undefined };
    const bare = { ...env.ctx, config: { ...env.ctx.config, report } };
    const audit = await computeBiasAudit(bare, { period, job: null });
    expect(audit).toMatchObject({ population: 54, tables: [], unavailable: expect.stringMatching(/ASHBY_DEMOGRAPHICS_REPORT_ID/) });
  });
});
