// Several pg-boss processes starting at once create the same queues at the same moment; PostgreSQL can
// answer one of them "deadlock detected" (seen in CI). Every process must start anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../../src/core/queue/types.ts';
import { QUEUE_DRIVERS, type QueueHarness } from './drivers.ts';

const pgBoss = QUEUE_DRIVERS.find((d) => d.driver === 'pg-boss')!;

describe('pg-boss processes starting together', () => {
  let harness: QueueHarness;
  beforeAll(async () => {
    harness = await pgBoss.setup();
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  it('all start, each subscribed to the same new queues, however their queue creations interleave', async () => {
    const queues = Array.from({ length: 8 }, (_, i) => `together.q${i}`);
    const workers: JobQueue[] = Array.from({ length: 6 }, () => harness.make(pgBoss.fast));
    for (const w of workers) for (const q of queues) await w.work(q, async () => {});
    await Promise.all(workers.map((w) => w.start()));
    const { id } = await workers[0]!.enqueue('together.q7', { n: 1 });
    for (let i = 0; i < 100 && (await workers[0]!.getJob(id))?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await workers[0]!.getJob(id))?.state).toBe('completed');
  }, 60_000);
});
