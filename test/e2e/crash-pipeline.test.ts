// A Skima process killed with SIGKILL in the middle of its backfill: a restarted one finishes the work,
// and every application ends up screened once, with nothing lost and no note or score duplicated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/ashby-sandbox/index.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { freePort, type RunningCli, runSkima } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { waitFor } from '../helpers/wait.ts';

describe('SIGKILL in the middle of the pipeline', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let cwd: string;
  let db: Db;
  const running: RunningCli[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo', timeScale: 0.001 });
    // Slow Ashby down so the kill lands mid-backfill.
    sandbox.control.setFaults({ latencyMs: 25 });
    database = await createTestDatabase('sqlite');
    cwd = mkdtempSync(path.join(tmpdir(), 'skima-crash-'));
  });
  afterAll(async () => {
    for (const r of running) r.child.kill('SIGKILL');
    await db?.$disconnect();
    await sandbox?.close();
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  let port = 0;
  // Both processes use one address, as a restarted service would: the links it writes contain it.
  async function start(): Promise<RunningCli & { port: number }> {
    port ||= await freePort();
    const skima = runSkima(['start'], {
      cwd,
      env: {
        PORT: String(port),
        DATABASE_URL: database.url,
        ASHBY_API_KEY: sandbox.apiKey,
        ASHBY_BASE_URL: sandbox.url,
        ASHBY_WEBHOOK_SECRET: 'crash-test-secret-0123456789abcdef',
        ASHBY_REQUESTS_PER_SECOND: '1000',
        ASHBY_MAX_CONCURRENCY: '8',
        QUEUE_VISIBILITY_TIMEOUT_SECONDS: '2',
        LOG_LEVEL: 'warn',
      },
    });
    running.push(skima);
    return { ...skima, port };
  }

  const counts = async () => {
    const rows = await db.application.groupBy({ by: ['screeningState'], _count: { _all: true } });
    return Object.fromEntries(rows.map((r) => [r.screeningState, r._count._all]));
  };

  it('finishes every application exactly once after a restart', { timeout: 180_000 }, async () => {
    const first = await start();
    // A fresh SQLite file is migrated by the first process alone; open it here once that is done.
    await waitFor('the first process to be ready', () =>
      fetch(`http://127.0.0.1:${first.port}/readyz`).then((r) => r.ok, () => false), 60_000);
    db = await createDb(database.url);
    await waitFor('the first scores', async () => (await db.score.count()) >= 20, 60_000).catch((err) => {
      throw new Error(`${err.message}\n${first.output().slice(-3000)}`);
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const total = sandbox.control.summary().applications;
    const atKill = await db.score.count();
    expect(atKill).toBeLessThan(total); // it really died mid-way

    const second = await start();
    await waitFor(
      'every application to be screened',
      async () => {
        const c = await counts();
        const done = (c.scored ?? 0) + (c.unreadable ?? 0) + (c.no_resume ?? 0);
        return done === total && (await db.queueJob.count({ where: { state: { in: ['queued', 'running'] }, queue: 'application.process' } })) === 0;
      },
      120_000,
    );
    // One score per application, none lost, nothing dead-lettered.
    const scores = await db.score.groupBy({ by: ['applicationId'], _count: { _all: true } });
    expect(scores.every((s) => s._count._all === 1)).toBe(true);
    expect(scores.length).toBe((await counts()).scored);
    expect(await db.queueJob.count({ where: { state: 'dead' } })).toBe(0);
    // Every application's fields were written; a write repeated after the kill repeats the same values.
    const valuesByField = new Map<string, Set<string>>();
    const apps = new Set<string>();
    for (const w of sandbox.control.writes.filter((x) => x.endpoint === 'customField.setValues')) {
      const body = w.body as { objectId: string; values: { fieldId: string; fieldValue: unknown }[] };
      apps.add(body.objectId);
      for (const v of body.values) {
        const key = `${body.objectId}/${v.fieldId}`;
        valuesByField.set(key, (valuesByField.get(key) ?? new Set()).add(JSON.stringify(v.fieldValue)));
      }
    }
    expect(apps.size).toBe(total);
    expect([...valuesByField.entries()].filter(([, distinct]) => distinct.size > 1)).toEqual([]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
