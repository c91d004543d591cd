import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaQueue } from '../../../src/core/queue/prisma-queue.ts';
import { Scheduler } from '../../../src/core/ops/scheduler.ts';
import { migratedDb } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';
import { sleep } from '../../helpers/wait.ts';

describe('scheduler', () => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb('sqlite');
  });
  afterAll(async () => {
    await env.close();
  });

  it('rejects an invalid cron expression', () => {
    const s = new Scheduler(new PrismaQueue(env.db, testLogger()), testLogger());
    expect(() => s.add({ name: 'bad', cron: 'every tuesday', queue: 'q' })).toThrow(/invalid cron expression for bad/);
  });

  it('enqueues one job per tick however many instances tick', async () => {
    const queue = new PrismaQueue(env.db, testLogger());
    const work = { name: 'poll-a', cron: '*/10 * * * *', queue: 'poll' };
    const instances = [
      new Scheduler(queue, testLogger()),
      new Scheduler(queue, testLogger()),
      new Scheduler(queue, testLogger()),
    ];
    const at = new Date('2026-11-24T10:00:00.000Z');
    const results = await Promise.all(instances.map((s) => s.tick(work, at)));
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r?.id)).size).toBe(1);
    expect((await queue.stats()).poll).toEqual({ queued: 1 });
  });

  it('fires on its cron schedule from several instances without doubling runs', async () => {
    const queue = new PrismaQueue(env.db, testLogger(), { pollIntervalMs: 50 });
    const runs: string[] = [];
    await queue.work<{ slot: string }>('every-second', async (p) => {
      runs.push(p.slot);
    });
    await queue.start();
    const a = new Scheduler(queue, testLogger());
    const b = new Scheduler(queue, testLogger());
    for (const s of [a, b]) {
      s.add({ name: 'tick', cron: '* * * * * *', queue: 'every-second' });
      s.start();
    }
    await sleep(3_300);
    await a.stop();
    await b.stop();
    await sleep(300);
    await queue.stop();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(runs).size).toBe(runs.length);
  });
});
