// One contract, every queue implementation, real databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../../src/core/queue/types.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';
import { QUEUE_DRIVERS, type QueueHarness } from './drivers.ts';

let counter = 0;
const uniqueQueue = () => `contract-${process.pid}-${++counter}`;

describe.each(QUEUE_DRIVERS)('$name', (driver) => {
  let harness: QueueHarness;
  beforeAll(async () => {
    harness = await driver.setup();
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  async function completed(q: JobQueue, id: string, timeoutMs = 15_000) {
    return waitFor(`job ${id} to complete`, async () => (await q.getJob(id))?.state === 'completed', timeoutMs);
  }

  it('delivers a job once with its payload and records it completed', async () => {
    const q = harness.make();
    const name = uniqueQueue();
    const seen: { payload: unknown; attempt: number }[] = [];
    await q.work(name, async (payload, ctx) => {
      seen.push({ payload, attempt: ctx.attempt });
    });
    await q.start();
    const { id, created } = await q.enqueue(name, { applicationId: 'app-1', n: 1 });
    expect(created).toBe(true);
    await completed(q, id);
    expect(seen).toEqual([{ payload: { applicationId: 'app-1', n: 1 }, attempt: 1 }]);
    const job = await q.getJob(id);
    expect(job).toMatchObject({ state: 'completed', attempts: 1, queue: name });
    await q.stop();
  });

  it('turns a second enqueue with the same idempotency key into the first job', async () => {
    const q = harness.make();
    const name = uniqueQueue();
    let runs = 0;
    await q.work(name, async () => {
      runs++;
    });
    const first = await q.enqueue(name, { v: 1 }, { idempotencyKey: 'webhook-abc' });
    const second = await q.enqueue(name, { v: 2 }, { idempotencyKey: 'webhook-abc' });
    expect(second).toEqual({ id: first.id, created: false });
    const other = await q.enqueue(name, { v: 3 }, { idempotencyKey: 'webhook-def' });
    expect(other.created).toBe(true);
    await q.start();
    await completed(q, first.id);
    await completed(q, other.id);
    // Even after completion the key still names the same job: a late duplicate does nothing.
    expect(await q.enqueue(name, { v: 4 }, { idempotencyKey: 'webhook-abc' })).toEqual({
      id: first.id,
      created: false,
    });
    await sleep(300);
    expect(runs).toBe(2);
    await q.stop();
  });

  it('retries a failing job with growing delays and then completes it', async () => {
    const q = harness.make();
    const name = uniqueQueue();
    const startedAt: number[] = [];
    await q.work(name, async (_payload, ctx) => {
      startedAt.push(Date.now());
      if (ctx.attempt < 3) throw new Error(`transient failure ${ctx.attempt}`);
    });
    await q.start();
    const { id } = await q.enqueue(name, {}, { maxAttempts: 5 });
    await completed(q, id, 30_000);
    expect(startedAt).toHaveLength(3);
    const base = driver.fast.backoffBaseMs!;
    const gap1 = startedAt[1]! - startedAt[0]!;
    const gap2 = startedAt[2]! - startedAt[1]!;
    expect(gap1).toBeGreaterThanOrEqual(base * 0.9);
    expect(gap2).toBeGreaterThanOrEqual(base * 2 * 0.9);
    expect(await q.getJob(id)).toMatchObject({ state: 'completed', attempts: 3 });
    await q.stop();
  });

  it('dead-letters a job after its last attempt, keeps it visible, and can retry it', async () => {
    const q = harness.make();
    const name = uniqueQueue();
    let fail = true;
    let runs = 0;
    await q.work(name, async () => {
      runs++;
      if (fail) throw new Error('Ashby said no');
    });
    await q.start();
    const { id } = await q.enqueue(name, { x: 1 }, { maxAttempts: 2 });
    const dead = await waitFor('dead letter', async () => (await q.listDead(name)).find((j) => j.id === id), 30_000);
    expect(dead).toMatchObject({ state: 'dead', attempts: 2, maxAttempts: 2, payload: { x: 1 } });
    expect(dead.lastError).toContain('Ashby said no');
    expect(runs).toBe(2);
    expect((await q.stats())[name]).toMatchObject({ dead: 1 });

    fail = false;
    expect(await q.retryDead(id)).toBe(true);
    expect(await q.retryDead(id)).toBe(false);
    await completed(q, id, 30_000);
    expect(runs).toBe(3);
    await q.stop();
  });

  it('holds a delayed job until its time', async () => {
    const q = harness.make();
    const name = uniqueQueue();
    let ranAt = 0;
    await q.work(name, async () => {
      ranAt = Date.now();
    });
    await q.start();
    const enqueuedAt = Date.now();
    const { id } = await q.enqueue(name, {}, { runAt: new Date(enqueuedAt + 2_000) });
    await sleep(1_000);
    expect((await q.getJob(id))?.state).toBe('queued');
    await completed(q, id);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(1_900);
  });

  it('keeps one waiting job per singleton key, across instances', async () => {
    const a = harness.make();
    const b = harness.make();
    const name = uniqueQueue();
    const first = await a.enqueue(name, { tick: 1 }, { singletonKey: 'poll:applications' });
    const second = await b.enqueue(name, { tick: 2 }, { singletonKey: 'poll:applications' });
    const third = await a.enqueue(name, { tick: 3 }, { singletonKey: 'poll:applications' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(third).toEqual({ id: first.id, created: false });
    const runs: unknown[] = [];
    await a.work(name, async (payload) => {
      runs.push(payload);
    });
    await a.start();
    await completed(a, first.id);
    // Once the run has started, the next tick may queue the next run.
    const next = await b.enqueue(name, { tick: 4 }, { singletonKey: 'poll:applications' });
    expect(next.created).toBe(true);
    await completed(a, next.id);
    expect(runs).toEqual([{ tick: 1 }, { tick: 4 }]);
    await a.stop();
  });

  it('runs due jobs by priority, then oldest first, and raises a waiting singleton asked for with more', async () => {
    const q = harness.make({ concurrency: 1 });
    const name = uniqueQueue();
    const runs: string[] = [];
    await q.work(name, async (payload) => {
      runs.push((payload as { app: string }).app);
    });
    // A backfill queued five; then a live event arrives for a new application and for the fourth.
    const backfill = [];
    for (const app of ['b1', 'b2', 'b3', 'b4', 'b5']) backfill.push(await q.enqueue(name, { app }, { singletonKey: app }));
    const live = await q.enqueue(name, { app: 'new' }, { singletonKey: 'new', priority: 10 });
    const raised = await q.enqueue(name, { app: 'b4' }, { singletonKey: 'b4', priority: 10 });
    expect(raised).toEqual({ id: backfill[3]!.id, created: false });
    // Asking again with less never lowers it.
    expect((await q.enqueue(name, { app: 'new' }, { singletonKey: 'new' })).id).toBe(live.id);
    await q.start();
    await completed(q, backfill[4]!.id);
    expect(runs).toEqual(['b4', 'new', 'b1', 'b2', 'b3', 'b5']); // b4 and new share a priority: b4 is older
    await q.stop();
  });

  it('enqueues many at once exactly as one by one: taken keys give the existing job, new ones run once', async () => {
    const q = harness.make({ concurrency: 1 });
    const name = uniqueQueue();
    const runs: string[] = [];
    await q.work(name, async (payload) => {
      runs.push((payload as { app: string }).app);
    });
    const webhook = await q.enqueue(name, { app: 'webhook' }, { idempotencyKey: 'delivery-1' });
    const early = await q.enqueue(name, { app: 'early' }, { singletonKey: 'early' });
    const waiting = await q.enqueue(name, { app: 'waiting' }, { singletonKey: 'waiting' });
    const results = await q.enqueueMany(name, [
      { payload: { app: 'plain' } },
      { payload: { app: 'webhook again' }, options: { idempotencyKey: 'delivery-1' } },
      { payload: { app: 'keyed' }, options: { idempotencyKey: 'delivery-2' } },
      { payload: { app: 'keyed twice' }, options: { idempotencyKey: 'delivery-2' } },
      { payload: { app: 'waiting, now urgent' }, options: { singletonKey: 'waiting', priority: 10 } },
      { payload: { app: 'one' }, options: { singletonKey: 'one' } },
      { payload: { app: 'one again' }, options: { singletonKey: 'one' } },
      { payload: { app: 'later' }, options: { runAt: new Date(Date.now() + 60_000) } },
    ]);
    expect(results.map((r) => r.created)).toEqual([true, false, true, false, false, true, false, true]);
    expect(results[1]!.id).toBe(webhook.id);
    expect(results[3]!.id).toBe(results[2]!.id);
    expect(results[4]!.id).toBe(waiting.id);
    expect(results[6]!.id).toBe(results[5]!.id);
    expect(new Set(results.map((r) => r.id)).size).toBe(6);
    expect(await q.enqueueMany(name, [])).toEqual([]);
    await q.start();
    for (const id of [webhook.id, early.id, waiting.id, results[0]!.id, results[2]!.id, results[5]!.id]) {
      await completed(q, id);
    }
    // The waiting job was raised ahead of an older one; each job ran once, with its first payload.
    expect(runs.indexOf('waiting')).toBeLessThan(runs.indexOf('early'));
    expect(runs.toSorted()).toEqual(['early', 'keyed', 'one', 'plain', 'waiting', 'webhook']);
    expect((await q.getJob(results[7]!.id))?.state).toBe('queued');
    await q.stop();
  });

  it('tells whether jobs of some queues wait or run, whatever the other queues hold', async () => {
    const q = harness.make({ concurrency: 1, maxAttempts: 1 });
    const [name, keyed, other] = [uniqueQueue(), uniqueQueue(), uniqueQueue()];
    expect(await q.hasWork([name, keyed])).toBe(false);
    await q.enqueue(other, { n: 0 });
    expect(await q.hasWork([name, keyed])).toBe(false);
    const later = await q.enqueue(keyed, { n: 1 }, { singletonKey: 'k', runAt: new Date(Date.now() + 60_000) });
    expect(await q.hasWork([name, keyed])).toBe(true); // waiting, though not yet due
    expect(await q.hasWork([name])).toBe(false);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await q.work(name, async (payload) => {
      if ((payload as { n: number }).n === 2) await held;
      else throw new Error('fails for good');
    });
    await q.start();
    const running = await q.enqueue(name, { n: 2 });
    await waitFor('the job to run', async () => (await q.getJob(running.id))?.state === 'running');
    expect(await q.hasWork([name])).toBe(true); // running
    release();
    await completed(q, running.id);
    const failing = await q.enqueue(name, { n: 3 });
    await waitFor('the job to die', async () => (await q.getJob(failing.id))?.state === 'dead', 15_000);
    expect(await q.hasWork([name])).toBe(false); // completed and dead jobs are no work
    expect((await q.getJob(later.id))?.state).toBe('queued');
    await q.stop();
  });

  it('never runs two jobs with the same singleton key at once, and queues one behind the running one', async () => {
    const q = harness.make({ concurrency: 4 });
    const name = uniqueQueue();
    let running = 0;
    let overlap = false;
    const runs: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await q.work(name, async (payload) => {
      running++;
      if (running > 1) overlap = true;
      runs.push(payload);
      if (runs.length === 1) await gate;
      running--;
    });
    await q.start();
    const first = await q.enqueue(name, { n: 1 }, { singletonKey: 'application:a-1' });
    await waitFor('the first run to start', () => runs.length === 1);
    const second = await q.enqueue(name, { n: 2 }, { singletonKey: 'application:a-1' });
    const third = await q.enqueue(name, { n: 3 }, { singletonKey: 'application:a-1' });
    expect(second.created).toBe(true);
    expect(third).toEqual({ id: second.id, created: false });
    await sleep(driver.driver === 'pg-boss' ? 1_500 : 300);
    expect(runs).toEqual([{ n: 1 }]); // the second waits for the first
    release();
    await completed(q, first.id);
    await completed(q, second.id);
    expect(runs).toEqual([{ n: 1 }, { n: 2 }]);
    expect(overlap).toBe(false);
    await q.stop();
  });

  it('hands the job of a worker that went silent to another worker after the visibility timeout', async () => {
    const name = uniqueQueue();
    const crashed = harness.make();
    let startedOnCrashed = false;
    await crashed.work(name, async () => {
      startedOnCrashed = true;
      await new Promise(() => {}); // never finishes, like a process that froze
    });
    await crashed.start();
    const { id } = await crashed.enqueue(name, { doc: 'resume-1' });
    await waitFor('the first worker to take the job', () => startedOnCrashed);
    // Stop without waiting: its lease is no longer renewed, as when a process dies.
    await crashed.stop({ timeoutMs: 0 });

    const healthy = harness.make();
    const attempts: number[] = [];
    await healthy.work(name, async (_p, ctx) => {
      attempts.push(ctx.attempt);
    });
    await healthy.start();
    await completed(healthy, id, 30_000);
    expect(attempts).toEqual([2]);
    await healthy.stop();
  });

  it('drains jobs in flight on a graceful stop', async () => {
    const q = harness.make();
    const name = uniqueQueue();
    let started = false;
    let finished = false;
    await q.work(name, async () => {
      started = true;
      await sleep(700);
      finished = true;
    });
    await q.start();
    const { id } = await q.enqueue(name, {});
    await waitFor('the job to start', () => started);
    await q.stop({ timeoutMs: 10_000 });
    expect(finished).toBe(true);
    expect((await harness.make().getJob(id))?.state).toBe('completed');
  });

  it('gives each job to exactly one of several competing workers', async () => {
    const name = uniqueQueue();
    const workers = [harness.make({ concurrency: 3 }), harness.make({ concurrency: 3 })];
    const deliveries = new Map<string, number>();
    for (const w of workers) {
      await w.work(name, async (payload) => {
        const key = (payload as { n: number }).n.toString();
        deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
        await sleep(10);
      });
    }
    const ids = [];
    for (let n = 0; n < 30; n++) ids.push((await workers[0]!.enqueue(name, { n })).id);
    await Promise.all(workers.map((w) => w.start()));
    for (const id of ids) await completed(workers[0]!, id, 30_000);
    expect(deliveries.size).toBe(30);
    expect([...deliveries.values()].every((count) => count === 1)).toBe(true);
    await Promise.all(workers.map((w) => w.stop()));
  });
});
