// Advance and archive against the Ashby sandbox, on both databases: one confirmation, one queued job
// per application, Ashby's rules, roles, and the audit log.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DispositionProgress,
  dispositionProgress,
  DispositionRequestError,
  prepareDisposition,
  startDisposition,
} from '../../../src/core/disposition/index.ts';
import { ARCHIVE_NEEDS_RECRUITER, NOT_ON_TEAM, UNKNOWN_APPLICATION } from '../../../src/core/disposition/roles.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { waitFor } from '../../helpers/wait.ts';
import { type DispositionEnv, dispositionEnv } from './sandbox-env.ts';

async function finished(env: DispositionEnv, batchId: string): Promise<DispositionProgress> {
  return waitFor(`batch ${batchId} to finish`, async () => {
    const p = await dispositionProgress(env.ctx.db, batchId);
    return p?.finished ? p : undefined;
  }, 60_000);
}

describe.each(DB_KINDS)('dispositions against the sandbox on %s', (kind) => {
  let env: DispositionEnv;
  let reasonText: string;
  beforeAll(async () => {
    env = await dispositionEnv(kind, { add: 50 });
    reasonText = (await env.ctx.ashby.client.archiveReason.list())[0]!.text;
    // Ten of them on the shortlist, so the audit log has a rank to record.
    await env.ctx.db.shortlistEntry.createMany({
      data: env.added.slice(0, 10).map((applicationId, i) => ({
        jobId: env.jobA,
        applicationId,
        rank: i + 1,
        score: 90 - i,
      })),
    });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const archivedAudit = async (batchId?: string) =>
    (await env.ctx.db.auditEvent.findMany({ where: { action: 'application.archived' } })).filter(
      (e) => batchId === undefined || (e.detail as { batchId?: string }).batchId === batchId,
    );

  it('archives 50 applications with one reason after one confirmation: 50 stage changes, 50 audit entries', async () => {
    const plan = await prepareDisposition(env.ctx, {
      action: 'archive',
      applicationIds: env.added,
      archiveReasonId: reasonText.toUpperCase(), // by its text, in any case
      actor: env.recruiter,
      channel: 'web',
      jobId: env.jobA,
    });
    expect(plan.items).toHaveLength(50);
    expect(plan.refused).toEqual([]);
    expect(plan.question).toBe(`Archive 50 applications with reason "${reasonText}"?`);
    // Nothing happens before the confirmation.
    expect(writesFor(env.sandbox, 'application.changeStage', () => true)).toEqual([]);

    const key = randomUUID();
    const started = await startDisposition(env.ctx, plan, key);
    expect(started).toEqual({ batchId: key, created: true });
    // The same confirmation submitted twice (a double click) starts nothing more.
    expect(await startDisposition(env.ctx, plan, key)).toEqual({ batchId: key, created: false });

    const progress = await finished(env, key);
    expect(progress).toMatchObject({ total: 50, done: 50, unchanged: 0, failed: 0, queued: 0 });
    const moves = writesFor(env.sandbox, 'application.changeStage', (b) => env.added.includes(b.applicationId as string));
    expect(moves).toHaveLength(50);
    expect(new Set(moves.map((m) => (m.body as { archiveReasonId: string }).archiveReasonId)).size).toBe(1);
    for (const m of moves) expect(m.body).not.toHaveProperty('archiveEmail'); // no email unless one was picked

    const entries = await archivedAudit(key);
    expect(entries).toHaveLength(50);
    expect(new Set(entries.map((e) => e.subjectId))).toEqual(new Set(env.added));
    for (const e of entries) expect(e.actor).toBe(env.recruiter.id);
    const ranks = entries.map((e) => (e.detail as { rank: number | null }).rank).filter((r) => r !== null);
    expect(ranks.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(JSON.stringify(entries)).not.toContain('Bulk Applicant'); // no names in the audit log
    const confirmations = await env.ctx.db.auditEvent.findMany({ where: { action: 'disposition.confirmed', subjectId: key } });
    expect(confirmations).toHaveLength(1);

    for (const id of env.added.slice(0, 3)) {
      expect((await env.ctx.ashby.client.application.info(id)).status).toBe('Archived');
    }
  });

  it('a repeated bulk archive changes nothing in Ashby and adds no audit entry', async () => {
    const before = writesFor(env.sandbox, 'application.changeStage', () => true).length;
    const auditBefore = (await archivedAudit()).length;
    const plan = await prepareDisposition(env.ctx, {
      action: 'archive',
      applicationIds: env.added,
      archiveReasonId: reasonText,
      actor: env.recruiter,
      channel: 'cli',
    });
    const { batchId } = await startDisposition(env.ctx, plan, randomUUID());
    const progress = await finished(env, batchId);
    expect(progress).toMatchObject({ total: 50, done: 0, unchanged: 50, failed: 0 });
    expect(writesFor(env.sandbox, 'application.changeStage', () => true)).toHaveLength(before);
    expect(await archivedAudit()).toHaveLength(auditBefore);
  });

  it('refuses a hiring manager on another job, and an archive to a hiring manager, leaking nothing', async () => {
    const other = await env.ctx.db.application.findFirstOrThrow({ where: { jobId: env.jobB, status: 'Active' } });
    const plan = await prepareDisposition(env.ctx, {
      action: 'advance',
      applicationIds: [other.id],
      actor: env.managerOfA,
      channel: 'slack',
    });
    expect(plan.items).toEqual([]);
    expect(plan.refused).toEqual([{ applicationId: other.id, why: NOT_ON_TEAM }]);
    await expect(startDisposition(env.ctx, plan, randomUUID())).rejects.toBeInstanceOf(DispositionRequestError);
    const job = await env.ctx.db.job.findUniqueOrThrow({ where: { id: env.jobB } });
    expect(NOT_ON_TEAM).not.toContain(job.title);

    const own = await env.ctx.db.application.findFirstOrThrow({
      where: { jobId: env.jobA, status: 'Active', id: { notIn: env.added } },
    });
    const archive = await prepareDisposition(env.ctx, {
      action: 'archive',
      applicationIds: [own.id],
      archiveReasonId: reasonText,
      actor: env.managerOfA,
      channel: 'slack',
    });
    expect(archive.refused).toEqual([{ applicationId: own.id, why: ARCHIVE_NEEDS_RECRUITER }]);
    // Named from job A's card or page, an application of job B is refused even to a recruiter, by the
    // decisions entry point's check, with the same words as any refusal; an unknown one says so.
    const smuggled = await prepareDisposition(env.ctx, {
      action: 'advance',
      applicationIds: [other.id, 'no-such-application'],
      actor: env.recruiter,
      channel: 'web',
      jobId: env.jobA,
    });
    expect(smuggled.items).toEqual([]);
    expect(smuggled.refused).toEqual([
      { applicationId: other.id, why: NOT_ON_TEAM },
      { applicationId: 'no-such-application', why: UNKNOWN_APPLICATION },
    ]);
    expect(writesFor(env.sandbox, 'application.changeStage', (b) => b.applicationId === other.id)).toEqual([]);
  });

  it('with HIRING_MANAGERS_MAY_ARCHIVE=on a hiring manager archives their own job\'s application, and still not another job\'s', async () => {
    const own = await env.ctx.db.application.findFirstOrThrow({
      where: { jobId: env.jobA, status: 'Active', id: { notIn: env.added } },
      orderBy: { id: 'desc' },
    });
    const other = await env.ctx.db.application.findFirstOrThrow({ where: { jobId: env.jobB, status: 'Active' } });
    env.ctx.config.hiringManagersMayArchive = true;
    try {
      const plan = await prepareDisposition(env.ctx, {
        action: 'archive',
        applicationIds: [own.id, other.id],
        archiveReasonId: reasonText,
        actor: env.managerOfA,
        channel: 'slack',
      });
      expect(plan.items.map((i) => i.applicationId)).toEqual([own.id]);
      expect(plan.refused).toEqual([{ applicationId: other.id, why: NOT_ON_TEAM }]);
      const { batchId } = await startDisposition(env.ctx, plan, randomUUID());
      expect(await finished(env, batchId)).toMatchObject({ done: 1, failed: 0 });
    } finally {
      env.ctx.config.hiringManagersMayArchive = false;
    }
    expect((await env.ctx.ashby.client.application.info(own.id)).status).toBe('Archived');
    const entry = await env.ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'application.archived', subjectId: own.id } });
    expect(entry.actor).toBe(env.managerOfA.id);
    expect(writesFor(env.sandbox, 'application.changeStage', (b) => b.applicationId === other.id)).toEqual([]);
  });

  it('a hiring manager advances their own job\'s application to the next stage of its plan', async () => {
    const own = await env.ctx.db.application.findFirstOrThrow({
      where: { jobId: env.jobA, status: 'Active', id: { notIn: env.added } },
    });
    const before = await env.ctx.ashby.client.application.info(own.id);
    const stages = await env.ctx.ashby.client.interviewStage.list(before.currentInterviewStage!.interviewPlanId);
    const ordered = [...stages].sort((a, b) => a.orderInInterviewPlan - b.orderInInterviewPlan);
    const expected = ordered[ordered.findIndex((s) => s.id === before.currentInterviewStage!.id) + 1]!;
    const plan = await prepareDisposition(env.ctx, {
      action: 'advance',
      applicationIds: [own.id],
      actor: env.managerOfA,
      channel: 'slack',
    });
    expect(plan.question).toBe('Advance 1 application to the next stage of their interview plan?');
    const { batchId } = await startDisposition(env.ctx, plan, randomUUID());
    expect(await finished(env, batchId)).toMatchObject({ done: 1 });
    expect((await env.ctx.ashby.client.application.info(own.id)).currentInterviewStage?.id).toBe(expected.id);
    const entry = await env.ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'application.advanced', subjectId: own.id } });
    expect(entry.actor).toBe(env.managerOfA.id);
    expect(entry.detail).toMatchObject({ stageId: expected.id, fromStageId: before.currentInterviewStage!.id, channel: 'slack' });
  });

  it('reports a stage changed in Ashby since the confirmation, and leaves it as it is', async () => {
    const candidates = await env.ctx.db.application.findMany({
      where: { jobId: env.jobB, status: 'Active' },
      take: 2,
      orderBy: { id: 'asc' },
    });
    const [moved, untouched] = candidates;
    const plan = await prepareDisposition(env.ctx, {
      action: 'advance',
      applicationIds: [moved!.id, untouched!.id],
      actor: env.recruiter,
      channel: 'web',
    });
    // Someone moves one of them in Ashby after Skima showed it and before the job runs.
    const info = await env.ctx.ashby.client.application.info(moved!.id);
    const stages = await env.ctx.ashby.client.interviewStage.list(info.currentInterviewStage!.interviewPlanId);
    const ordered = [...stages].sort((a, b) => a.orderInInterviewPlan - b.orderInInterviewPlan);
    const next = ordered[ordered.findIndex((s) => s.id === info.currentInterviewStage!.id) + 1]!;
    // Not the stage the advance aims at (that would leave nothing to report): somewhere else.
    const elsewhere = ordered.find((s) => s.type === 'Active' && s.id !== info.currentInterviewStage!.id && s.id !== next.id)!;
    await env.ctx.ashby.client.application.changeStage({ applicationId: moved!.id, interviewStageId: elsewhere.id });

    const { batchId } = await startDisposition(env.ctx, plan, randomUUID());
    const progress = await finished(env, batchId);
    expect(progress).toMatchObject({ done: 1, failed: 1 });
    expect(progress.failures).toEqual([
      { applicationId: moved!.id, why: `Its stage changed in Ashby since you confirmed (now "${elsewhere.title}"); left as it is.` },
    ]);
    expect((await env.ctx.ashby.client.application.info(moved!.id)).currentInterviewStage?.id).toBe(elsewhere.id);
  });

  it('refuses a chosen stage outside the application\'s plan, and reports Ashby\'s refusal of an email template', async () => {
    const app = await env.ctx.db.application.findFirstOrThrow({
      where: { jobId: env.jobB, status: 'Active' },
      orderBy: { id: 'desc' },
    });
    const info = await env.ctx.ashby.client.application.info(app.id);
    const plans = [];
    for await (const p of env.ctx.ashby.client.interviewPlan.list()) plans.push(p);
    const otherPlan = plans.find((p) => p.id !== info.currentInterviewStage!.interviewPlanId)!;
    const foreign = (await env.ctx.ashby.client.interviewStage.list(otherPlan.id)).find((s) => s.type === 'Active')!;
    const plan = await prepareDisposition(env.ctx, {
      action: 'advance',
      applicationIds: [app.id],
      stageId: foreign.id,
      actor: env.recruiter,
      channel: 'cli',
    });
    const { batchId } = await startDisposition(env.ctx, plan, randomUUID());
    expect((await finished(env, batchId)).failures).toEqual([
      { applicationId: app.id, why: 'The stage chosen is not part of this application\'s interview plan.' },
    ]);

    const withEmail = await prepareDisposition(env.ctx, {
      action: 'archive',
      applicationIds: [app.id],
      archiveReasonId: reasonText,
      emailTemplateId: 'template-that-ashby-does-not-have',
      actor: env.recruiter,
      channel: 'cli',
    });
    expect(withEmail.question).toContain('and send the rejection email you picked');
    const second = await startDisposition(env.ctx, withEmail, randomUUID());
    expect((await finished(env, second.batchId)).failures).toEqual([
      { applicationId: app.id, why: 'Ashby refused it (communication_template_not_found).' },
    ]);
    expect((await env.ctx.ashby.client.application.info(app.id)).status).toBe('Active');

    // A template Ashby has (communicationTemplate.list) goes out with the archive, and only then.
    const [template] = await env.ctx.ashby.client.communicationTemplate.list();
    const picked = await prepareDisposition(env.ctx, { ...withEmail.request, emailTemplateId: template!.id });
    const third = await startDisposition(env.ctx, picked, randomUUID());
    expect(await finished(env, third.batchId)).toMatchObject({ done: 1, failed: 0 });
    const move = writesFor(env.sandbox, 'application.changeStage', (b) => b.applicationId === app.id).at(-1)!;
    expect(move.body).toMatchObject({ archiveEmail: { communicationTemplateId: template!.id } });
  });

  it('an archive without a reason, or with one Ashby does not have, is refused before anything starts', async () => {
    const base = { action: 'archive' as const, applicationIds: [env.added[0]!], actor: env.recruiter, channel: 'cli' as const };
    await expect(prepareDisposition(env.ctx, base)).rejects.toThrow(/An archive needs a reason; pick one of: "/);
    await expect(prepareDisposition(env.ctx, { ...base, archiveReasonId: 'Because' })).rejects.toThrow(
      /Ashby has no archive reason "Because"/,
    );
  });
});
