// Requirements people correct, end to end on both databases: a version stored with who, where and
// when; the audit log's before and after; who may edit; the job's applications re-scored once in the
// background against the edited list, with write-back only where the result changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../../src/app.ts';
import {
  applicationsAwaitingRescore,
  MAY_NOT_EDIT,
  REQUIREMENTS_AUDIT_ACTION,
  REQUIREMENTS_RESCORE_QUEUE,
  RequirementEditError,
  RequirementsAccessError,
  RequirementsConflictError,
  requirementsForChat,
  requirementsPanel,
  saveJobRequirements,
  saveRequirementsFromChat,
} from '../../../src/core/requirements/index.ts';
import { buildShortlistCard } from '../../../src/core/shortlist/shortlist-card.ts';
import { hiringTeamOf } from '../../../src/core/people/hiring-team.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { type SkimaHarness, startHarness } from '../../helpers/skima.ts';

const RECRUITER = { id: 'u-recruiter', name: 'Rita Recruiter', recruiter: true };

describe.each(DB_KINDS)('job requirements edited on %s', (kind) => {
  let h: SkimaHarness;
  let jobId: string;
  /** A must-have that some scored applications of the job miss, and others meet. */
  let dropped: string;
  const scores = async () => {
    const apps = await h.skima.ctx.db.application.findMany({ where: { jobId, screeningState: 'scored' } });
    return new Map(apps.map((a) => [a.id, a.currentScore]));
  };
  const latestScore = (applicationId: string) =>
    h.skima.ctx.db.score.findFirstOrThrow({ where: { applicationId }, orderBy: { createdAt: 'desc' } });
  const scoreWrites = () => h.sandbox.control.writes.filter((w) => w.endpoint === 'customField.setValues');

  beforeAll(async () => {
    h = await startHarness(kind, { seed: 'small' });
    expect(await waitForIdle(h.skima.ctx, 120_000)).toBe(true);
    // The job whose applications miss a must-have most often.
    const scored = await h.skima.ctx.db.score.findMany({ include: { application: { select: { jobId: true } } } });
    const counts = new Map<string, number>();
    for (const s of scored) for (const m of s.missing as string[]) {
      const k = `${s.application.jobId}\u0000${m}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    [jobId, dropped] = best![0].split('\u0000') as [string, string];
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('refuses someone who is neither a recruiter nor the hiring manager, with a reason that names nothing', async () => {
    const db = h.skima.ctx.db;
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    const interviewer = { id: 'u-interviewer', name: 'Ivy Interviewer', recruiter: false };
    await db.job.update({
      where: { id: jobId },
      data: { hiringTeam: [...hiringTeamOf(job), { userId: interviewer.id, role: 'Interviewer', firstName: 'Ivy' }] as object[] },
    });
    const edit = [{ op: 'remove', label: dropped }];
    for (const editor of [interviewer, { id: 'u-stranger', name: 'S', recruiter: false }]) {
      await expect(saveJobRequirements(h.skima.ctx, { jobId, editor, channel: 'web', edits: edit })).rejects.toThrow(MAY_NOT_EDIT);
    }
    // An unknown job is refused with the same words.
    await expect(saveJobRequirements(h.skima.ctx, { jobId: 'no-such-job', editor: RECRUITER, channel: 'web', edits: edit }))
      .rejects.toBeInstanceOf(RequirementsAccessError);
    expect(await db.jobRequirementsVersion.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: REQUIREMENTS_AUDIT_ACTION } })).toBe(0);
  });

  it('refuses malformed edits with a message, storing nothing', async () => {
    await expect(saveJobRequirements(h.skima.ctx, { jobId, editor: RECRUITER, channel: 'cli', edits: [{ op: 'add', label: ' ' }] }))
      .rejects.toBeInstanceOf(RequirementEditError);
    expect(await h.skima.ctx.db.jobRequirementsVersion.count()).toBe(0);
  });

  it('removing a must-have stores version 1, audits it, and re-scores once: it leaves every missing list and raises those who lacked it', async () => {
    const ctx = h.skima.ctx;
    const before = await scores();
    const lacked = (await ctx.db.score.findMany({ where: { application: { jobId } } }))
      .filter((s) => (s.missing as string[]).includes(dropped)).map((s) => s.applicationId);
    expect(lacked.length).toBeGreaterThan(0);
    const writesBefore = scoreWrites().length;

    const team = hiringTeamOf(await ctx.db.job.findUniqueOrThrow({ where: { id: jobId } }));
    const hm = team.find((m) => /hiring manager/i.test(m.role))!;
    const manager = { id: hm.userId, name: 'The Manager', recruiter: false };
    const input = { jobId, editor: manager, channel: 'slack' as const, edits: [{ op: 'remove', label: dropped }], baseVersion: 0 };
    const first = await saveJobRequirements(ctx, input);
    const again = await saveJobRequirements(ctx, input); // a double click
    const change = { label: dropped, before: expect.stringMatching(/must|essential/), after: 'absent' };
    expect(first).toMatchObject({ version: 1, created: true, changes: [change] });
    expect(again).toMatchObject({ version: 1, created: false });

    const stored = await ctx.db.jobRequirementsVersion.findMany({ where: { jobId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 1, actorId: hm.userId, actorName: 'The Manager', channel: 'slack', edits: [{ op: 'remove', label: dropped }] });
    const job = await ctx.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(stored[0]!.descriptionHash).toBe(job.descriptionHash);
    const audits = await ctx.db.auditEvent.findMany({ where: { action: REQUIREMENTS_AUDIT_ACTION } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: hm.userId, subjectType: 'job', subjectId: jobId });
    expect(audits[0]!.detail).toMatchObject({ version: 1, channel: 'slack', requirement: dropped, after: 'absent' });
    const rescoreJobs = Object.values((await ctx.queue.stats())[REQUIREMENTS_RESCORE_QUEUE] ?? {});
    expect(rescoreJobs.reduce((a, b) => a + (b ?? 0), 0)).toBe(1);

    expect(await waitForIdle(ctx, 120_000)).toBe(true);
    expect(await applicationsAwaitingRescore(ctx.db, jobId)).toBe(0);
    const after = await scores();
    let raised = 0;
    for (const id of lacked) {
      const latest = await latestScore(id);
      expect(latest.missing as string[]).not.toContain(dropped);
      // A resume that shows little of anything may stay where it was; none goes down.
      expect(after.get(id)!).toBeGreaterThanOrEqual(before.get(id)!);
      if (after.get(id)! > before.get(id)!) raised++;
    }
    expect(raised).toBeGreaterThan(0);
    // Every application of the job was scored once against the edited list.
    for (const id of after.keys()) {
      expect(await ctx.db.score.count({ where: { applicationId: id, jdHash: { not: job.descriptionHash! } } })).toBe(1);
    }
    // Written back where the result changed, and only there.
    const newWrites = scoreWrites().slice(writesBefore);
    const written = new Set(newWrites.map((w) => (w.body as { objectId: string }).objectId));
    for (const id of lacked) expect(written.has(id)).toBe(true);
    for (const id of after.keys()) {
      const all = await ctx.db.score.findMany({ where: { applicationId: id }, orderBy: { createdAt: 'asc' } });
      const [old, now] = [all[0]!, all.at(-1)!];
      const same = old.score === now.score && JSON.stringify(old.reasons) === JSON.stringify(now.reasons)
        && JSON.stringify(old.missing) === JSON.stringify(now.missing);
      if (same) expect(written.has(id)).toBe(false);
    }

    const panel = (await requirementsPanel(ctx.db, jobId))!;
    expect(panel).toMatchObject({ version: 1, rescoring: 0, notApplying: [], lastEdit: { by: 'The Manager', channel: 'slack' } });
    expect(panel.requirements.map((r) => r.label)).not.toContain(dropped);
  }, 180_000);

  it('adding a must-have makes version 2 and lowers those without it; a save over an older version is refused', async () => {
    const ctx = h.skima.ctx;
    const before = await scores();
    const edits = [{ op: 'remove', label: dropped }, { op: 'add', label: 'Kubernetes', mustHave: true }];
    await expect(saveJobRequirements(ctx, { jobId, editor: RECRUITER, channel: 'web', edits, baseVersion: 0 }))
      .rejects.toBeInstanceOf(RequirementsConflictError);
    const saved = await saveJobRequirements(ctx, { jobId, editor: RECRUITER, channel: 'web', edits, baseVersion: 1 });
    expect(saved).toMatchObject({ version: 2, created: true, changes: [{ label: 'Kubernetes', before: 'absent', after: 'must' }] });
    expect(await waitForIdle(ctx, 120_000)).toBe(true);
    const after = await scores();
    let lowered = 0;
    for (const id of after.keys()) {
      const latest = await latestScore(id);
      if ((latest.missing as string[]).includes('Kubernetes')) {
        expect(after.get(id)!).toBeLessThanOrEqual(before.get(id)!);
        if (after.get(id)! < before.get(id)!) lowered++;
      }
    }
    expect(lowered).toBeGreaterThan(0);
    const panel = (await requirementsPanel(ctx.db, jobId))!;
    expect(panel.version).toBe(2);
    expect(panel.requirements.at(-1)).toMatchObject({ label: 'Kubernetes', mustHave: true, rule: 'edited', edited: true });
  }, 180_000);

  it('serves chat front doors the same rows and saves through the same path; cards carry the requirements', async () => {
    const ctx = h.skima.ctx;
    const stranger = { ashbyUserId: 'u-stranger', name: 'S', recruiter: false };
    expect(await requirementsForChat(ctx, jobId, stranger)).toEqual({ refused: MAY_NOT_EDIT });
    const recruiter = { ashbyUserId: RECRUITER.id, name: RECRUITER.name, recruiter: true };
    const form = await requirementsForChat(ctx, jobId, recruiter);
    if ('refused' in form) throw new Error(form.refused);
    expect(form.version).toBe(2);
    expect(form.rows.find((r) => r.label === dropped)).toMatchObject({ status: 'remove', added: false });
    expect(form.rows.find((r) => r.label === 'Kubernetes')).toMatchObject({ status: 'must', added: true });
    // Unchanged rows are a double save: nothing stored.
    const rows = form.rows.map(({ label, status }) => ({ label, status }));
    expect(await saveRequirementsFromChat(ctx, 'slack', { jobId, reviewer: recruiter, version: 2, rows }))
      .toEqual({ ok: true, version: 2, created: false });
    expect(await saveRequirementsFromChat(ctx, 'slack', { jobId, reviewer: stranger, version: 2, rows }))
      .toEqual({ ok: false, message: MAY_NOT_EDIT });
    const card = await buildShortlistCard(ctx.db, jobId, { redact: false });
    expect(card.requirements?.find((r) => r.label === 'Kubernetes')).toEqual(
      { label: 'Kubernetes', mustHave: true, essential: false, rule: 'edited', edited: true },
    );
    expect(card.requirements?.map((r) => r.label)).not.toContain(dropped);
  });

  it('keeps the edits that still apply when the description changes in Ashby, and says which no longer match', async () => {
    const ctx = h.skima.ctx;
    const job = await ctx.db.job.findUniqueOrThrow({ where: { id: jobId } });
    // The dropped requirement's line is gone from the new description.
    const text = job.descriptionText!.split('\n').filter((l) => !l.includes(dropped)).join('\n');
    await ctx.db.job.update({ where: { id: jobId }, data: { descriptionText: text, descriptionHash: 'changed' } });
    const panel = (await requirementsPanel(ctx.db, jobId))!;
    expect(panel.notApplying).toEqual([dropped]);
    expect(panel.requirements.find((r) => r.label === 'Kubernetes')).toMatchObject({ mustHave: true, edited: true });
  });
});
