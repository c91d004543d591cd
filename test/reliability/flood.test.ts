// Several processes, proven: 2 `skima web` and 2 `skima worker` processes on loopback, the Ashby sandbox
// and a PostgreSQL of the suite's own. 5,000 signed webhook deliveries from 50 concurrent senders
// (duplicates and updates mixed in) go to the web processes while workers are SIGKILLed at random and
// restarted, PostgreSQL is restarted once, and the sandbox answers 429s, 5xx and timeouts in bursts.
// Afterwards every application is written back exactly once, no delivery is lost, no job is dead, and
// every process is healthy. Run with `npm run test:reliability` (a few minutes).
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAshbyBody } from '../../src/ashby/index.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { freePort } from '../helpers/cli.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { type OwnPostgres, startOwnPostgres } from './postgres-cluster.ts';
import { type SkimaProcess, spawnSkima, waitForOutput, waitForReady } from './skima-processes.ts';

const UNIQUE_APPLICATIONS = Number(process.env.RELIABILITY_APPLICATIONS ?? 1000);
const DELIVERIES = Number(process.env.RELIABILITY_DELIVERIES ?? 5000);
const SENDERS = 50;
const MIN_KILLS = 3;
const API_KEY = 'reliability-key-0123456789abcdef0123';
const WEBHOOK_SECRET = 'reliability-webhook-secret-0123456789';

/** A seeded generator: the same run every time, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(19);

interface Delivery {
  applicationId: string;
  body: string;
  key: string;
}

describe('several web and worker processes through a flood, kills, a database restart and Ashby faults', () => {
  let postgres: OwnPostgres;
  let sandbox: SkimaProcess;
  let sandboxUrl: string;
  let databaseUrl: string;
  let env: Record<string, string>;
  const webs: { proc: SkimaProcess; url: string }[] = [];
  const workers: SkimaProcess[] = [];
  let workerSerial = 0;

  const sandboxCall = async (path: string, body?: object, method = 'POST') => {
    const res = await fetch(`${sandboxUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'authorization': `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`,
      },
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const setFaults = (faults: object) => sandboxCall('/_sandbox/faults', faults);

  /** Workers that said they are running: the ones the chaos may kill. */
  const ready = new Set<SkimaProcess>();
  async function startWorker(): Promise<SkimaProcess> {
    const proc = spawnSkima(`worker ${++workerSerial}`, ['worker'], { ...env, LOG_LEVEL: 'info' });
    workers.push(proc);
    // A worker checks Skima's Ashby fields before it says it runs: through a fault burst, with retries.
    await waitForOutput(proc, 'worker is running', 300_000);
    ready.add(proc);
    return proc;
  }

  async function query<T>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    // The processes run the compiled code, as in production: built once here, not by each of them.
    const build = spawnSync(process.execPath, ['bin/skima.js', '--build'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`could not build dist/: ${build.stderr}`);
    postgres = await startOwnPostgres();
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE skima');
    await admin.end();
    databaseUrl = postgres.url.replace(/\/postgres$/, '/skima');
    await migrateDatabase(databaseUrl);

    const sandboxPort = await freePort();
    sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    sandbox = spawnSkima('sandbox', ['sandbox', '--port', String(sandboxPort), '--seed', 'small', '--api-key', API_KEY], {});
    await waitForOutput(sandbox, 'listening');

    env = {
      DATABASE_URL: databaseUrl,
      ASHBY_API_KEY: API_KEY,
      ASHBY_BASE_URL: sandboxUrl,
      ASHBY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ASHBY_REQUESTS_PER_SECOND: '2000',
      ASHBY_MAX_CONCURRENCY: '16',
      QUEUE_CONCURRENCY: '8',
      // A job a killed worker held is taken again after this; its lease is renewed while it runs.
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: '15',
      POLL_INTERVAL_MINUTES: '60',
      SCORING_THREADS: '0',
      SKIMA_SECRET: 'reliability-secret-0123456789abcdef012345',
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = spawnSkima(`web ${i + 1}`, ['web'], { ...env, PORT: String(port) });
      webs.push({ proc, url: `http://127.0.0.1:${port}` });
    }
    await Promise.all([startWorker(), startWorker()]);
    for (const web of webs) await waitForReady(`${web.url}/readyz`);
    // The workers' start-up poll screens the seeded applications first.
    await waitFor('the seeded applications to be screened', async () => {
      const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM "QueueJob" WHERE "state" IN ('queued', 'running')`);
      return Number(row!.n) === 0 || undefined;
    }, 120_000);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...webs.map((w) => w.proc), ...workers, sandbox].filter(Boolean).map((p) => p.stop(10_000)));
    postgres?.destroy();
  }, 60_000);

  it('writes every application back exactly once and loses nothing', async () => {
    // New applications in Ashby whose webhooks the senders below deliver (the sandbox itself sends none:
    // nothing is subscribed).
    const jobs = ((await sandboxCall('/job.list')).results as { id: string; status: string }[]).filter((j) => j.status === 'Open');
    const applications: Record<string, unknown>[] = [];
    let made = 0;
    await Promise.all(Array.from({ length: 20 }, async () => {
      for (let i = made++; i < UNIQUE_APPLICATIONS; i = made++) {
        const { applicationId } = await sandboxCall('/_sandbox/applications', { jobId: jobs[i % jobs.length]!.id });
        applications.push((await sandboxCall('/application.info', { applicationId })).results as Record<string, unknown>);
      }
    }));
    const deliveries: Delivery[] = [];
    const event = (app: Record<string, unknown>, action: string, id: string): Delivery => ({
      applicationId: app.id as string,
      body: JSON.stringify({ action, webhookActionId: id, data: { application: app } }),
      key: `${id}:${action}`,
    });
    for (const app of applications) deliveries.push(event(app, 'applicationSubmit', `wa-submit-${app.id as string}`));
    // The rest: Ashby's redeliveries of the same event, and updates (each its own event) for the same applications.
    for (let i = 0; deliveries.length < DELIVERIES; i++) {
      const app = applications[Math.floor(random() * applications.length)]!;
      deliveries.push(random() < 0.5
        ? event(app, 'applicationSubmit', `wa-submit-${app.id as string}`)
        : event(app, 'applicationUpdate', `wa-update-${i}`));
    }
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }

    // Chaos while the flood runs: Ashby fault bursts, workers killed and restarted, one database restart.
    let flooding = true;
    let kills = 0;
    let databaseRestarts = 0;
    let sent = 0;
    let retried = 0;
    const restarts: Promise<SkimaProcess>[] = [];
    const chaos = [
      (async () => {
        const bursts = [
          { rate429: 0.3, retryAfterSeconds: 1 },
          { rate5xx: 0.3 },
          { timeoutRate: 0.02, hangMs: 35_000 },
          {},
        ];
        for (let i = 0; flooding; i++) {
          await setFaults({ rate429: 0, rate5xx: 0, timeoutRate: 0, ...bursts[i % bursts.length] });
          await sleep(2_000);
        }
        await setFaults({ rate429: 0, rate5xx: 0, timeoutRate: 0 });
      })(),
      (async () => {
        while (flooding || kills < MIN_KILLS) {
          await sleep(3_000 + random() * 4_000);
          const running = [...ready].filter((w) => w.alive());
          const victim = running[Math.floor(random() * running.length)];
          if (!victim) continue;
          victim.child.kill('SIGKILL');
          ready.delete(victim);
          kills++;
          // As a supervisor would: another one starts at once (and is waited for at the end).
          const restart = startWorker();
          restart.catch(() => {}); // awaited (and reported) below
          restarts.push(restart);
        }
      })(),
      (async () => {
        await waitFor('a third of the flood', () => sent >= deliveries.length / 3 || undefined, 600_000);
        await postgres.restart(2_000);
        databaseRestarts++;
      })(),
    ];

    const progress = setInterval(() => {
      console.log(`  ${sent} of ${deliveries.length} delivered (${retried} retries), ${kills} kills, `
        + `${databaseRestarts} database restarts, ${[...ready].filter((w) => w.alive()).length} workers running`);
    }, 10_000);
    // 50 senders, as Ashby retries: until the delivery is answered 200.
    let next = 0;
    await Promise.all(Array.from({ length: SENDERS }, async (_, sender) => {
      for (let i = next++; i < deliveries.length; i = next++) {
        const d = deliveries[i]!;
        const url = `${webs[(sender + i) % webs.length]!.url}/webhooks/ashby`;
        for (let attempt = 0; ; attempt++) {
          const status = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'ashby-signature': signAshbyBody(d.body, WEBHOOK_SECRET) },
            body: d.body,
          }).then((r) => r.status, () => 0);
          if (status === 200) break;
          // 503 while the database is away, or no answer: Ashby would retry later.
          if (status !== 503 && status !== 0) throw new Error(`a delivery was answered ${status}`);
          if (attempt > 120) throw new Error('a delivery was refused for two minutes');
          retried++;
          await sleep(Math.min(2_000, 100 * 2 ** attempt));
        }
        sent++;
      }
    }));
    flooding = false;
    await Promise.all(chaos);
    clearInterval(progress);
    await Promise.all(restarts);

    // Until every application is written back and nothing is left to do.
    const floodIds = new Set(applications.map((a) => a.id as string));
    const writesPerApplication = async () => {
      const writes = (await (await fetch(`${sandboxUrl}/_sandbox/writes`)).json()) as { endpoint: string; body: { objectId?: string } }[];
      const counts = new Map<string, number>();
      for (const w of writes) {
        if (w.endpoint === 'customField.setValues' && w.body.objectId) counts.set(w.body.objectId, (counts.get(w.body.objectId) ?? 0) + 1);
      }
      return counts;
    };
    await waitFor('every application to be written back and the queue to be idle', async () => {
      const counts = await writesPerApplication();
      if ([...floodIds].some((id) => !counts.has(id))) return undefined;
      const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM "QueueJob" WHERE "state" IN ('queued', 'running')`);
      return Number(row!.n) === 0 || undefined;
    }, 300_000);

    const counts = await writesPerApplication();
    const floodWrites = [...floodIds].reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const unwritten = [...floodIds].filter((id) => !counts.has(id)).length;
    const recorded = new Set((await query<{ k: string }>(
      `SELECT "webhookActionId" || ':' || "action" AS k FROM "WebhookEvent"`,
    )).map((r) => r.k));
    const unrecorded = new Set(deliveries.map((d) => d.key).filter((k) => !recorded.has(k))).size;
    const dead = await query<{ queue: string; lastError: string }>(`SELECT "queue", "lastError" FROM "QueueJob" WHERE "state" = 'dead'`);
    const healthy = await Promise.all(webs.map(async (w) => (await fetch(`${w.url}/readyz`)).status === 200));
    const liveWorkers = workers.filter((w) => w.alive()).length;

    console.log(`reliability: deliveries sent ${sent} (${retried} retries after 503 or no answer), unique applications`
      + ` ${floodIds.size}, writes observed in the sandbox ${floodWrites}, duplicates ${duplicates}, lost`
      + ` ${unwritten + unrecorded}, kills survived ${kills}, database restarts survived ${databaseRestarts}, dead letters`
      + ` ${dead.length}${dead.length ? ` (${dead.map((d) => `${d.queue}: ${d.lastError}`).join('; ')})` : ''},`
      + ` processes healthy ${healthy.filter(Boolean).length + liveWorkers}/${webs.length + 2}`);

    expect(sent).toBe(DELIVERIES);
    expect(floodWrites).toBe(floodIds.size);
    expect(duplicates).toBe(0);
    expect(unwritten + unrecorded).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(databaseRestarts).toBe(1);
    expect(dead).toEqual([]);
    expect(healthy).toEqual([true, true]);
    // A worker that ended without the chaos killing it says why.
    const endedAlone = workers.filter((w) => !w.alive() && w.child.signalCode !== 'SIGKILL');
    expect(endedAlone.map((w) => `${w.name} ended (${w.child.exitCode ?? w.child.signalCode}):\n${w.tail()}`)).toEqual([]);
    expect(liveWorkers).toBe(2);
    for (const web of webs) expect(web.proc.alive()).toBe(true);
  }, 900_000);
});
