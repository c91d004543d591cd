// Structured skip reasons against the Ashby sandbox, on both databases: the short list (Ashby's
// organisation rejections plus "Not a fit for the requirements"), stored with the decision, written to
// Ashby in the decision note, refused with another verdict, and counted in the digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AshbyTargetsCache } from '../../../src/core/ashby-link/ashby-fields.ts';
import { recordDecision, SkipReasonError, writeBackDecision } from '../../../src/core/decisions/decisions.ts';
import { REQUIREMENTS_SKIP_REASON, skipReasons, skipReasonsSoon } from '../../../src/core/decisions/skip-reasons.ts';
import { computeDigest, NO_REASON } from '../../../src/core/ops/digest.ts';
import { skipsByReasonLine } from '../../../src/bot/ports.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { type DispositionEnv, dispositionEnv } from '../disposition/sandbox-env.ts';

describe.each(DB_KINDS)('skip reasons on %s', (kind) => {
  let env: DispositionEnv;
  beforeAll(async () => {
    env = await dispositionEnv(kind, { add: 4, worker: false });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it('offers Ashby\'s own rejections that fit a skip, then "Not a fit for the requirements"', async () => {
    const list = await skipReasons(env.ctx);
    const ashby = (await env.ctx.ashby.client.archiveReason.list()).filter((r) => r.reasonType === 'RejectedByOrg' && !r.isArchived);
    expect(list).toEqual([...ashby.map((r) => ({ id: r.id, text: r.text })), REQUIREMENTS_SKIP_REASON]);
    expect(list.map((r) => r.text)).not.toContain('Withdrew'); // the candidate's doing, not a manager's skip
  });

  it('stores the reason with the skip, writes it to Ashby with the note, and counts it in the digest', async () => {
    const { ctx } = env;
    const [first, second, third, fourth] = env.added;
    const [reason] = await skipReasons(ctx);
    const reviewer = { id: env.managerOfA.id, name: env.managerOfA.name };
    const base = { jobId: env.jobA, reviewer, channel: 'web' as const, verdict: 'skip' as const };
    const d1 = await recordDecision(ctx, { ...base, applicationId: first!, skipReasonId: reason!.id, note: 'No people management' });
    await recordDecision(ctx, { ...base, applicationId: second!, skipReasonId: reason!.id });
    await recordDecision(ctx, { ...base, applicationId: third!, skipReasonId: REQUIREMENTS_SKIP_REASON.id });
    await recordDecision(ctx, { ...base, applicationId: fourth! });
    expect(d1.skipReason).toBe(reason!.text);

    await writeBackDecision(ctx, new AshbyTargetsCache(ctx.ashby.client, ctx.log), d1.id);
    const notes = writesFor(env.sandbox, 'candidate.createNote', () => true).map((w) => JSON.stringify(w.body));
    expect(notes.some((n) => n.includes(`Skima Shortlist Feedback: 👎 (${reason!.text}) No people management`))).toBe(true);

    const hour = 3_600_000;
    const digest = await computeDigest(ctx, { from: new Date(Date.now() - hour), to: new Date(Date.now() + hour) });
    expect(digest.skipsByReason).toEqual([
      { reason: reason!.text, count: 2 },
      { reason: REQUIREMENTS_SKIP_REASON.text, count: 1 },
      { reason: NO_REASON, count: 1 },
    ]);
    expect(skipsByReasonLine(digest)).toBe(`Skips by reason: ${reason!.text} 2 · Not a fit for the requirements 1 · no reason given 1`);
  });

  it('does not keep a page or a modal waiting on a slow Ashby: Skima\'s own reason alone, then the full list', async () => {
    const { ctx } = env;
    env.sandbox.control.setFaults({ latencyMs: 1_000 });
    const fresh = { ...ctx } as typeof ctx; // a context whose list is not cached yet
    try {
      const started = Date.now();
      expect(await skipReasonsSoon(fresh, 200)).toEqual([REQUIREMENTS_SKIP_REASON]);
      expect(Date.now() - started).toBeLessThan(900);
      // The read went on: once it lands, the full list is there.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await skipReasonsSoon(fresh, 200)).length).toBeGreaterThan(1);
    } finally {
      env.sandbox.control.setFaults({});
    }
  });

  it('refuses a reason with another verdict, and one not on the list: nothing stored', async () => {
    const { ctx } = env;
    const own = await ctx.db.application.findFirstOrThrow({ where: { jobId: env.jobA, id: { notIn: env.added } } });
    const reviewer = { id: env.managerOfA.id, name: env.managerOfA.name };
    const base = { jobId: env.jobA, applicationId: own.id, reviewer, channel: 'slack' as const };
    await expect(recordDecision(ctx, { ...base, verdict: 'approve', skipReasonId: REQUIREMENTS_SKIP_REASON.id })).rejects.toBeInstanceOf(SkipReasonError);
    await expect(recordDecision(ctx, { ...base, verdict: 'skip', skipReasonId: 'made-up' })).rejects.toBeInstanceOf(SkipReasonError);
    expect(await ctx.db.decision.count({ where: { applicationId: own.id } })).toBe(0);
  });
});
