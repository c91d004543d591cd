// Decisions written back to Ashby, the note-and-PDF fallback, and candidate deletes and merges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/core/app.ts';
import { recordDecision, UnknownApplicationError } from '../../src/core/decisions.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

describe('decisions', () => {
  let h: SkimaHarness;
  let stageId: string;
  beforeAll(async () => {
    // The stage an Approve moves to: the second stage of the seeded plans.
    const probe = await startHarness('sqlite');
    const plans = [];
    for await (const p of probe.skima.ctx.ashby.client.interviewPlan.list()) plans.push(p);
    const stages = await probe.skima.ctx.ashby.client.interviewStage.list(plans[0]!.id);
    stageId = [...stages][1]!.id;
    await probe.close();
    h = await startHarness('sqlite', { env: { APPROVE_STAGE_ID: stageId } });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records an Approve with who, where and the ranking, and writes feedback, note and stage move once', async () => {
    const ctx = h.skima.ctx;
    const top = await ctx.db.shortlistEntry.findFirstOrThrow({ where: { rank: 1 }, include: { application: true } });
    const decision = await recordDecision(ctx, {
      jobId: top.jobId,
      applicationId: top.applicationId,
      reviewer: { id: 'user-dana', name: 'Dana Lee' },
      channel: 'slack',
      verdict: 'approve',
      note: 'Ready for phone screen',
    });
    expect(decision).toMatchObject({ verdict: 'approve', channel: 'slack', rankAtDecision: 1, followedRanking: true });
    const candidateId = top.application.candidateId;
    const note = await waitFor('the feedback note', () =>
      writesFor(h.sandbox, 'candidate.createNote', (b) => b.candidateId === candidateId)[0],
    );
    expect(JSON.stringify(note.body)).toContain('Skima Shortlist Feedback: 👍 Ready for phone screen - Dana Lee via Slack');
    await waitFor('the stage move', () =>
      writesFor(h.sandbox, 'application.changeStage', (b) => b.applicationId === top.applicationId)[0],
    );
    const fields = writesFor(h.sandbox, 'customField.setValues', (b) => b.objectId === top.applicationId);
    expect(JSON.stringify(fields.at(-1)?.body)).toContain('Ready for phone screen');
    expect(await waitForIdle(ctx, 20_000)).toBe(true);

    // The write-back job running again (a retry after a crash) writes nothing twice.
    const { writeBackDecision } = await import('../../src/core/decisions.ts');
    const { AshbyTargetsCache } = await import('../../src/core/ashby-fields.ts');
    await writeBackDecision(ctx, new AshbyTargetsCache(ctx.ashby.client, ctx.log), decision.id);
    expect(writesFor(h.sandbox, 'candidate.createNote', (b) => b.candidateId === candidateId)).toHaveLength(1);
    expect(writesFor(h.sandbox, 'application.changeStage', (b) => b.applicationId === top.applicationId)).toHaveLength(1);
    const audit = await ctx.db.auditEvent.findFirst({ where: { action: 'decision.recorded', subjectId: top.applicationId } });
    expect(audit).toMatchObject({ actor: 'user-dana' });
    expect(JSON.stringify(audit)).not.toContain('Dana Lee'); // the audit log holds no names
  });

  it('takes a skipped candidate off the shortlist, never archives, and refuses unknown applications', async () => {
    const ctx = h.skima.ctx;
    const second = await ctx.db.shortlistEntry.findFirstOrThrow({ where: { rank: 2 } });
    const decision = await recordDecision(ctx, {
      jobId: second.jobId,
      applicationId: second.applicationId,
      reviewer: { id: 'user-dana', name: 'Dana Lee' },
      channel: 'web',
      verdict: 'skip',
    });
    expect(decision.followedRanking).toBe(false); // it was ranked second
    const now = await ctx.db.shortlistEntry.findMany({ where: { jobId: second.jobId } });
    expect(now.map((e) => e.applicationId)).not.toContain(second.applicationId);
    expect(await waitForIdle(ctx, 20_000)).toBe(true);
    expect(writesFor(h.sandbox, 'application.changeStage', (b) => b.applicationId === second.applicationId)).toEqual([]);
    await expect(
      recordDecision(ctx, { jobId: second.jobId, applicationId: 'nope', reviewer: { id: 'u', name: 'U' }, channel: 'web', verdict: 'maybe' }),
    ).rejects.toBeInstanceOf(UnknownApplicationError);
  });
});

describe('when Ashby custom fields are unavailable', () => {
  it('falls back to a note and an evidence PDF, once each', async () => {
    // A key that may write candidates but not create custom fields or tags.
    const h = await startHarness('sqlite', {
      permissions: ['candidatesRead', 'candidatesWrite', 'jobsRead', 'hiringProcessMetadataRead', 'apiKeysWrite'],
    });
    try {
      expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
      const scored = await h.skima.ctx.db.application.findFirstOrThrow({ where: { screeningState: 'scored' } });
      const notes = writesFor(h.sandbox, 'candidate.createNote', (b) => b.candidateId === scored.candidateId);
      expect(notes).toHaveLength(1);
      expect(JSON.stringify(notes[0]!.body)).toMatch(/Skima Match Score: \d+\/100/);
      const uploads = writesFor(h.sandbox, 'candidate.uploadFile', (b) => b.candidateId === scored.candidateId);
      expect(uploads).toHaveLength(1);
      expect(writesFor(h.sandbox, 'customField.setValues', () => true)).toEqual([]);

      // Re-processing (Skima's own writes fire webhooks) writes neither again.
      await h.skima.ctx.queue.enqueue('application.process', { applicationId: scored.id });
      expect(await waitForIdle(h.skima.ctx, 20_000)).toBe(true);
      expect(writesFor(h.sandbox, 'candidate.createNote', (b) => b.candidateId === scored.candidateId)).toHaveLength(1);
      expect(writesFor(h.sandbox, 'candidate.uploadFile', (b) => b.candidateId === scored.candidateId)).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('candidate deletes and merges from Ashby', () => {
  it('purges a deleted candidate and re-keys a merged one', async () => {
    const h = await startHarness('sqlite');
    try {
      const ctx = h.skima.ctx;
      expect(await waitForIdle(ctx, 60_000)).toBe(true);
      const [a, b, c] = await ctx.db.candidate.findMany({ take: 3, orderBy: { id: 'asc' } });
      h.sandbox.control.deleteCandidate(a!.id);
      await waitFor('the purge', async () => (await ctx.db.candidate.count({ where: { id: a!.id } })) === 0);
      expect(await ctx.db.application.count({ where: { candidateId: a!.id } })).toBe(0);
      expect(await ctx.db.score.count({ where: { application: { candidateId: a!.id } } })).toBe(0);
      const purged = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'candidate.purged' } });
      expect(purged.subjectId).toBe(a!.id);

      const moved = await ctx.db.application.findMany({ where: { candidateId: b!.id }, select: { id: true } });
      h.sandbox.control.mergeCandidates(b!.id, c!.id);
      await waitFor('the merge', async () => (await ctx.db.candidate.count({ where: { id: b!.id } })) === 0);
      const after = await ctx.db.application.findMany({ where: { id: { in: moved.map((m) => m.id) } } });
      expect(after.every((x) => x.candidateId === c!.id)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
