// What screening spends of Ashby's request budget, counted by the sandbox per endpoint: a backfill asks
// nothing a poll's list pages already answered, the tag goes only where it is missing, and webhooks
// still fetch what they need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/core/app.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

const calls = (h: SkimaHarness, endpoint: string) => h.sandbox.control.requests.get(endpoint) ?? 0;

describe('the Ashby request budget of a backfill (tag on)', () => {
  let h: SkimaHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { seed: 'demo' });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true); // the start-up backfill
  });
  afterAll(async () => {
    await h?.close();
  });

  it('screens every listed application without application.info, and finds resumes without candidate.info', async () => {
    const apps = await h.skima.ctx.db.application.findMany({ select: { id: true, screeningState: true } });
    expect(apps.length).toBe(h.sandbox.control.summary().applications);
    expect(apps.every((a) => a.screeningState !== 'pending')).toBe(true);
    expect(calls(h, 'application.info')).toBe(0);
    // Only candidates whose listing named no resume are asked again (the listing may predate an upload).
    const noResume = apps.filter((a) => a.screeningState === 'no_resume').length;
    expect(calls(h, 'candidate.info')).toBe(noResume);
    expect(calls(h, 'customField.setValues')).toBe(apps.length);
  });

  it('tags each screened candidate once (test/core/writeback.test.ts: one of several applications)', async () => {
    const scored = await h.skima.ctx.db.application.findMany({
      where: { screeningState: 'scored' },
      select: { candidateId: true },
    });
    const candidates = new Set(scored.map((a) => a.candidateId));
    expect(candidates.size).toBeGreaterThan(0);
    const tagged = writesFor(h.sandbox, 'candidate.addTag', () => true).map((w) => (w.body as { candidateId: string }).candidateId);
    expect(tagged.sort()).toEqual([...candidates].sort());
  });

  it('still fetches a webhook\'s application and its resume handle', async () => {
    const job = await h.skima.ctx.db.job.findFirstOrThrow({ where: { status: 'Open' } });
    const before = calls(h, 'application.info');
    const { applicationId } = h.sandbox.control.submitApplication({ jobId: job.id });
    await waitFor('the write-back', () => writesFor(h.sandbox, 'customField.setValues', (b) => b.objectId === applicationId)[0]);
    expect(calls(h, 'application.info')).toBe(before + 1);
  });
});

describe('the Ashby request budget of a backfill with ASHBY_TAG=off', () => {
  let h: SkimaHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { env: { ASHBY_TAG: 'off' } });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('neither creates nor adds the tag, and still writes every score', async () => {
    expect(calls(h, 'candidateTag.create')).toBe(0);
    expect(calls(h, 'candidate.addTag')).toBe(0);
    const scored = await h.skima.ctx.db.application.count({ where: { screeningState: 'scored' } });
    expect(scored).toBeGreaterThan(0);
    expect(calls(h, 'customField.setValues')).toBe(h.sandbox.control.summary().applications);
  });
});
