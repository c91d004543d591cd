import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signAshbyBody } from '../../src/ashby/index.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/index.ts';
import { POLL_QUEUE } from '../../src/core/pipeline/poll.ts';
import { enqueueApplication, PROCESS_APPLICATION_QUEUE } from '../../src/core/pipeline/process-application.ts';
import { PrismaQueue } from '../../src/core/queue/prisma-queue.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { freePort, runSkima } from '../helpers/cli.ts';
import { testLogger } from '../helpers/logger.ts';
import { sandboxConnection, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'skima-worker-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function sandboxApplications(sandbox: RunningSandbox): Promise<string[]> {
  const ids: string[] = [];
  for await (const app of sandboxConnection(sandbox).client.application.list()) ids.push(app.id);
  return ids;
}

describe('skima worker', () => {
  it('screens the applications queued in the shared database, each once, and stops on SIGTERM', async () => {
    const sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
    cleanups.push(() => sandbox.close());
    const url = `file:${path.join(tempDir(), 'skima.db')}`;
    await migrateDatabase(url);
    const db: Db = await createDb(url);
    cleanups.push(() => db.$disconnect());
    const ids = await sandboxApplications(sandbox);
    const queue = new PrismaQueue(db, testLogger());
    for (const id of ids) await enqueueApplication(queue, id);

    const worker = runSkima(['worker'], {
      cwd: tempDir(),
      env: {
        DATABASE_URL: url,
        ASHBY_API_KEY: sandbox.apiKey,
        ASHBY_BASE_URL: sandbox.url,
        ASHBY_REQUESTS_PER_SECOND: '1000',
        SKIMA_SECRET: 'w'.repeat(40),
      },
    });
    cleanups.push(() => void worker.child.kill('SIGKILL'));
    // It works every queue: its start poll lists the same applications, which are screened once all the same.
    await waitFor('the worker to screen every application', async () => {
      const screened = await db.application.count({ where: { screeningState: { not: 'pending' } } });
      return (screened === ids.length && !(await queue.hasWork([PROCESS_APPLICATION_QUEUE, POLL_QUEUE]))) || undefined;
    }, 90_000);

    const screened = await db.application.findMany({ select: { id: true, screeningState: true } });
    expect(screened.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(screened.every((a) => a.screeningState !== 'pending')).toBe(true);
    const scored = screened.filter((a) => a.screeningState === 'scored');
    expect(scored.length).toBeGreaterThan(0);
    for (const app of scored) {
      expect(await db.score.count({ where: { applicationId: app.id } })).toBe(1);
      expect(writesFor(sandbox, 'customField.setValues', (b) => b.objectId === app.id)).toHaveLength(1);
    }

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('"msg":"worker stopped"');
  }, 150_000);

  it('refuses to start without an Ashby key: the embedded sandbox lives in skima start', async () => {
    const worker = runSkima(['worker'], { cwd: tempDir(), env: { DATABASE_URL: `file:${tempDir()}/skima.db` } });
    expect(await worker.exited).toBe(2);
    expect(worker.output()).toContain('set ASHBY_API_KEY');
  });
});

describe('skima web beside skima worker on PostgreSQL', () => {
  it('takes a webhook in the web process, which works no job, and the worker screens it', async () => {
    const sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
    cleanups.push(() => sandbox.close());
    const database = await createTestDatabase('postgresql');
    cleanups.push(() => database.drop());
    await migrateDatabase(database.url);
    const port = await freePort();
    const secret = 'web-worker-webhook-secret-0123456789';
    const env = {
      DATABASE_URL: database.url,
      ASHBY_API_KEY: sandbox.apiKey,
      ASHBY_BASE_URL: sandbox.url,
      ASHBY_WEBHOOK_SECRET: secret,
      ASHBY_REQUESTS_PER_SECOND: '1000',
      SKIMA_SECRET: 'w'.repeat(40),
      PORT: String(port),
    };
    const web = runSkima(['web'], { cwd: tempDir(), env });
    cleanups.push(() => void web.child.kill('SIGKILL'));
    await waitFor('the web process', () => web.output().includes('Skima web is running') || undefined, 60_000);

    const job = (await sandboxConnection(sandbox).client.job.list().next()).value!;
    sandbox.control.setFaults({ dropWebhookRate: 1 });
    const { applicationId } = sandbox.control.submitApplication({ jobId: job.id });
    const application = await sandboxConnection(sandbox).client.application.info(applicationId);
    const body = JSON.stringify({ action: 'applicationSubmit', webhookActionId: `wa-${applicationId}`, data: { application } });
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/ashby`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'ashby-signature': signAshbyBody(body, secret) },
      body,
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    // Queued, not worked: the web process takes no job.
    expect(writesFor(sandbox, 'customField.setValues', () => true)).toHaveLength(0);

    const worker = runSkima(['worker'], { cwd: tempDir(), env: { ...env, PORT: '0' } });
    cleanups.push(() => void worker.child.kill('SIGKILL'));
    await waitFor('the worker to write the score', () =>
      writesFor(sandbox, 'customField.setValues', (b) => b.objectId === applicationId)[0], 90_000);
    web.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  }, 180_000);
});

describe('skima start with WORKER_PROCESSES', () => {
  it('forks the workers, screens the sandbox, and leaves no worker behind when it is killed', async () => {
    const port = await freePort();
    const skima = runSkima(['start'], {
      cwd: tempDir(),
      env: { PORT: String(port), WORKER_PROCESSES: '1', ASHBY_SANDBOX_SEED: 'small' },
    });
    cleanups.push(() => void skima.child.kill('SIGKILL'));
    const running = await waitFor('skima to report its worker processes', () => {
      const line = skima.output().split('\n').find((l) => l.includes('Skima is running'));
      return line ? (JSON.parse(line) as { workerProcesses: number[] }) : undefined;
    }, 60_000);
    expect(running.workerProcesses).toHaveLength(1);
    const [workerPid] = running.workerProcesses;
    expect(alive(workerPid!)).toBe(true);
    await waitFor('every application to be screened', () => skima.output().includes('Shortlists:') || undefined, 120_000);

    // However the parent ends, its workers end with it (their IPC channel closes).
    skima.child.kill('SIGKILL');
    await skima.exited;
    await waitFor('the worker to exit after its parent', () => !alive(workerPid!) || undefined, 30_000);
  }, 240_000);
});
