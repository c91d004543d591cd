import { afterEach, describe, expect, it } from 'vitest';
import { extractText } from '../../src/scoring/extract/extract-text.ts';
import { createScorer } from '../../src/scoring/scorer.ts';
import {
  createScoringPool,
  type ScoringPool,
  ScoringThreadDiedError,
  ScoringThreadError,
} from '../../src/scoring/threads/scoring-pool.ts';
import { twoPageResumePdf } from './helpers/fixtures.ts';

const asOf = new Date('2025-01-01T00:00:00Z');
const JD = `Registered Nurse, ICU
Requirements:
- 3+ years of ICU nursing experience
- BLS and ACLS certification
- Experience with electronic health records (Epic)`;
const RESUME = `Jordan Example
jordan@example.com

Experience
Registered Nurse, ICU, St. Mary's Hospital, 2019 - 2024
- Cared for 2-3 critically ill patients per shift; charted in Epic.

Certifications
BLS, ACLS`;

let pool: ScoringPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the scoring pool (extraction and scoring on worker threads)', () => {
  it('gives exactly what extraction and the scorer give on the main thread', async () => {
    pool = createScoringPool({ threads: 2, asOf });
    const pdf = twoPageResumePdf();
    const [extracted, scored] = await Promise.all([
      pool.extractText(pdf, { filename: 'resume.pdf' }),
      pool.score(JD, RESUME),
    ]);
    expect(extracted).toEqual(await extractText(pdf, { filename: 'resume.pdf' }));
    expect(extracted.ok).toBe(true);
    expect(scored).toEqual(createScorer({ asOf }).score(JD, RESUME));
    expect(pool.version).toBe(scored.scorer);
  });

  it('keeps many tasks in flight across its threads, each answered with its own result', async () => {
    pool = createScoringPool({ threads: 2, asOf });
    const resumes = Array.from({ length: 40 }, (_, i) => `${RESUME}\nSkills: ${i % 2 ? 'Epic, triage' : 'phlebotomy'} ${i}`);
    const scores = await Promise.all(resumes.map((r) => pool!.score(JD, r)));
    const inline = createScorer({ asOf });
    expect(scores).toEqual(resumes.map((r) => inline.score(JD, r)));
  });

  it('answers a bad file as unreadable, as extraction does', async () => {
    pool = createScoringPool({ threads: 1, asOf });
    const result = await pool.extractText(new TextEncoder().encode('%PDF-1.7\n garbage'), { filename: 'x.pdf' });
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('reports a task that throws in its thread as a ScoringThreadError, and the thread serves on', async () => {
    pool = createScoringPool({ threads: 1, asOf });
    await expect(pool.score(undefined as unknown as string, RESUME)).rejects.toBeInstanceOf(ScoringThreadError);
    expect((await pool.score(JD, RESUME)).score).toBeGreaterThan(0);
  });

  it('replaces a thread that outlives its time limit: its task fails, the next one runs on a new thread', async () => {
    // No grace at all: even a quick scoring outlives it, as a thread stuck in a loop would.
    const warnings: unknown[] = [];
    const logger = { warn: (obj: object, msg?: string) => warnings.push({ ...obj, msg }) };
    pool = createScoringPool({ threads: 1, asOf, graceMs: 0, logger });
    await expect(pool.score(JD, RESUME)).rejects.toThrow(/took more than 0 ms; it was restarted/);
    expect(warnings).toEqual([{ slot: 0, op: 'score', otherTasks: 0, msg: expect.stringMatching(/restarted/) }]);
    // An extraction past its hard limit is an unreadable file (timeout), not an error to retry forever.
    const late = await pool.extractText(twoPageResumePdf(), { limits: { timeoutMs: 0 } });
    expect(late).toMatchObject({ ok: false, reason: 'timeout' });
    // Given time, the same pool answers again, from a thread started afresh.
    const inTime = await pool.extractText(twoPageResumePdf(), { limits: { timeoutMs: 60_000 } });
    expect(inTime.ok).toBe(true);
  });

  it('loses no task when a thread runs out of memory: each is tried again on a fresh thread, and the one that kills that too fails', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (obj: object, msg?: string) => warnings.push({ ...obj, msg }) };
    pool = createScoringPool({ threads: 1, asOf, heapMb: 32, logger });
    // Parsing 200,000 lines needs far more than 32 MB of heap; a normal resume needs a few.
    const huge = Array.from({ length: 200_000 }, (_, i) => `Registered Nurse, ICU ${i}, 2019 - 2024, Epic, BLS, ACLS`).join('\n');
    // The huge one first: the thread dies in it with the normal one still waiting behind it.
    const [fatal, normal] = await Promise.allSettled([pool.score(JD, huge), pool.score(JD, RESUME)]);
    expect(fatal.status).toBe('rejected');
    const err = (fatal as PromiseRejectedResult).reason as Error;
    expect(err).toBeInstanceOf(ScoringThreadDiedError);
    expect(err).toBeInstanceOf(ScoringThreadError);
    expect(err.message).toMatch(/score failed twice, on two scoring threads: a scoring thread ran out of memory \(its heap limit: 32 MB\)/);
    expect(normal).toEqual({ status: 'fulfilled', value: createScorer({ asOf }).score(JD, RESUME) });
    // Two threads died: the first with both tasks in hand, the second with the huge one alone.
    expect(warnings).toEqual([
      { slot: 0, tasks: 2, msg: expect.stringMatching(/ran out of memory/) },
      { slot: 0, tasks: 1, msg: expect.stringMatching(/ran out of memory/) },
    ]);
    // And the pool serves on, from a third thread.
    expect((await pool.score(JD, RESUME)).score).toBeGreaterThan(0);
  });

  it('reports the V8 heap of each running thread, and starts none to do so', async () => {
    pool = createScoringPool({ threads: 2, asOf });
    // Asking starts no thread.
    expect(await pool.heaps()).toEqual([]);
    await pool.score(JD, RESUME);
    const heaps = await pool.heaps();
    expect(heaps).toHaveLength(1);
    expect(heaps[0]!.used).toBeGreaterThan(1_000_000);
    expect(heaps[0]!.total).toBeGreaterThanOrEqual(heaps[0]!.used);
    await pool.close();
    expect(await pool.heaps()).toEqual([]);
  });

  it('refuses tasks once closed, including those still running', async () => {
    pool = createScoringPool({ threads: 1, asOf });
    const running = expect(pool.score(JD, RESUME)).rejects.toThrow(/closed/);
    await pool.close();
    await running;
    await expect(pool.score(JD, RESUME)).rejects.toThrow(/closed/);
  });
});
