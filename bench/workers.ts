// Scale-out on PostgreSQL: how much faster two `skima worker` processes screen than one. Each round
// backfills `large:N` (BENCH_WORKERS_BACKFILL, default 3000) from a fresh sandbox process into a fresh
// PostgreSQL database with 1, then 2 workers (compiled code, SCORING_THREADS=0 so that a worker is one
// core's worth, no Ashby budget to wait for). The rate is taken between 10% and 90% screened, so neither
// the start-up nor the tail counts. Target: two workers at least 1.7x one. Peak RSS per worker beside it.
import { spawnSync } from 'node:child_process';
import { createDb } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { freePort } from '../test/helpers/cli.ts';
import { spawnSkima, waitForOutput } from '../test/reliability/skima-processes.ts';
import { createTestDatabase, fmt } from './_support.ts';
import { cpuOf, rssOf } from './lib/proc-stats.ts';
import { BENCH_ASHBY_KEY, startSandboxProcess } from './lib/sandbox-process.ts';

const N = Number(process.env.BENCH_WORKERS_BACKFILL ?? 3000);
const TARGET = 1.7;

interface Round {
  rate: number;
  peakRss: number[];
  /** Cores the sandbox used while the rate was measured: near 1, it is the bottleneck, not Skima. */
  sandboxCores: number;
}

async function round(workers: number): Promise<Round> {
  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = await startSandboxProcess(sandboxPort, { seed: `large:${N}`, webhookUrl: 'http://127.0.0.1:9/none' });
  const database = await createTestDatabase('postgresql');
  await migrateDatabase(database.url);
  const db = await createDb(database.url);
  const env = {
    DATABASE_URL: database.url,
    ASHBY_API_KEY: BENCH_ASHBY_KEY,
    ASHBY_BASE_URL: sandboxUrl,
    ASHBY_REQUESTS_PER_SECOND: '100000',
    ASHBY_MAX_CONCURRENCY: '16',
    QUEUE_CONCURRENCY: '16',
    SCORING_THREADS: '0',
    SKIMA_SECRET: 'bench-secret-0123456789abcdef0123456789',
    LOG_LEVEL: 'info',
  };
  const procs = Array.from({ length: workers }, (_, i) => spawnSkima(`worker ${i + 1}`, ['worker'], env));
  const peakRss = procs.map(() => 0);
  const sampler = setInterval(() => procs.forEach((p, i) => {
    peakRss[i] = Math.max(peakRss[i]!, rssOf(p.child.pid!));
  }), 500);
  try {
    await Promise.all(procs.map((p) => waitForOutput(p, 'worker is running', 120_000)));
    const marks = new Map<number, number>();
    const sandboxCpu = new Map<number, number>();
    for (;;) {
      const done = await db.application.count({ where: { screeningState: { not: 'pending' } } });
      for (const share of [0.1, 0.9]) {
        if (done >= share * N && !marks.has(share)) {
          marks.set(share, performance.now());
          sandboxCpu.set(share, cpuOf(sandbox.pid!));
        }
      }
      if (marks.has(0.9)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (marks.get(0.9)! - marks.get(0.1)!) / 1000;
    const sandboxCores = (sandboxCpu.get(0.9)! - sandboxCpu.get(0.1)!) / seconds;
    return { rate: (0.8 * N) / seconds, peakRss, sandboxCores };
  } finally {
    clearInterval(sampler);
    await Promise.all(procs.map((p) => p.stop(15_000)));
    sandbox.kill('SIGTERM');
    await db.$disconnect();
    await database.drop();
  }
}

// The workers run the compiled code, built once here rather than by the first of them.
if (spawnSync(process.execPath, ['bin/skima.js', '--build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const one = await round(1);
const two = await round(2);
const mb = (b: number) => `${fmt(b / 1024 / 1024)} MB`;
const sandboxUse = (r: Round) => `the sandbox used ${fmt(r.sandboxCores, 2)} cores`;
console.log(`1 worker on PostgreSQL: ${fmt(one.rate, 1)} applications/s (peak RSS ${mb(one.peakRss[0]!)}; ${sandboxUse(one)})`);
console.log(`2 workers on PostgreSQL: ${fmt(two.rate, 1)} applications/s (peak RSS ${two.peakRss.map(mb).join(' + ')};`
  + ` ${sandboxUse(two)})`);
console.log(`two workers against one: x${fmt(two.rate / one.rate, 2)} (target ${TARGET}) -> ${two.rate / one.rate >= TARGET ? 'met' : 'MISSED'}`);
