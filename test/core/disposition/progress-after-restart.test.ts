// The final count of a batch started from chat reaches the message that shows its progress even when
// the process that started it is gone: the front door handed the core that message's ref; the worker
// that settles the last application queues the redraw; any process holding the front door draws it.
// Simulated on both databases: the batch is started and followed with no worker running and nobody
// polling (the starting process "died"), then the queue runs as a fresh process would run it.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatFrontDoor, DispositionStatus, Reviewer } from '../../../src/bot/ports.ts';
import { registerChatWorkers } from '../../../src/core/chat/chat-cards.ts';
import { CoreChatServices } from '../../../src/core/chat/chat-services.ts';
import { dispositionProgressQueue } from '../../../src/core/chat/disposition-progress.ts';
import { registerDispositionWorker } from '../../../src/core/disposition/index.ts';
import { Scheduler } from '../../../src/core/ops/scheduler.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { waitFor } from '../../helpers/wait.ts';
import { type DispositionEnv, dispositionEnv } from './sandbox-env.ts';

/** A front door that records the redraws the core asks of it (as Slack's or Teams' would draw them). */
function recordingDoor(): ChatFrontDoor & { drawn: Array<{ ref: unknown; status: DispositionStatus }> } {
  const drawn: Array<{ ref: unknown; status: DispositionStatus }> = [];
  return {
    channel: 'slack',
    routes: async () => {},
    path: '/slack/events',
    reachedBy: 'nowhere (test)',
    wantsDigest: false,
    deliverCard: async () => undefined,
    refreshCard: async () => undefined,
    postDigest: async () => {},
    checkSetup: async () => [],
    showDispositionProgress: async (ref, status) => void drawn.push({ ref, status }),
    drawn,
  };
}

describe.each(DB_KINDS)('a batch\'s final count after the process that started it is gone, on %s', (kind) => {
  let env: DispositionEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('reaches the chat message once, from the queue, with the count and why anything failed', async () => {
    env = await dispositionEnv(kind, { add: 3, worker: false });
    const { ctx, sandbox } = env;
    const door = recordingDoor();
    // "Process one": the confirmation starts the batch and hands over its DM; nothing works the queue.
    const services = new CoreChatServices(ctx, 'slack', () => null);
    const reviewer: Reviewer = { ashbyUserId: env.recruiter.id, name: env.recruiter.name, recruiter: true };
    const reason = (await ctx.ashby.client.archiveReason.list())[0]!;
    const ask = { reviewer, jobId: env.jobA, applicationIds: env.added, action: 'archive' as const, archiveReasonId: reason.id };
    const started = await services.startDisposition(ask, `U_RENEE-${randomUUID()}`);
    if ('refused' in started) throw new Error(started.refused);
    const ref = { channel: 'D_RENEE', ts: '1700000001.000001', action: 'archive' };
    const now = await services.followDisposition(reviewer, env.jobA, started.batchId, ref);
    expect(now).toMatchObject({ total: 3, queued: 3, finished: false });
    // Someone else's follow stores nothing and learns nothing.
    const other: Reviewer = { ...reviewer, ashbyUserId: env.managerOfA.id };
    expect(await services.followDisposition(other, env.jobA, started.batchId, { channel: 'D_X', ts: '1' })).toBeNull();
    // One of them moves in Ashby meanwhile: reported in the final count, not overwritten.
    const at = (await ctx.ashby.client.application.info(env.added[2]!)).currentInterviewStage!;
    const plan = await ctx.ashby.client.interviewStage.list(at.interviewPlanId);
    const elsewhere = plan.find((s) => s.type !== 'Archived' && s.id !== at.id)!;
    await ctx.ashby.client.application.changeStage({ applicationId: env.added[2]!, interviewStageId: elsewhere.id });
    expect(door.drawn).toEqual([]);

    // "Process two" starts: it holds the front door and works the queue; nobody polls.
    ctx.chat = [door];
    await registerDispositionWorker(ctx);
    await registerChatWorkers(ctx, new Scheduler(ctx.queue, ctx.log));
    await ctx.queue.start();
    const drawn = await waitFor('the final count drawn', () => door.drawn[0], 60_000);
    expect(drawn.ref).toEqual(ref);
    expect(drawn.status).toMatchObject({ total: 3, done: 2, failed: 1, queued: 0, finished: true, summary: '2 archived, 1 failed (of 3)' });
    expect(drawn.status.failures).toEqual([expect.stringContaining('Its stage changed in Ashby since you confirmed')]);
    expect(JSON.stringify(drawn.status)).not.toContain('Bulk Applicant');
    const moves = writesFor(sandbox, 'application.changeStage', (b) => env!.added.includes(b.applicationId as string) && 'archiveReasonId' in b);
    expect(moves).toHaveLength(2);
    // Three settled items, one redraw.
    await new Promise((r) => setTimeout(r, 300));
    expect(door.drawn).toHaveLength(1);
    expect(await ctx.db.queueJob.count({ where: { queue: dispositionProgressQueue('slack') } })).toBe(1);
  }, 120_000);

  it('a ref handed over after the batch already finished still gets the final count', async () => {
    env = await dispositionEnv(kind, { add: 1 });
    const { ctx } = env;
    const door = recordingDoor();
    ctx.chat = [door];
    await registerChatWorkers(ctx, new Scheduler(ctx.queue, ctx.log));
    const services = new CoreChatServices(ctx, 'slack', () => null);
    const reviewer: Reviewer = { ashbyUserId: env.recruiter.id, name: env.recruiter.name, recruiter: true };
    const stage = await services.dispositionChoices({ reviewer, jobId: env.jobA, applicationIds: env.added, action: 'advance' });
    expect(stage).not.toHaveProperty('refused');
    const started = await services.startDisposition({ reviewer, jobId: env.jobA, applicationIds: env.added, action: 'advance' }, randomUUID());
    if ('refused' in started) throw new Error(started.refused);
    await waitFor('the batch to finish', async () => (await services.dispositionStatus(reviewer, env!.jobA, started.batchId))?.finished || undefined, 60_000);
    expect(door.drawn).toEqual([]); // no ref yet: nothing to draw
    await services.followDisposition(reviewer, env.jobA, started.batchId, { channel: 'D_RENEE', ts: '2.2', action: 'advance' });
    const drawn = await waitFor('the final count drawn', () => door.drawn[0], 30_000);
    expect(drawn.status).toMatchObject({ total: 1, done: 1, finished: true, summary: '1 advanced (of 1)' });
  }, 120_000);
});
