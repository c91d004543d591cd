import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineScorer } from '../../../src/core/context.ts';
import {
  NoJobDescriptionError,
  parseRediscoverFilters,
  rediscover,
  RediscoverUsageError,
  UnknownJobError,
} from '../../../src/core/rediscovery/rediscover.ts';
import { createScorer } from '../../../src/scoring/index.ts';
import { type CoreEnv, coreContext, unreachableAshby } from '../../helpers/core-context.ts';
import { DB_KINDS } from '../../helpers/databases.ts';

describe('parseRediscoverFilters', () => {
  it('reads every filter, in any order and case', () => {
    expect(parseRediscoverFilters(['min:70', 'since:180d', 'limit:20', 'active'])).toEqual({
      minScore: 70,
      sinceDays: 180,
      limit: 20,
      includeActiveElsewhere: true,
    });
    expect(parseRediscoverFilters(['LIMIT=5', 'since:2w', ''])).toEqual({ limit: 5, sinceDays: 14 });
    expect(parseRediscoverFilters(['since:6m']).sinceDays).toBe(180);
    expect(parseRediscoverFilters(['since:1y']).sinceDays).toBe(365);
    expect(parseRediscoverFilters(['since:30']).sinceDays).toBe(30);
    expect(parseRediscoverFilters([])).toEqual({});
  });

  it.each([
    [['min:101'], /0 to 100/],
    [['min:abc'], /not a whole number/],
    [['limit:0'], /1 to 50/],
    [['limit:51'], /1 to 50/],
    [['since:soon'], /since:90d/],
    [['since:0d'], /at least one day/],
    [['min:70', 'min:80'], /given twice/],
    [['max:3'], /not a filter/],
    [['store', 'manager'], /not a filter/],
  ])('explains %j', (words, problem) => {
    let error: unknown;
    try {
      parseRediscoverFilters(words);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RediscoverUsageError);
    expect((error as Error).message).toMatch(problem);
    // Every refusal teaches the syntax.
    expect((error as Error).message).toContain('min:70');
  });
});

/** Scores a resume by the "fit NN" it contains, and counts how often it is asked. */
function fakeScorer(): PipelineScorer & { calls: number } {
  const scorer = {
    version: 'fake-1',
    calls: 0,
    score(_jd: string, resume: string) {
      scorer.calls++;
      const score = Number(/fit (\d+)/.exec(resume)?.[1] ?? 0);
      const quote = resume.slice(0, 6);
      return {
        score,
        reasons: [{ text: `fit ${score}`, quote, start: 0, end: quote.length }],
        missing: score < 80 ? ['forklift licence'] : [],
        features: { raw: score },
        scorer: 'fake-1',
      };
    },
  };
  return scorer;
}

const DAY = 24 * 3600 * 1000;
const NOW = new Date(Date.UTC(2026, 11, 1, 12));
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

interface Seed {
  id: string;
  name: string;
  apps: { job: string; status: string; days: number; archiveReason?: string }[];
  resume?: string | null;
}

const SEEDS: Seed[] = [
  { id: 'c-arch', name: 'Avery Archived', apps: [{ job: 'job-old1', status: 'Archived', days: 10, archiveReason: 'Position filled' }], resume: 'fit 85; Avery' },
  { id: 'c-hired', name: 'Harper Hired', apps: [{ job: 'job-old2', status: 'Hired', days: 20 }], resume: 'fit 85; Harper' },
  { id: 'c-lead', name: 'Lee Lead', apps: [{ job: 'job-old1', status: 'Lead', days: 5 }], resume: 'fit 70; Lee' },
  { id: 'c-active', name: 'Ash Active', apps: [{ job: 'job-old2', status: 'Active', days: 1 }], resume: 'fit 90; Ash' },
  {
    id: 'c-applied',
    name: 'Pat Applied',
    apps: [
      { job: 'job-old1', status: 'Archived', days: 30 },
      { job: 'job-new', status: 'Active', days: 2 },
    ],
    resume: 'fit 95; Pat',
  },
  { id: 'c-low', name: 'Lou Low', apps: [{ job: 'job-old1', status: 'Archived', days: 3 }], resume: 'fit 40; Lou' },
  { id: 'c-noresume', name: 'Nat None', apps: [{ job: 'job-old1', status: 'Archived', days: 4 }] },
  { id: 'c-unreadable', name: 'Uma Scan', apps: [{ job: 'job-old1', status: 'Archived', days: 400 }], resume: null },
  { id: 'c-old', name: 'Olly Old', apps: [{ job: 'job-old2', status: 'Archived', days: 400 }], resume: 'fit 80; Olly' },
  {
    id: 'c-two',
    name: 'Tess Twice',
    apps: [
      { job: 'job-old1', status: 'Archived', days: 90 },
      { job: 'job-old2', status: 'Archived', days: 15, archiveReason: 'Withdrew' },
    ],
    resume: 'fit 75; Tess',
  },
  // Same score and same last activity as c-tie-b: the order must not depend on the database.
  { id: 'c-tie-b', name: 'Bo Tie', apps: [{ job: 'job-old2', status: 'Archived', days: 50 }], resume: 'fit 65; Bo' },
  { id: 'c-tie-a', name: 'Al Tie', apps: [{ job: 'job-old1', status: 'Archived', days: 50 }], resume: 'fit 65; Al' },
];

async function seed(env: CoreEnv) {
  const db = env.ctx.db;
  await db.job.create({ data: { id: 'job-new', title: 'Store Manager', status: 'Open', descriptionText: 'Run a store.' } });
  await db.job.create({ data: { id: 'job-old1', title: 'Cashier', status: 'Closed' } });
  await db.job.create({ data: { id: 'job-old2', title: 'Shift Lead', status: 'Open' } });
  await db.job.create({ data: { id: 'job-empty', title: 'Driver', status: 'Open' } });
  let n = 0;
  for (const s of SEEDS) {
    // Ashby names c-low's older file as the resume: that one is scored, not the newer upload.
    const resumeFileHandle = s.id === 'c-low' ? 'old-c-low' : null;
    await db.candidate.create({ data: { id: s.id, name: s.name, resumeFileHandle } });
    for (const a of s.apps) {
      await db.application.create({
        data: {
          id: `${s.id}-${a.job}`,
          candidateId: s.id,
          jobId: a.job,
          status: a.status,
          archiveReason: a.archiveReason ?? null,
          ashbyUpdatedAt: daysAgo(a.days),
        },
      });
    }
    if (s.resume !== undefined) {
      // An older resume first: the newest one is the one scored.
      await db.resumeFile.create({
        data: {
          candidateId: s.id,
          fileHandle: `old-${s.id}`,
          contentHash: `old-${s.id}`,
          extractedText: 'fit 1',
          createdAt: daysAgo(800),
        },
      });
      await db.resumeFile.create({
        data: {
          candidateId: s.id,
          fileHandle: `h-${s.id}`,
          contentHash: `hash-${n++}`,
          extractedText: s.resume,
          unreadableReason: s.resume === null ? 'scanned_image: no text layer' : null,
          createdAt: daysAgo(1),
        },
      });
    }
  }
}

async function rowCounts(env: CoreEnv) {
  const db = env.ctx.db;
  const tables = [db.score, db.auditEvent, db.application, db.queueJob, db.resumeFile, db.candidate];
  return Promise.all(tables.map((t) => (t as { count(): Promise<number> }).count()));
}

describe.each(DB_KINDS)('rediscover on %s', (kind) => {
  let env: CoreEnv;
  let scorer: ReturnType<typeof fakeScorer>;
  let ashby: ReturnType<typeof unreachableAshby>;
  beforeAll(async () => {
    scorer = fakeScorer();
    ashby = unreachableAshby();
    env = await coreContext(kind, { scorer, ashby });
    await seed(env);
  });
  afterAll(async () => {
    await env.close();
  });

  it('lists qualified past candidates from other jobs, best first, read-only', async () => {
    const before = await rowCounts(env);
    const result = await rediscover(env.ctx, 'job-new', {}, { redact: false, now: NOW });
    expect(result.job).toEqual({ id: 'job-new', title: 'Store Manager' });
    // Active elsewhere, already applied here, no resume, and a current resume that is unreadable (though an
    // older one was readable): not considered.
    expect(result.considered).toBe(8);
    expect(result.limitedTo).toBeUndefined();
    expect(result.candidates.map((c) => [c.candidateId, c.score])).toEqual([
      ['c-arch', 85], // same score as c-hired, more recent activity
      ['c-hired', 85],
      ['c-old', 80],
      ['c-two', 75],
      ['c-lead', 70],
      ['c-tie-a', 65],
      ['c-tie-b', 65],
    ]);
    const first = result.candidates[0]!;
    expect(first).toMatchObject({
      pastApplicationId: 'c-arch-job-old1',
      pastJobTitle: 'Cashier',
      pastStatus: 'Archived',
      archiveReason: 'Position filled',
      band: 'strong',
      candidateName: 'Avery Archived',
      missing: [],
      reasons: [{ text: 'fit 85', quote: 'fit 85', start: 0, end: 6 }],
    });
    expect(first.lastActivityAt.toISOString()).toBe(daysAgo(10).toISOString());
    // One entry per person, about their most recently active past application.
    const tess = result.candidates.find((c) => c.candidateId === 'c-two')!;
    expect(tess).toMatchObject({ pastApplicationId: 'c-two-job-old2', pastJobTitle: 'Shift Lead', archiveReason: 'Withdrew' });
    expect(tess.band).toBe('worth a look');
    expect(tess.missing).toEqual(['forklift licence']);
    expect(ashby.calls).toEqual([]);
    expect(await rowCounts(env)).toEqual(before);
  });

  it('hides names when redacting', async () => {
    const result = await rediscover(env.ctx, 'job-new', {}, { redact: true, now: NOW });
    expect(result.candidates.length).toBeGreaterThan(0);
    for (const c of result.candidates) expect(c).not.toHaveProperty('candidateName');
    expect(JSON.stringify(result)).not.toMatch(/Avery|Harper|Tess/);
  });

  it('applies min, since, limit and active', async () => {
    const min = await rediscover(env.ctx, 'job-new', { minScore: 80 }, { redact: false, now: NOW });
    expect(min.candidates.map((c) => c.candidateId)).toEqual(['c-arch', 'c-hired', 'c-old']);
    const all = await rediscover(env.ctx, 'job-new', { minScore: 0 }, { redact: false, now: NOW });
    expect(all.candidates.find((c) => c.candidateId === 'c-low')?.score).toBe(1);
    const since = await rediscover(env.ctx, 'job-new', { sinceDays: 180 }, { redact: false, now: NOW });
    expect(since.candidates.map((c) => c.candidateId)).not.toContain('c-old');
    expect(since.considered).toBe(7);
    const limited = await rediscover(env.ctx, 'job-new', { limit: 2 }, { redact: false, now: NOW });
    expect(limited.candidates.map((c) => c.candidateId)).toEqual(['c-arch', 'c-hired']);
    const capped = await rediscover(env.ctx, 'job-new', { limit: 500, minScore: 0 }, { redact: false, now: NOW });
    expect(capped.candidates).toHaveLength(8);
    const active = await rediscover(env.ctx, 'job-new', { includeActiveElsewhere: true }, { redact: false, now: NOW });
    expect(active.candidates[0]).toMatchObject({ candidateId: 'c-active', pastStatus: 'Active', score: 90 });
    // Already applied to this job: never rediscovered, whatever the filters.
    expect(active.candidates.map((c) => c.candidateId)).not.toContain('c-applied');
  });

  it('bounds the work to the most recently active past candidates and says so', async () => {
    const calls = scorer.calls;
    const result = await rediscover(env.ctx, 'job-new', { minScore: 0 }, { redact: false, now: NOW, maxConsidered: 3 });
    expect(scorer.calls - calls).toBe(3);
    expect(result.considered).toBe(3);
    expect(result.limitedTo).toBe(3);
    // The three newest activities among eligible people: c-low (3 d), c-lead (5 d), c-arch (10 d).
    expect(result.candidates.map((c) => c.candidateId).sort()).toEqual(['c-arch', 'c-lead', 'c-low']);
  });

  it('refuses unknown jobs and jobs without a description', async () => {
    await expect(rediscover(env.ctx, 'job-nope', {}, { redact: false })).rejects.toBeInstanceOf(UnknownJobError);
    await expect(rediscover(env.ctx, 'job-empty', {}, { redact: false })).rejects.toBeInstanceOf(NoJobDescriptionError);
  });
});

describe('rediscover with the default scorer', () => {
  let env: CoreEnv;
  beforeAll(async () => {
    env = await coreContext('sqlite', { scorer: createScorer() });
  });
  afterAll(async () => {
    await env.close();
  });

  it('scores stored resume text against the job description, with quotes from the resume', async () => {
    const db = env.ctx.db;
    const jd = [
      'Store Manager',
      'Requirements:',
      '- 3+ years of retail management experience',
      '- Point of sale (POS) systems',
      '- Scheduling and inventory management',
    ].join('\n');
    await db.job.create({ data: { id: 'job-sm', title: 'Store Manager', status: 'Open', descriptionText: jd } });
    await db.job.create({ data: { id: 'job-x', title: 'Sales Associate', status: 'Closed' } });
    const resume = [
      'Experience',
      'Assistant Store Manager, Corner Market, 2019 - 2024',
      '- Managed scheduling and inventory for a team of 12',
      '- Ran POS systems and daily cash reconciliation',
      'Retail Sales Associate, Big Box, 2016 - 2019',
    ].join('\n');
    await db.candidate.create({ data: { id: 'c-real', name: 'Robin Real' } });
    await db.application.create({
      data: { id: 'a-real', candidateId: 'c-real', jobId: 'job-x', status: 'Archived', ashbyUpdatedAt: new Date() },
    });
    await db.resumeFile.create({ data: { candidateId: 'c-real', fileHandle: 'h', contentHash: 'x', extractedText: resume } });
    const result = await rediscover(env.ctx, 'job-sm', { minScore: 0 }, { redact: false });
    expect(result.considered).toBe(1);
    const [found] = result.candidates;
    expect(found!.score).toBe(createScorer().score(jd, resume).score);
    expect(found!.reasons.length).toBeGreaterThan(0);
    for (const r of found!.reasons) expect(resume.slice(r.start, r.end)).toBe(r.quote);
  });
});
