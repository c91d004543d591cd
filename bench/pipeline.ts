// The core loop end to end: Skima as it runs in production (`skima start`, the compiled dist/, in a
// process of its own, on SQLite) against an Ashby sandbox in its own process (so its work is not billed
// to Skima), with zero added latency. This process only watches: it reads the database and the
// processes' /proc entries, and Skima's /metrics for its heap.
//   1. backfill: Skima starts against `large:N` (BENCH_BACKFILL, default 100000: about 15 minutes here;
//      3000 gives a first look in under a minute) and screens everything,
//      with BENCH_WORKERS `skima worker` processes beside it (default 0: on SQLite one process with its
//      scoring threads beats two processes, which each redo the other's page cache and wait on its locks);
//      applications per second and each process's peak RSS, sampled every half second (and each minute,
//      the rate, Skima's CPU per application, every process's RSS and the V8 heaps of Skima's main
//      thread and scoring threads, in use and held); halfway through,
//      ten new applications arrive, and their webhook-to-write-back time shows whether they wait for the backlog;
//   2. webhook-to-write-back latency at 10 and 100 concurrent new applications (median, p95, p99);
//   3. baseline in the same run: the Ashby round trips alone that screening one application needs
//      (application.info, file.info, the download, customField.setValues) from a bare fetch loop at the
//      same concurrency, i.e. what Skima would cost if its own work were free.
// BENCH_CPU_PROFILE_DIR=DIR makes the sandbox and Skima's processes write V8 CPU profiles there.
// BENCH_FROM_SOURCE=1 runs Skima's TypeScript sources through tsx instead of dist/ (to compare).
import { type ChildProcess, spawn } from 'node:child_process';
import { loadConfig } from '../src/config/load.ts';
import { SCREENING_QUEUES } from '../src/app.ts';
import { createLogger } from '../src/core/logger.ts';
import { createQueue } from '../src/core/queue/index.ts';
import type { JobQueue } from '../src/core/queue/types.ts';
import { createDb } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { freePort } from '../test/helpers/cli.ts';
import { createTestDatabase, fmt, median, percentile } from './_support.ts';
import { cpuOf, rssOf, rssParts } from './lib/proc-stats.ts';
import {
  BENCH_ASHBY_KEY,
  BENCH_WEBHOOK_SECRET,
  reportAshbyBudget,
  startSandboxProcess,
} from './lib/sandbox-process.ts';

const N = Number(process.env.BENCH_BACKFILL ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 0);
const PROGRESS_SECONDS = Number(process.env.BENCH_PROGRESS_SECONDS ?? 60);
// Node refuses --cpu-prof in NODE_OPTIONS, so the child processes are told here to write CPU profiles.
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
const nodeFlags = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
const KEY = BENCH_ASHBY_KEY;

function startSkimaProcess(command: 'start' | 'worker', env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, 'bin/skima.js', command], {
    // MALLOC_ARENA_MAX=2 as docs/operations.md sets it for production (systemd unit, container, npm start):
    // glibc's per-thread malloc arenas held 90-110 MB of a process's RSS without it.
    env: { ...process.env, SKIMA_FROM_SOURCE: process.env.BENCH_FROM_SOURCE ?? '', MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

interface Heaps {
  /** In use (live and not yet collected garbage), main thread and scoring threads together. */
  main: number;
  threads: number;
  /** Held: what V8 has committed for the heaps, which is what shows in RSS. */
  mainHeld: number;
  threadsHeld: number;
}

/** Skima's V8 heaps, in use and held, from its /metrics (prom-client's default metrics and Skima's own). */
async function heapOf(base: string): Promise<Heaps> {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    return {
      main: gauge('skima_nodejs_heap_size_used_bytes'),
      threads: gauge('skima_scoring_threads_heap_used_bytes'),
      mainHeld: gauge('skima_nodejs_heap_size_total_bytes'),
      threadsHeld: gauge('skima_scoring_threads_heap_total_bytes'),
    };
  } catch {
    return { main: Number.NaN, threads: Number.NaN, mainHeld: Number.NaN, threadsHeld: Number.NaN };
  }
}

const mb = (bytes: number) => fmt(bytes / 1024 / 1024);

/** Like waitForIdle (src/app.ts), from outside: no screening job left, twice a moment apart. */
async function waitForIdle(queue: JobQueue, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    if (!(await queue.hasWork(SCREENING_QUEUES))) {
      if (quietSince && Date.now() - quietSince >= 1000) return true;
      quietSince ||= Date.now();
    } else {
      quietSince = 0;
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  return false;
}

async function ashby(base: string, endpoint: string, body: object) {
  const res = await fetch(`${base}/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { results: Record<string, unknown> };
}

/** A new application in the sandbox, which fires applicationSubmit at Skima. */
async function submit(base: string, jobId: string): Promise<{ applicationId: string }> {
  const res = await fetch(`${base}/_sandbox/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jobId }),
  });
  return (await res.json()) as { applicationId: string };
}

/** When the sandbox recorded each application's custom-field write. Reads only the writes it has not seen:
 * after a backfill the log holds hundreds of thousands, and reading it whole every 25 ms made the
 * latency rounds measure the benchmark's own parsing. */
class WriteTimes {
  private seen = 0;
  readonly at = new Map<string, number>();
  constructor(private readonly base: string) {}

  async refresh(): Promise<Map<string, number>> {
    const res = await fetch(`${this.base}/_sandbox/writes?from=${this.seen}`);
    const writes = (await res.json()) as { at: string; endpoint: string; body: { objectId?: string } }[];
    this.seen += writes.length;
    for (const w of writes) {
      if (w.endpoint === 'customField.setValues' && w.body.objectId) this.at.set(w.body.objectId, Date.parse(w.at));
    }
    return this.at;
  }
}

/** Waits until `skima start` answers /healthz (it has migrated and started its first backfill). */
async function waitForStart(base: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error('skima start exited before it answered');
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const sandboxPort = await freePort();
  const skimaPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = await startSandboxProcess(sandboxPort, {
    seed: `large:${N}`,
    webhookUrl: `http://127.0.0.1:${skimaPort}/webhooks/ashby`,
    nodeFlags,
  });
  const database = await createTestDatabase('sqlite');
  const env = {
    DATABASE_URL: database.url,
    PORT: String(skimaPort),
    ASHBY_API_KEY: KEY,
    ASHBY_BASE_URL: sandboxUrl,
    ASHBY_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
    ASHBY_REQUESTS_PER_SECOND: '100000',
    ASHBY_MAX_CONCURRENCY: '16',
    QUEUE_CONCURRENCY: '16',
    LOG_LEVEL: 'silent',
    SKIMA_SECRET: 'bench-secret-0123456789abcdef0123456789',
  };
  const config = loadConfig(env);
  if (!config.ok) throw new Error(config.problems.join('; '));
  await migrateDatabase(database.url);
  // What this process reads: the screening counts, and whether any screening job is left.
  const db = await createDb(database.url);
  const queue = createQueue(config.config, db, createLogger('silent'));
  const workers = Array.from({ length: WORKERS }, () => startSkimaProcess('worker', env));
  const sandboxCpu0 = cpuOf(sandbox.pid!);
  const workersCpu0 = workers.map((w) => cpuOf(w.pid!));
  const t0 = performance.now();
  const skima = startSkimaProcess('start', env);
  const skimaUrl = `http://127.0.0.1:${skimaPort}`;
  const skimaExited = new Promise<void>((resolve) => skima.once('exit', () => resolve()));

  let peakRss = 0;
  const peakWorkerRss = workers.map(() => 0);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(skima.pid!));
    workers.forEach((w, i) => {
      peakWorkerRss[i] = Math.max(peakWorkerRss[i]!, rssOf(w.pid!));
    });
  }, 500);
  // The main thread's task id is the process id.
  const cpu0 = {
    main: 0,
    mainThread: 0,
    workers: workersCpu0,
    sandbox: sandboxCpu0,
  };
  // Halfway through the backfill, ten new applications arrive: live events go ahead of the backlog.
  const live = new Map<string, number>();
  const midway = setInterval(() => {
    void db.application.count({ where: { screeningState: { not: 'pending' } } }).then(async (done) => {
      if (done < N / 2 || live.size > 0) return;
      clearInterval(midway);
      const openJobs = await db.job.findMany({ where: { status: 'Open' }, select: { id: true } });
      for (let i = 0; i < 10; i++) {
        const t = Date.now();
        const res = await submit(sandboxUrl, openJobs[i % openJobs.length]!.id);
        live.set(res.applicationId, t);
      }
    });
  }, 1000);
  // A long backfill reports as it goes, so its rate and memory can be watched (and a stopped run read).
  let lastMinute = { s: 0, done: 0, cpu: 0 };
  const progress = setInterval(() => {
    void Promise.all([db.application.count({ where: { screeningState: { not: 'pending' } } }), heapOf(skimaUrl)]).then(([done, heap]) => {
      const s = (performance.now() - t0) / 1000;
      const rate = (done - lastMinute.done) / (s - lastMinute.s);
      const cpu = cpuOf(skima.pid!) + workers.reduce((sum, w) => sum + cpuOf(w.pid!), 0);
      const cpuPerApp = ((cpu - lastMinute.cpu) * 1000) / Math.max(1, done - lastMinute.done);
      lastMinute = { s, done, cpu };
      console.log(`  ${fmt(s)} s: ${fmt(done)} screened (${fmt(done / s, 1)}/s overall, ${fmt(rate, 1)}/s and Skima CPU`
        + ` ${fmt(cpuPerApp, 1)} ms per application this minute), RSS`
        + ` ${[skima, ...workers].map((p) => `${fmt(rssOf(p.pid!) / 1024 / 1024)} MB`).join(' + ')}`
        + ` (Skima: ${rssParts(skima.pid!)} MB; V8 heap in use / held ${mb(heap.main)} / ${mb(heap.mainHeld)} MB in the main thread`
        + `${Number.isNaN(heap.threads) ? '' : `, ${mb(heap.threads)} / ${mb(heap.threadsHeld)} MB in the scoring threads`})`);
    });
  }, PROGRESS_SECONDS * 1000);
  // Give `skima start` time to migrate and start listing before asking whether work is left.
  await waitForStart(skimaUrl, skimaExited);
  const idle = await waitForIdle(queue, Math.max(60 * 60_000, N * 100));
  clearInterval(progress);
  clearInterval(midway);
  const backfillS = (performance.now() - t0) / 1000;
  // The latency rounds below read the sandbox's whole write log once: keep their memory out of
  // the backfill's figure.
  const backfillPeakRss = Math.max(peakRss, rssOf(skima.pid!));
  const cpu = {
    main: cpuOf(skima.pid!) - cpu0.main,
    // The main thread's task id is the process id.
    mainThread: cpuOf(skima.pid!, skima.pid!) - cpu0.mainThread,
    workers: workers.reduce((sum, w, i) => sum + cpuOf(w.pid!) - cpu0.workers[i]!, 0),
    sandbox: cpuOf(sandbox.pid!) - cpu0.sandbox,
  };
  const screened = await db.application.count({ where: { screeningState: { not: 'pending' } } });
  console.log(`backfill of large:${N}: ${fmt(screened)} applications screened in ${fmt(backfillS, 1)} s`
    + ` = ${fmt(screened / backfillS, 1)} applications/s with 1 + ${WORKERS} processes; peak RSS`
    + ` ${[backfillPeakRss, ...peakWorkerRss].map((b) => `${fmt(b / 1024 / 1024)} MB`).join(' + ')}`
    + `${idle ? '' : ' (timed out)'}`);
  // Against real Ashby the request budget, not Skima's CPU, sets the pace of a backfill.
  await reportAshbyBudget(sandboxUrl, screened, `backfill, tag ${config.config.ashby.tag ? 'on' : 'off'}`);
  // CPU time, unlike wall time, hardly depends on what else the machine is doing: the cost per application.
  const perApp = (seconds: number) => fmt((seconds * 1000) / Math.max(1, screened), 1);
  console.log(`CPU per application: Skima ${perApp(cpu.main + cpu.workers)} ms (skima start ${perApp(cpu.main)}, of`
    + ` which its main thread ${perApp(cpu.mainThread)}; workers ${perApp(cpu.workers)}), the Ashby sandbox ${perApp(cpu.sandbox)} ms; at that cost 2 cores screen at most`
    + ` ${fmt((2 * screened) / (cpu.main + cpu.workers + cpu.sandbox), 0)} applications/s with the sandbox beside them`
    + `, ${fmt((2 * screened) / (cpu.main + cpu.workers), 0)}/s without it`);

  const writeTimes = new WriteTimes(sandboxUrl);
  if (live.size > 0) {
    const written = await writeTimes.refresh();
    const waits = [...live].map(([id, t]) => (written.get(id) ?? Number.NaN) - t);
    console.log(`10 new applications halfway through the backfill (about ${fmt(N / 2)} still waiting): webhook to`
      + ` write-back median ${fmt(median(waits))} ms, max ${fmt(Math.max(...waits))} ms`);
  }

  const jobs = await db.job.findMany({ where: { status: 'Open' }, select: { id: true } });
  for (const concurrency of [10, 100]) {
    const start = new Map<string, number>();
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const t = Date.now();
        const res = await submit(sandboxUrl, jobs[i % jobs.length]!.id);
        start.set(res.applicationId, t);
      }),
    );
    let done = await writeTimes.refresh();
    while ([...start.keys()].some((id) => !done.has(id))) {
      await new Promise((r) => setTimeout(r, 25));
      done = await writeTimes.refresh();
    }
    const wallS = (performance.now() - begin) / 1000;
    const latencies = [...start].map(([id, t]) => done.get(id)! - t);

    // Baseline: the same Ashby round trips, no Skima work in between.
    const ids = [...start.keys()];
    const b0 = performance.now();
    await Promise.all(ids.map(async (applicationId) => {
      const app = await ashby(sandboxUrl, 'application.info', { applicationId });
      const candidate = (app.results.candidate as { id: string }).id;
      const cand = await ashby(sandboxUrl, 'candidate.info', { id: candidate });
      const handle = (cand.results.resumeFileHandle as { handle: string } | null)?.handle;
      if (handle) {
        const info = await ashby(sandboxUrl, 'file.info', { fileHandle: handle });
        await (await fetch(info.results.url as string)).arrayBuffer();
      }
      await ashby(sandboxUrl, 'customField.list', {});
    }));
    const baselineS = (performance.now() - b0) / 1000;
    console.log(`${String(concurrency).padStart(3)} concurrent applications: latency median ${fmt(median(latencies))} ms, `
      + `p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms; `
      + `${fmt(concurrency / wallS, 1)} applications/s end to end; Ashby round trips alone ${fmt(baselineS * 1000)} ms `
      + `(${fmt(concurrency / baselineS, 1)}/s) -> Skima / baseline time x${fmt(wallS / baselineS, 2)}`);
  }

  clearInterval(sampler);
  for (const w of workers) w.kill('SIGTERM');
  skima.kill('SIGTERM');
  await skimaExited;
  await db.$disconnect();
  sandbox.kill('SIGTERM');
  await database.drop();
}

await main();
