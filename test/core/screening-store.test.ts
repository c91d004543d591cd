import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AshbyApplicationDetail } from '../../src/ashby/index.ts';
import {
  findResume,
  findScore,
  insertResume,
  insertScore,
  screeningInputs,
  setScreening,
  storeApplication,
  storedResumeHandle,
  storeListedCandidates,
} from '../../src/core/pipeline/screening-store.ts';
import type { Db } from '../../src/db/client.ts';
import { DB_KINDS, migratedDb } from '../helpers/databases.ts';

function detail(over: Partial<AshbyApplicationDetail> = {}): AshbyApplicationDetail {
  return {
    id: 'app-1',
    status: 'Active',
    updatedAt: '2026-11-30T09:00:00.000Z',
    candidate: { id: 'cand-1', name: 'Ada Example', primaryEmailAddress: { value: 'ada@example.com' } },
    job: { id: 'job-1', title: 'Engineer' },
    currentInterviewStage: { id: 'stage-1', title: 'Application Review' },
    ...over,
  } as AshbyApplicationDetail;
}

describe.each(DB_KINDS)('the screening store on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await migratedDb(kind));
    await db.job.create({ data: { id: 'job-1', title: 'Engineer', status: 'Open' } });
  });
  afterAll(async () => {
    await close?.();
  });

  it('stores the application as Ashby has it, and keeps its screening state when it comes again', async () => {
    expect(await screeningInputs(db, 'app-1')).toBeNull();
    await storeApplication(db, detail(), 'handle-1');
    expect(await screeningInputs(db, 'app-1')).toEqual({
      screeningState: 'pending', status: 'Active', jobId: 'job-1', candidateId: 'cand-1', stageId: 'stage-1',
    });
    const screened = await setScreening(db, 'app-1', 'scored', null, { score: 71, raw: 70.6 });
    expect(screened).toEqual({ id: 'app-1', jobId: 'job-1', status: 'Active', currentScore: 71, latestVerdict: null });

    await storeApplication(db, detail({ status: 'Archived', currentInterviewStage: null } as never), 'handle-2');
    const app = await db.application.findUniqueOrThrow({ where: { id: 'app-1' }, include: { candidate: true } });
    expect(app).toMatchObject({
      status: 'Archived', stageId: null, screeningState: 'scored', currentScore: 71, currentRawScore: 70.6,
      ashbyUpdatedAt: new Date('2026-11-30T09:00:00.000Z'),
    });
    expect(app.candidate).toMatchObject({ name: 'Ada Example', primaryEmail: 'ada@example.com', resumeFileHandle: 'handle-2' });
    await expect(setScreening(db, 'app-unknown', 'scored', null, { score: 1, raw: 1 })).rejects.toThrow(/not stored/);
  });

  it('stores the candidates a poll listed that it did not know, with their resume handle, and leaves known ones', async () => {
    await storeListedCandidates(db, [
      { id: 'cand-1', name: 'Renamed', primaryEmail: null, resumeFileHandle: 'handle-listed' },
      { id: 'cand-new', name: 'Bo New', primaryEmail: 'bo@example.com', resumeFileHandle: 'handle-new' },
      { id: 'cand-none', name: 'No Resume', primaryEmail: null, resumeFileHandle: null },
    ]);
    // cand-1 is known (its change is the candidate pass's to handle, after it queued re-screens).
    expect(await storedResumeHandle(db, 'cand-1')).toBe('handle-2');
    expect(await db.candidate.findUniqueOrThrow({ where: { id: 'cand-1' } })).toMatchObject({ name: 'Ada Example' });
    expect(await storedResumeHandle(db, 'cand-new')).toBe('handle-new');
    expect(await storedResumeHandle(db, 'cand-none')).toBeNull();
    expect(await storedResumeHandle(db, 'cand-unknown')).toBeNull();
    await storeListedCandidates(db, []);
  });

  it('keeps the first extraction of a file stored twice at once, and finds it by handle or by content', async () => {
    const resume = {
      candidateId: 'cand-1', fileHandle: 'handle-1', mimeType: 'pdf',
      contentHash: 'hash-1', extractedText: 'Go, Kubernetes', unreadableReason: null,
    };
    expect(await insertResume(db, resume)).toBe(true);
    expect(await insertResume(db, { ...resume, fileHandle: 'handle-other', extractedText: 'later' })).toBe(false);
    const stored = { contentHash: 'hash-1', extractedText: 'Go, Kubernetes', unreadableReason: null };
    expect(await findResume(db, 'cand-1', { fileHandle: 'handle-1' })).toEqual(stored);
    expect(await findResume(db, 'cand-1', { contentHash: 'hash-1' })).toEqual(stored);
    expect(await findResume(db, 'cand-1', { fileHandle: 'handle-other' })).toBeNull();
    expect(await findResume(db, 'cand-other', { contentHash: 'hash-1' })).toBeNull();
  });

  it('keeps the first score for the same resume, description and scorer, and reads it back whole', async () => {
    const key = { applicationId: 'app-1', resumeHash: 'hash-1', jdHash: 'jd-1', scorerVersion: 'skima-test/1' };
    const first = {
      score: 64,
      reasons: [{ text: 'Go in production', quote: 'Go, Kubernetes', start: 0, end: 14 }],
      missing: ['Rust'],
      createdAt: new Date('2026-11-30T10:00:00.123Z'),
    };
    expect(await findScore(db, key)).toBeNull();
    expect(await insertScore(db, key, { ...first, features: { skills: 0.5, raw: 63.7 } })).toBe(true);
    expect(await insertScore(db, key, { ...first, score: 12, features: {} })).toBe(false);
    // The unrounded score comes back from the features it was stored with.
    expect(await findScore(db, key)).toEqual({ ...first, raw: 63.7, scorerVersion: 'skima-test/1' });
    expect(await findScore(db, { ...key, scorerVersion: 'skima-test/2' })).toBeNull();
    const row = await db.score.findFirstOrThrow({ where: { applicationId: 'app-1' } });
    expect(row.features).toEqual({ skills: 0.5, raw: 63.7 });
  });

  it('reads a score without an unrounded value (an LLM scorer gives none) as its whole number', async () => {
    const key = { applicationId: 'app-1', resumeHash: 'hash-2', jdHash: 'jd-1', scorerVersion: 'skima-llm/1' };
    const score = { score: 58, reasons: [], missing: [], createdAt: new Date('2026-11-30T11:00:00.000Z') };
    await insertScore(db, key, { ...score, features: { llm: 0.58 } });
    expect((await findScore(db, key))?.raw).toBe(58);
  });
});
