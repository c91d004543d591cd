import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineScorer } from '../../../src/core/context.ts';
import { indexPoolPage } from '../../../src/core/pool/pool-backfill.ts';
import { indexCandidate, poolSize, removeFromPool } from '../../../src/core/pool/pool-index.ts';
import { candidateTagColumns, labelText } from '../../../src/core/pool/pool-labels.ts';
import { candidateClause, pastApplicationClause, searchJob, searchPool } from '../../../src/core/pool/pool-query.ts';
import { jobSearchTerms } from '../../../src/core/pool/pool-text.ts';
import {
  EmptyPoolError,
  NoJobDescriptionError,
  parseRediscoverFilters,
  rediscover,
  type RediscoverFilters,
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

  it('reads the past-application filters, with - for spaces, and hired', () => {
    expect(
      parseRediscoverFilters([
        'job:Store-Manager',
        'dept:operations',
        'reason:position-filled',
        'source:Referral',
        'location:denver',
        'recruiter:U-Rita_1',
        'hired',
      ]),
    ).toEqual({
      pastJob: 'store manager',
      department: 'operations',
      archiveReason: 'position filled',
      source: 'referral',
      location: 'denver',
      recruiterId: 'U-Rita_1',
      includeHired: true,
    });
    expect(parseRediscoverFilters(['stage:Phone-Screen', 'tag:Silver_Medalist', 'DNC'])).toEqual({
      stage: 'phone screen',
      tag: 'silver medalist',
      includeDoNotContact: true,
    });
    expect(parseRediscoverFilters(['stage-reached:onsite', 'do-not-contact'])).toEqual({ stage: 'onsite', includeDoNotContact: true });
    expect(parseRediscoverFilters(['department=ops', 'archive-reason:withdrew'])).toEqual({
      department: 'ops',
      archiveReason: 'withdrew',
    });
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
    [['job:'], /job:cashier/],
    [['reason:--'], /say what to look for/],
    [['source:a', 'source:b'], /given twice/],
    [['recruiter:a;b'], /Ashby user id/],
    [['hired', 'hired'], /given twice/],
    [['stage:'], /stage:onsite/],
    [['dnc', 'include-dnc'], /given twice/],
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

describe('jobSearchTerms', () => {
  it('gives a focused query of the title and the must-haves\' skills, and the full one', () => {
    const jd = [
      'Senior Backend Engineer',
      'Requirements:',
      '- 5+ years building backend services in production',
      '- TypeScript or Node.js experience',
      'Nice to have:',
      '- Kafka or another event streaming platform',
    ].join('\n');
    const { focused, full } = jobSearchTerms(jd);
    expect(focused).toEqual(expect.arrayContaining(['backend', 'engineer', 'typescript']));
    // Seniority is no trade: half a pool says senior.
    expect(focused).not.toContain('senior');
    expect(focused).not.toContain('building');
    expect(focused).not.toContain('kafka');
    expect(full).toEqual(expect.arrayContaining([...focused, 'senior', 'building', 'kafka']));
    expect(full.slice(0, 3)).toEqual(['senior', 'backend', 'engineer']);
  });
});

/** Scores a resume by the "fit NN" it contains, and counts how often it is asked. */
function fakeScorer(): PipelineScorer & { calls: number } {
  const scorer = {
    version: 'fake-1',
    calls: 0,
    score(_jd: string, resume: string) {
      scorer.calls++;
      const raw = Number(/fit (\d+(?:\.\d+)?)/.exec(resume)?.[1] ?? 0);
      const score = Math.round(raw);
      const quote = resume.slice(0, 6);
      return {
        score,
        reasons: [{ text: `fit ${score}`, quote, start: 0, end: quote.length }],
        missing: score < 80 ? ['forklift licence'] : [],
        features: { raw },
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
  apps: {
    job: string;
    status: string;
    days: number;
    archiveReason?: string;
    source?: string;
    recruiter?: string;
    stages?: string[];
  }[];
  resume?: string | null;
  /** Tags in Ashby, as the poll stores them (see pool-labels.ts). */
  tags?: string[];
}

// Every readable resume names the store (the job's word), so the index finds it; the fake scorer reads
// the "fit NN" in it.
const SEEDS: Seed[] = [
  {
    id: 'c-arch',
    name: 'Avery Archived',
    apps: [{
      job: 'job-old1', status: 'Archived', days: 10, archiveReason: 'Position filled', source: 'Referral', recruiter: 'u-rita',
      stages: ['Application Review', 'Onsite', 'Archived'],
    }],
    resume: 'store fit 85; Avery',
    tags: ['Silver Medalist'],
  },
  // Shows 85 as c-arch does, but scored a little higher: listed above c-arch, though less recently active.
  { id: 'c-hired', name: 'Harper Hired', apps: [{ job: 'job-old2', status: 'Hired', days: 20 }], resume: 'store fit 85.3; Harper' },
  { id: 'c-lead', name: 'Lee Lead', apps: [{ job: 'job-old1', status: 'Lead', days: 5, source: 'LinkedIn', stages: ['New Lead'] }], resume: 'store fit 70; Lee' },
  { id: 'c-active', name: 'Ash Active', apps: [{ job: 'job-old2', status: 'Active', days: 1 }], resume: 'store fit 90; Ash' },
  {
    id: 'c-applied',
    name: 'Pat Applied',
    apps: [
      { job: 'job-old1', status: 'Archived', days: 30 },
      { job: 'job-new', status: 'Active', days: 2 },
    ],
    resume: 'store fit 95; Pat',
  },
  { id: 'c-low', name: 'Lou Low', apps: [{ job: 'job-old1', status: 'Archived', days: 3 }], resume: 'store fit 40; Lou' },
  { id: 'c-noresume', name: 'Nat None', apps: [{ job: 'job-old1', status: 'Archived', days: 4 }] },
  { id: 'c-unreadable', name: 'Uma Scan', apps: [{ job: 'job-old1', status: 'Archived', days: 400 }], resume: null },
  { id: 'c-old', name: 'Olly Old', apps: [{ job: 'job-old2', status: 'Archived', days: 400, source: 'Referral' }], resume: 'store fit 80; Olly' },
  {
    id: 'c-two',
    name: 'Tess Twice',
    apps: [
      { job: 'job-old1', status: 'Archived', days: 90, archiveReason: 'Too inexperienced', stages: ['Recruiter Phone Screen', 'Archived'] },
      { job: 'job-old2', status: 'Archived', days: 15, archiveReason: 'Withdrew', recruiter: 'u-rita', stages: ['Onsite', 'Archived'] },
    ],
    resume: 'store fit 75; Tess',
    tags: ['silver-medalist', 'Forklift'],
  },
  // Tagged do-not-contact in Ashby: left out unless asked for, however well they score.
  {
    id: 'c-dnc',
    name: 'Dee Nocontact',
    apps: [{ job: 'job-old1', status: 'Archived', days: 6, stages: ['Onsite', 'Archived'] }],
    resume: 'store fit 92; Dee',
    tags: ['Do Not Contact'],
  },
  // Same score and same last activity as c-tie-b: the order must not depend on the database.
  { id: 'c-tie-b', name: 'Bo Tie', apps: [{ job: 'job-old2', status: 'Archived', days: 50 }], resume: 'store fit 65; Bo' },
  { id: 'c-tie-a', name: 'Al Tie', apps: [{ job: 'job-old1', status: 'Archived', days: 50 }], resume: 'store fit 65; Al' },
  // Archived here, hired on another job since: works for the company now.
  {
    id: 'c-moved',
    name: 'Mo Moved',
    apps: [
      { job: 'job-old1', status: 'Archived', days: 60 },
      { job: 'job-old2', status: 'Hired', days: 30 },
    ],
    resume: 'store fit 88; Mo',
  },
  // A resume without the job's words: the index does not pre-select it, whatever the scorer would say.
  { id: 'c-offtopic', name: 'Oz Off', apps: [{ job: 'job-old1', status: 'Archived', days: 8 }], resume: 'welding fit 99; Oz' },
];

async function seed(env: CoreEnv) {
  const db = env.ctx.db;
  await db.job.create({ data: { id: 'job-new', title: 'Store Manager', status: 'Open', descriptionText: 'Store Manager\nRun a store.' } });
  await db.job.create({
    data: { id: 'job-old1', title: 'Cashier', status: 'Closed', departmentName: 'Retail Stores', locationName: 'Denver, CO' },
  });
  await db.job.create({
    data: { id: 'job-old2', title: 'Shift Lead', status: 'Open', departmentName: 'Operations', locationName: 'Boulder, CO' },
  });
  await db.job.create({ data: { id: 'job-empty', title: 'Driver', status: 'Open' } });
  let n = 0;
  for (const s of SEEDS) {
    // Ashby names c-low's older file as the resume: that one is scored, not the newer upload.
    const resumeFileHandle = s.id === 'c-low' ? 'old-c-low' : null;
    const tagged = candidateTagColumns((s.tags ?? []).map((title, i) => ({ id: `t${i}`, title, isArchived: false })));
    await db.candidate.create({ data: { id: s.id, name: s.name, resumeFileHandle, ...tagged } });
    for (const a of s.apps) {
      await db.application.create({
        data: {
          id: `${s.id}-${a.job}`,
          candidateId: s.id,
          jobId: a.job,
          status: a.status,
          archiveReason: a.archiveReason ?? null,
          sourceTitle: a.source ?? null,
          creditedToUserId: a.recruiter ?? null,
          ashbyUpdatedAt: daysAgo(a.days),
          stagesReached: labelText(a.stages ?? []),
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
          extractedText: 'store fit 1',
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
  // The pool catches up with resumes stored before it, a page at a time.
  let after: string | undefined = '';
  while (after !== undefined) after = (await indexPoolPage(db, after, 4)).next;
}

async function rowCounts(env: CoreEnv) {
  const db = env.ctx.db;
  const tables = [db.score, db.auditEvent, db.application, db.queueJob, db.resumeFile, db.candidate];
  return Promise.all(tables.map((t) => (t as { count(): Promise<number> }).count()));
}

const ids = (r: { candidates: { candidateId: string }[] }) => r.candidates.map((c) => c.candidateId);

describe.each(DB_KINDS)('rediscover on %s', (kind) => {
  let env: CoreEnv;
  let scorer: ReturnType<typeof fakeScorer>;
  let ashby: ReturnType<typeof unreachableAshby>;
  const find = (filters: RediscoverFilters, preselect?: number) =>
    rediscover(env.ctx, 'job-new', filters, { redact: false, now: NOW, ...(preselect ? { preselect } : {}) });
  beforeAll(async () => {
    scorer = fakeScorer();
    ashby = unreachableAshby();
    env = await coreContext(kind, { scorer, ashby });
    await seed(env);
  });
  afterAll(async () => {
    await env.close();
  });

  it('indexes each candidate\'s current readable resume', async () => {
    // Every candidate with a resume, less c-unreadable (current resume unreadable, though an older one was not).
    expect(await poolSize(env.ctx.db)).toBe(13);
  });

  it('lists qualified past candidates from other jobs, best first, read-only', async () => {
    const before = await rowCounts(env);
    const result = await find({});
    expect(result.job).toEqual({ id: 'job-new', title: 'Store Manager' });
    // Not considered: active elsewhere, already applied here, hired (here or since), no resume, and a current
    // resume that is unreadable (though an older one was readable).
    expect(result.considered).toBe(8);
    expect(result.candidates.map((c) => [c.candidateId, c.score])).toEqual([
      ['c-arch', 85],
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
      source: 'Referral',
      band: 'strong',
      candidateName: 'Avery Archived',
      missing: [],
      reasons: [{ text: 'fit 85', quote: 'store ', start: 0, end: 6 }],
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
    expect(ids(await find({ minScore: 80 }))).toEqual(['c-arch', 'c-old']);
    const all = await find({ minScore: 0 });
    expect(all.candidates.find((c) => c.candidateId === 'c-low')?.score).toBe(1);
    const since = await find({ sinceDays: 180 });
    expect(ids(since)).not.toContain('c-old');
    expect(since.considered).toBe(7);
    expect(ids(await find({ limit: 2 }))).toEqual(['c-arch', 'c-old']);
    expect((await find({ limit: 500, minScore: 0 })).candidates).toHaveLength(7);
    const active = await find({ includeActiveElsewhere: true });
    expect(active.candidates[0]).toMatchObject({ candidateId: 'c-active', pastStatus: 'Active', score: 90 });
    // Already applied to this job: never rediscovered, whatever the filters.
    expect(ids(active)).not.toContain('c-applied');
  });

  it('excludes people hired elsewhere unless asked for', async () => {
    const hired = await find({ includeHired: true });
    expect(ids(hired)).toEqual(['c-moved', 'c-hired', 'c-arch', 'c-old', 'c-two', 'c-lead', 'c-tie-a', 'c-tie-b']);
    expect(hired.considered).toBe(10);
    expect(hired.candidates.find((c) => c.candidateId === 'c-hired')).toMatchObject({ pastStatus: 'Hired' });
    // Asked for, the most recently active of their past applications speaks for them.
    expect(hired.candidates[0]).toMatchObject({ pastApplicationId: 'c-moved-job-old2', pastStatus: 'Hired' });
  });

  it.each<[string, RediscoverFilters, string[], number]>([
    ['past job', { pastJob: 'cashier' }, ['c-arch', 'c-two', 'c-lead', 'c-tie-a'], 6],
    ['department', { department: 'operations' }, ['c-old', 'c-two', 'c-tie-b'], 3],
    ['archive reason', { archiveReason: 'withdrew' }, ['c-two'], 1],
    ['source', { source: 'referral' }, ['c-arch', 'c-old'], 2],
    ['location', { location: 'boulder' }, ['c-old', 'c-two', 'c-tie-b'], 3],
    ['credited-to recruiter', { recruiterId: 'u-rita' }, ['c-arch', 'c-two'], 2],
    ['since', { sinceDays: 40 }, ['c-arch', 'c-two', 'c-lead'], 5],
    ['stage reached', { stage: 'onsite' }, ['c-arch', 'c-two'], 2],
    ['stage reached (words of it)', { stage: 'phone screen' }, ['c-two'], 1],
    ['tag', { tag: 'silver medalist' }, ['c-arch', 'c-two'], 2],
    ['do-not-contact included', { includeDoNotContact: true }, ['c-dnc', 'c-arch', 'c-old', 'c-two', 'c-lead', 'c-tie-a', 'c-tie-b'], 9],
  ])('filters by %s alone', async (_name, filters, expected, considered) => {
    const result = await find(filters);
    expect(ids(result)).toEqual(expected);
    expect(result.considered).toBe(considered);
  });

  it('combines filters, each narrowing the past application the others match', async () => {
    // Tess's Cashier application was archived as too inexperienced, her Shift Lead one as withdrawn.
    expect(ids(await find({ pastJob: 'cashier', archiveReason: 'too inexperienced' }))).toEqual(['c-two']);
    expect(ids(await find({ pastJob: 'cashier', archiveReason: 'withdrew' }))).toEqual([]);
    const two = await find({ pastJob: 'cashier', archiveReason: 'too inexperienced' });
    expect(two.candidates[0]).toMatchObject({ pastApplicationId: 'c-two-job-old1', archiveReason: 'Too inexperienced' });
    expect(ids(await find({ source: 'referral', location: 'denver', minScore: 80 }))).toEqual(['c-arch']);
    expect(ids(await find({ department: 'operations', sinceDays: 40, recruiterId: 'u-rita', limit: 1 }))).toEqual(['c-two']);
    // The stage reached is the past application's: Tess reached Onsite on Shift Lead, not on Cashier.
    expect(ids(await find({ stage: 'onsite', pastJob: 'cashier' }))).toEqual(['c-arch']);
    const phone = await find({ stage: 'phone screen', pastJob: 'cashier', tag: 'forklift' });
    expect(phone.candidates.map((c) => c.pastApplicationId)).toEqual(['c-two-job-old1']);
    expect(ids(await find({ stage: 'onsite', tag: 'silver', sinceDays: 12 }))).toEqual(['c-arch']);
    // Do-not-contact stays out of every filter's results unless asked for, and then joins them.
    expect(ids(await find({ stage: 'onsite', pastJob: 'cashier', includeDoNotContact: true }))).toEqual(['c-dnc', 'c-arch']);
    expect((await find({ tag: 'do not contact' })).considered).toBe(0);
    expect(ids(await find({ tag: 'do not contact', includeDoNotContact: true, includeHired: true }))).toEqual(['c-dnc']);
    // A tag's words match inside one tag, not across two.
    expect((await find({ tag: 'medalist forklift' })).considered).toBe(0);
    // Wildcards in a filter are letters.
    expect((await find({ pastJob: '%' })).considered).toBe(0);
  });

  it('searches the whole pool through the index and scores only what it pre-selects', async () => {
    const calls = scorer.calls;
    const result = await find({ minScore: 0 }, 3);
    expect(scorer.calls - calls).toBe(3);
    // considered is the pool searched, not the few scored.
    expect(result.considered).toBe(8);
    // A resume without the job's words is never pre-selected.
    expect(ids(await find({ minScore: 0 }))).not.toContain('c-offtopic');
  });

  it('reaches past the index\'s best matches when the filters leave too few of them', async () => {
    const where = (filters: RediscoverFilters) => candidateClause('job-new', pastApplicationClause('job-new', filters, null), filters, null);
    const terms = ['store'];
    // With a window of 2, the two best matches are looked at first; a filter that lets neither through
    // still finds its candidates in the rest of the pool.
    const all = await searchPool(env.ctx.db, terms, where({}), 20, { size: 8, window: 2 });
    expect(all.sort()).toEqual(['c-arch', 'c-lead', 'c-low', 'c-old', 'c-tie-a', 'c-tie-b', 'c-two'].sort());
    expect(await searchPool(env.ctx.db, terms, where({ archiveReason: 'withdrew' }), 5, { size: 8, window: 2 })).toEqual(['c-two']);
    expect(await searchPool(env.ctx.db, terms, where({ source: 'referral' }), 5, { size: 8, window: 1 })).toHaveLength(2);
    expect(await searchPool(env.ctx.db, ['welding'], where({ source: 'referral' }), 5, { size: 8, window: 1 })).toEqual([]);
  });

  it('searches by the job\'s focused words, and by all of them when those find too few', async () => {
    const where = candidateClause('job-new', pastApplicationClause('job-new', {}, null), {}, null);
    // "welding" finds one candidate: too few for 3, so every word of the job is searched.
    const search = { focused: ['welding'], full: ['welding', 'store'] };
    expect(await searchJob(env.ctx.db, search, where, 1, { size: 8 })).toEqual(['c-offtopic']);
    const wider = await searchJob(env.ctx.db, search, where, 3, { size: 8 });
    expect(wider).toHaveLength(3);
    expect(wider).toContain('c-offtopic');
  });

  it('refuses unknown jobs and jobs without a description', async () => {
    await expect(rediscover(env.ctx, 'job-nope', {}, { redact: false })).rejects.toBeInstanceOf(UnknownJobError);
    await expect(rediscover(env.ctx, 'job-empty', {}, { redact: false })).rejects.toThrow(
      new NoJobDescriptionError('the job "Driver" has no description to score against'),
    );
  });

  it('says so when the pool is empty, and finds a candidate once their resume is indexed', async () => {
    const empty = await coreContext(kind, { scorer, ashby });
    try {
      const db = empty.ctx.db;
      await db.job.create({ data: { id: 'j1', title: 'Store Manager', status: 'Open', descriptionText: 'Store Manager' } });
      await db.job.create({ data: { id: 'j0', title: 'Cashier', status: 'Closed' } });
      await expect(rediscover(empty.ctx, 'j1', {}, { redact: false })).rejects.toThrow(EmptyPoolError);
      await expect(rediscover(empty.ctx, 'j1', {}, { redact: false })).rejects.toThrow(/run skima sync/);
      await db.candidate.create({ data: { id: 'c1', name: 'Cy' } });
      await db.application.create({ data: { id: 'a1', candidateId: 'c1', jobId: 'j0', status: 'Archived' } });
      expect(await indexCandidate(db, 'c1', { hash: 'h1', text: 'store fit 77' })).toBe(true);
      expect(await indexCandidate(db, 'c1', { hash: 'h1', text: 'store fit 77' })).toBe(false); // already there
      await db.resumeFile.create({ data: { candidateId: 'c1', fileHandle: 'f1', contentHash: 'h1', extractedText: 'store fit 77' } });
      expect(ids(await rediscover(empty.ctx, 'j1', {}, { redact: false }))).toEqual(['c1']);
      // A new resume replaces the old one in the index; a removed one leaves the pool.
      await db.resumeFile.create({ data: { candidateId: 'c1', fileHandle: 'f2', contentHash: 'h2', extractedText: 'welding fit 90' } });
      await indexCandidate(db, 'c1', { hash: 'h2', text: 'welding fit 90' });
      expect(ids(await rediscover(empty.ctx, 'j1', {}, { redact: false }))).toEqual([]);
      expect(await removeFromPool(db, 'c1')).toBe(true);
      await expect(rediscover(empty.ctx, 'j1', {}, { redact: false })).rejects.toThrow(EmptyPoolError);
    } finally {
      await empty.close();
    }
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
    await indexCandidate(db, 'c-real', { hash: 'x', text: resume });
    const result = await rediscover(env.ctx, 'job-sm', { minScore: 0 }, { redact: false });
    expect(result.considered).toBe(1);
    const [found] = result.candidates;
    expect(found!.score).toBe(createScorer().score(jd, resume).score);
    expect(found!.reasons.length).toBeGreaterThan(0);
    for (const r of found!.reasons) expect(resume.slice(r.start, r.end)).toBe(r.quote);
  });
});
