// Queue throughput: how many no-op jobs per second each queue driver runs end to end (enqueue, claim,
// run, complete), against a baseline measured in the same run on the same database: a bare insert
// of one row per job, the least any durable queue must do. Median of 3 rounds each.
// Then enqueueing alone, as a poll queues a first sync: jobs keyed like application runs, one `enqueue`
// each (the baseline) against `enqueueMany` in pages of 100.
import { randomUUID } from 'node:crypto';

import { createLogger } from '../src/core/logger.ts';
import { PgBossQueue } from '../src/core/queue/pgboss-queue.ts';
import { PrismaQueue } from '../src/core/queue/prisma-queue.ts';
import type { JobQueue } from '../src/core/queue/types.ts';
import { fmt, median, migratedDb } from './_support.ts';

const JOBS = Number(process.env.BENCH_QUEUE_JOBS ?? 1000);
const ENQUEUED = Number(process.env.BENCH_QUEUE_ENQUEUED ?? 10_000);
const PAGE = 100;
const DRIVERS = [
  ['embedded on sqlite', 'sqlite', 'embedded'],
  ['embedded on postgresql', 'postgresql', 'embedded'],
  ['pg-boss on postgresql', 'postgresql', 'pg-boss'],
] as const;
const ROUNDS = 3;
const log = createLogger('silent');

async function drain(queue: JobQueue, name: string): Promise<number> {
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((r) => {
    finished = r;
  });
  await queue.work(
    name,
    async () => {
      if (++done === JOBS) finished();
    },
    { concurrency: 8 },
  );
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) await queue.enqueue(name, { i });
  await queue.start();
  await all;
  return JOBS / ((performance.now() - t0) / 1000);
}

async function main() {
  console.log(`queue throughput, ${JOBS} no-op jobs per round, median of ${ROUNDS} rounds (jobs/s)`);
  console.log('driver                      | baseline inserts/s | queue jobs/s | queue / baseline');
  for (const [label, kind, driver] of DRIVERS) {
    const env = await migratedDb(kind);
    const baseline: number[] = [];
    const rates: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        for (let i = 0; i < JOBS; i++) {
          await env.db.auditEvent.create({ data: { actor: 'bench', action: 'insert', detail: { i } } });
        }
        baseline.push(JOBS / ((performance.now() - t0) / 1000));
        const queue =
          driver === 'embedded'
            ? new PrismaQueue(env.db, log, { pollIntervalMs: 20 })
            : new PgBossQueue(env.database.url, log, { pollIntervalMs: 500 });
        rates.push(await drain(queue, `bench-${round}`));
        await queue.stop();
      }
    } finally {
      await env.close();
    }
    const b = median(baseline);
    const q = median(rates);
    console.log(
      `${label.padEnd(27)} | ${fmt(b).padStart(18)} | ${fmt(q).padStart(12)} | ${fmt(q / b, 2).padStart(16)}`,
    );
  }
}

/** Jobs per second queued on a fresh queue name, one call per job or one per page. */
async function enqueueRate(queue: JobQueue, name: string, paged: boolean): Promise<number> {
  const jobs = Array.from({ length: ENQUEUED }, () => {
    const applicationId = randomUUID();
    return { payload: { applicationId }, options: { singletonKey: applicationId } };
  });
  const t0 = performance.now();
  if (paged) {
    for (let i = 0; i < jobs.length; i += PAGE) await queue.enqueueMany(name, jobs.slice(i, i + PAGE));
  } else {
    for (const job of jobs) await queue.enqueue(name, job.payload, job.options);
  }
  return ENQUEUED / ((performance.now() - t0) / 1000);
}

async function enqueueing() {
  console.log(`\nenqueueing ${fmt(ENQUEUED)} keyed jobs, median of ${ROUNDS} rounds (jobs/s)`);
  console.log(`driver                      | enqueue, one each | enqueueMany, ${PAGE} a call | ratio`);
  for (const [label, kind, driver] of DRIVERS) {
    const env = await migratedDb(kind);
    const queue =
      driver === 'embedded' ? new PrismaQueue(env.db, log) : new PgBossQueue(env.database.url, log);
    const single: number[] = [];
    const paged: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        single.push(await enqueueRate(queue, `single-${round}`, false));
        paged.push(await enqueueRate(queue, `paged-${round}`, true));
      }
    } finally {
      await queue.stop();
      await env.close();
    }
    const a = median(single);
    const b = median(paged);
    console.log(`${label.padEnd(27)} | ${fmt(a).padStart(17)} | ${fmt(b).padStart(25)} | x${fmt(b / a, 1)}`);
  }
}

await main();
await enqueueing();
