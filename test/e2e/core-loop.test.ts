// The spine end to end over loopback: Ashby sandbox -> webhook -> queue -> score -> write-back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolSize } from '../../src/core/pool/pool-index.ts';
import { signAshbyBody } from '../../src/ashby/index.ts';
import { waitForIdle } from '../../src/core/app.ts';
import { POLL_QUEUE, pollAshby } from '../../src/core/pipeline/poll.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

const byApplication = (id: string) => (b: Record<string, unknown>) => b.objectId === id;

async function fieldTitles(h: SkimaHarness): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for await (const f of h.skima.ctx.ashby.client.customField.list()) titles.set(f.id, f.title);
  return titles;
}

describe('the core loop against the Ashby sandbox (SQLite, extraction and scoring on two threads)', () => {
  let h: SkimaHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { env: { SCORING_THREADS: '2' } });
    expect(h.skima.ctx.scoringPool?.threads).toBe(2);
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true); // the start-up backfill
  });
  afterAll(async () => {
    await h?.close();
  });

  it('backfills every seeded application at start: scored, or marked unreadable with a reason', async () => {
    const apps = await h.skima.ctx.db.application.findMany();
    expect(apps.length).toBe(h.sandbox.control.summary().applications);
    expect(apps.every((a) => ['scored', 'unreadable', 'no_resume'].includes(a.screeningState))).toBe(true);
    const unreadable = apps.filter((a) => a.screeningState === 'unreadable');
    expect(unreadable.length).toBeGreaterThan(0); // the small seed has a corrupt resume
    // Rediscovery's pool holds each candidate whose current resume was read, and no one else.
    const readable = new Set(apps.filter((a) => a.screeningState === 'scored').map((a) => a.candidateId));
    expect(await poolSize(h.skima.ctx.db)).toBe(readable.size);
    for (const a of unreadable) {
      expect(a.screeningDetail).toMatch(/^Skima could not read the resume \(\w+/);
      const written = writesFor(h.sandbox, 'customField.setValues', byApplication(a.id));
      expect(JSON.stringify(written)).toContain('Skima could not read the resume');
    }
  });

  it('turns an applicationSubmit into a score, reasons, link and tag in Ashby within seconds', async () => {
    const job = await h.skima.ctx.db.job.findFirstOrThrow({ where: { status: 'Open' } });
    const started = Date.now();
    const { applicationId, candidateId } = h.sandbox.control.submitApplication({ jobId: job.id, name: 'Robin Park' });
    const write = await waitFor(
      'the score to be written to Ashby',
      () => writesFor(h.sandbox, 'customField.setValues', byApplication(applicationId))[0],
      10_000,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(10_000);
    const titles = await fieldTitles(h);
    const values = new Map(
      (write.body as { values: { fieldId: string; fieldValue: unknown }[] }).values.map((v) => [
        titles.get(v.fieldId),
        v.fieldValue,
      ]),
    );
    expect(values.get('SKIMA Match Score')).toEqual(expect.any(Number));
    expect(String(values.get('SKIMA Reasons'))).toMatch(/^• /);
    expect(String(values.get('SKIMA Shortlist Link'))).toMatch(new RegExp(`^${h.config.publicBaseUrl}/s/[A-Za-z0-9_-]{43}$`));
    await waitFor('the tag', () => writesFor(h.sandbox, 'candidate.addTag', (b) => b.candidateId === candidateId)[0]);
    const score = await h.skima.ctx.db.score.findFirstOrThrow({ where: { applicationId } });
    expect(score.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ quote: expect.any(String) })]));
    expect(await waitForIdle(h.skima.ctx, 20_000)).toBe(true);
    // Skima's own write fired applicationUpdate; it must not loop into another write.
    expect(writesFor(h.sandbox, 'customField.setValues', byApplication(applicationId))).toHaveLength(1);
  });

  it('answers one webhook delivered three times with one write', async () => {
    const job = await h.skima.ctx.db.job.findFirstOrThrow({ where: { status: 'Open' } });
    h.sandbox.control.setFaults({ dropWebhookRate: 1 });
    const { applicationId } = h.sandbox.control.submitApplication({ jobId: job.id });
    h.sandbox.control.setFaults({ dropWebhookRate: 0 });
    const application = (await h.skima.ctx.ashby.client.application.info(applicationId)) as unknown;
    const body = JSON.stringify({ action: 'applicationSubmit', webhookActionId: `wa-${applicationId}`, data: { application } });
    const signature = signAshbyBody(body, h.skima.ctx.ashby.webhookSecret!);
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${h.skima.address}/webhooks/ashby`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'ashby-signature': signature },
        body,
      });
      answers.push([res.status, ((await res.json()) as { duplicate: boolean }).duplicate]);
    }
    expect(answers).toEqual([
      [200, false],
      [200, true],
      [200, true],
    ]);
    await waitFor('the write', () => writesFor(h.sandbox, 'customField.setValues', byApplication(applicationId))[0]);
    expect(await waitForIdle(h.skima.ctx, 20_000)).toBe(true);
    expect(writesFor(h.sandbox, 'customField.setValues', byApplication(applicationId))).toHaveLength(1);
  });

  it('catches up by polling when webhooks never arrive', async () => {
    const job = await h.skima.ctx.db.job.findFirstOrThrow({ where: { status: 'Open' } });
    h.sandbox.control.setFaults({ dropWebhookRate: 1 });
    const missed = [1, 2, 3].map(() => h.sandbox.control.submitApplication({ jobId: job.id }).applicationId);
    await new Promise((r) => setTimeout(r, 300));
    for (const id of missed) expect(writesFor(h.sandbox, 'customField.setValues', byApplication(id))).toHaveLength(0);
    // The scheduled poll, as a tick would enqueue it.
    await h.skima.ctx.queue.enqueue(POLL_QUEUE, { reason: 'test' }, { singletonKey: 'cron:ashby-poll' });
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    h.sandbox.control.setFaults({ dropWebhookRate: 0 });
    for (const id of missed) expect(writesFor(h.sandbox, 'customField.setValues', byApplication(id))).toHaveLength(1);
  });

  it('polls again without re-running what Skima only wrote back to, and catches a missed stage change', async () => {
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    // Skima's own write-backs bumped every application since the last pass, so all of them are listed.
    const quiet = await pollAshby(h.skima.ctx);
    expect(quiet.applications.items).toBeGreaterThan(0);
    expect(quiet.applications.enqueued).toBe(0);

    const app = await h.skima.ctx.db.application.findFirstOrThrow({ where: { status: 'Active', screeningState: 'scored' } });
    const current = (await h.skima.ctx.ashby.client.application.info(app.id)).currentInterviewStage!;
    const stages = await h.skima.ctx.ashby.client.interviewStage.list(current.interviewPlanId);
    const next = stages.find((s) => s.id !== app.stageId && s.type !== 'Archived')!;
    h.sandbox.control.setFaults({ dropWebhookRate: 1 });
    try {
      await h.skima.ctx.ashby.client.application.changeStage({ applicationId: app.id, interviewStageId: next.id });
      const caught = await pollAshby(h.skima.ctx);
      expect(caught.applications.enqueued).toBe(1);
      expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    } finally {
      h.sandbox.control.setFaults({ dropWebhookRate: 0 });
    }
    const stored = await h.skima.ctx.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(stored.stageId).toBe(next.id);
  });

  it('re-screens every application of a candidate whose resume changed, found by a full poll', async () => {
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    const { db } = h.skima.ctx;
    const app = await db.application.findFirstOrThrow({ where: { screeningState: 'scored' } });
    const candidate = await h.skima.ctx.ashby.client.candidate.info(app.candidateId);
    // As if Skima had last seen another resume: the poll must queue each of the candidate's applications.
    await db.candidate.update({ where: { id: app.candidateId }, data: { resumeFileHandle: 'an-earlier-resume' } });
    const polled = await pollAshby(h.skima.ctx, { full: true });
    expect(polled.applications.enqueued).toBe(0);
    expect(polled.candidates.enqueued).toBe(candidate.applicationIds.length);
    const stored = await db.candidate.findUniqueOrThrow({ where: { id: app.candidateId } });
    expect(stored.resumeFileHandle).toBe(candidate.resumeFileHandle?.handle);
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    // Seen once, settled: the next full pass queues nothing.
    expect((await pollAshby(h.skima.ctx, { full: true })).candidates.enqueued).toBe(0);
  });

  it('writes every application through a storm of 429s and 5xx, losing none', async () => {
    const job = await h.skima.ctx.db.job.findFirstOrThrow({ where: { status: 'Open' } });
    h.sandbox.control.setFaults({ rate429: 0.3, rate5xx: 0.2, retryAfterSeconds: 0 });
    const ids = Array.from({ length: 8 }, () => h.sandbox.control.submitApplication({ jobId: job.id }).applicationId);
    try {
      await waitFor(
        'every application to be written',
        () => ids.every((id) => writesFor(h.sandbox, 'customField.setValues', byApplication(id)).length > 0),
        60_000,
      );
    } finally {
      h.sandbox.control.setFaults({ rate429: 0, rate5xx: 0 });
    }
    expect(await waitForIdle(h.skima.ctx, 30_000)).toBe(true);
    // Each one screened: scored, or (for the sandbox's deliberately broken resumes) marked unreadable.
    const screened = await h.skima.ctx.db.application.count({ where: { id: { in: ids }, screeningState: { not: 'pending' } } });
    expect(screened).toBe(ids.length);
    expect(await h.skima.ctx.queue.listDead()).toEqual([]);
  });
});

describe('a new application during a long backfill', () => {
  it('is screened within seconds, ahead of the backlog', async () => {
    // One application at a time, and an Ashby that answers in 25 ms: 300 seeded applications take half a minute.
    const h = await startHarness('sqlite', { seed: 'large:300', env: { QUEUE_CONCURRENCY: '1' } });
    try {
      h.sandbox.control.setFaults({ latencyMs: 25 });
      await waitFor(
        'the backfill to be under way',
        () => writesFor(h.sandbox, 'customField.setValues', () => true).length >= 3,
        20_000,
      );
      const job = await h.skima.ctx.db.job.findFirstOrThrow({ where: { status: 'Open' } });
      const started = Date.now();
      const { applicationId } = h.sandbox.control.submitApplication({ jobId: job.id });
      await waitFor(
        'the new application to be written',
        () => writesFor(h.sandbox, 'customField.setValues', byApplication(applicationId))[0],
        10_000,
      );
      const elapsed = Date.now() - started;
      const waiting = await h.skima.ctx.db.application.count({ where: { screeningState: 'pending' } });
      const stats = await h.skima.ctx.queue.stats();
      // Hundreds still wait behind it: without priority it would have waited for all of them.
      expect((stats['application.process']?.queued ?? 0) + waiting).toBeGreaterThan(100);
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      h.sandbox.control.setFaults({ latencyMs: 0 });
      await h.close();
    }
  });
});

describe('the core loop on PostgreSQL', () => {
  it('backfills and writes back the same way', async () => {
    const h = await startHarness('postgresql');
    try {
      expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
      const apps = await h.skima.ctx.db.application.findMany();
      expect(apps.length).toBe(h.sandbox.control.summary().applications);
      expect(apps.filter((a) => a.screeningState === 'scored').length).toBeGreaterThan(0);
      expect(apps.every((a) => a.screeningState !== 'pending')).toBe(true);
      const readable = new Set(apps.filter((a) => a.screeningState === 'scored').map((a) => a.candidateId));
      expect(await poolSize(h.skima.ctx.db)).toBe(readable.size);
      // One write per application, no more.
      const perApp = new Map<string, number>();
      for (const w of h.sandbox.control.writes.filter((x) => x.endpoint === 'customField.setValues')) {
        const id = (w.body as { objectId: string }).objectId;
        perApp.set(id, (perApp.get(id) ?? 0) + 1);
      }
      expect(Object.fromEntries(perApp)).toEqual(Object.fromEntries(apps.map((a) => [a.id, 1])));
    } finally {
      await h.close();
    }
  });
});
