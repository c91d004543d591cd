// PostgreSQL drops while jobs run (a restart, a failover, a network cut): the process stays up with
// no unhandled rejection, /readyz answers 503 "unreachable" without listing migrations as pending,
// pages and /metrics answer a plain 503, and when the database returns the jobs in flight are settled
// and new ones run, without waiting for a visibility timeout.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, closeContext, createContext } from '../../src/core/context.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { unreachableAshby } from '../helpers/core-context.ts';
import { createPostgresDatabase, type TestDatabase } from '../helpers/databases.ts';
import { capturingLogger } from '../helpers/logger.ts';
import { testConfig } from '../helpers/skima.ts';
import { startTcpProxy, type TcpProxy, throughProxy } from '../helpers/tcp-proxy.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

describe.each(['embedded', 'pg-boss'] as const)('PostgreSQL dropping under a running process (%s queue)', (driver) => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let ctx: AppContext;
  let server: FastifyInstance;
  const unhandled: unknown[] = [];
  const { log, lines } = capturingLogger('info');
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    database = await createPostgresDatabase();
    await migrateDatabase(database.url);
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    // A visibility timeout far beyond the test: only settling the jobs in flight can finish them.
    const config = await testConfig(
      { ...database, url: throughProxy(database.url, proxy) },
      { QUEUE_VISIBILITY_TIMEOUT_SECONDS: '600', QUEUE_DRIVER: driver },
    );
    ctx = await createContext(config, log, { ashby: unreachableAshby(), dataDir: '/tmp/skima-outage-test' });
    server = await buildServer(ctx);
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    proxy.restore();
    await server?.close();
    await closeContext(ctx);
    await proxy.close();
    await database.drop();
  });

  it('stays up, says so on /readyz, and finishes the jobs in flight once the database is back', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    await ctx.queue.work<{ n: number }>('outage.demo', async ({ n }) => {
      await gate;
      ran.push(`job ${n}`);
    }, { concurrency: 3 });
    // More queues, as a real process has: each polls, and each poll fails while the database is away.
    for (let q = 0; q < 5; q++) await ctx.queue.work(`outage.idle${q}`, async () => {});
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push((await ctx.queue.enqueue('outage.demo', { n })).id);
    await ctx.queue.start();
    await waitFor('three jobs running', async () => (await ctx.queue.stats())['outage.demo']?.running === 3);
    expect((await server.inject({ url: '/readyz' })).statusCode).toBe(200);

    const logged = lines.length;
    proxy.cut();
    release(); // the handlers finish while the database is gone: their completion cannot be written
    await sleep(1500);
    expect(ran).toHaveLength(3);
    // One line says the polls fail, not one per queue and poll (six queues, every half second). pg-boss
    // keeps its polls waiting on its pool instead, and says nothing until one fails.
    const what = driver === 'embedded' ? 'queue polls (the database)' : 'pg-boss (the database)';
    const outageLines = () => lines.slice(logged).filter((l) => l.msg.startsWith(what));
    if (driver === 'embedded') {
      await waitFor('the outage to be logged', () => outageLines().length > 0 || undefined, 15_000);
      await sleep(1500);
      expect(outageLines().map((l) => l.msg)).toEqual([`${what} failed; retrying (repeats are summarised)`]);
    }
    expect(outageLines().length).toBeLessThanOrEqual(1);
    const ready = await server.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not ready', database: 'unreachable', pendingMigrations: [] });
    expect(JSON.stringify(ready.json())).not.toMatch(/127\.0\.0\.1|:\d{4,5}\b|prisma|\.ts\b/i);

    for (const url of ['/metrics', `/s/${'x'.repeat(43)}`]) {
      const res = await server.inject({ url });
      expect(res.statusCode, url).toBe(503);
      expect(res.body, url).toContain('database unreachable');
      expect(res.body, url).not.toMatch(/prisma|127\.0\.0\.1|:\d{4,5}\b|\.ts\b|at \w+ \(|ECONNREFUSED|terminated/i);
    }

    proxy.restore();
    await waitFor('the jobs in flight to be settled', async () => {
      const states = await Promise.all(ids.map(async (id) => (await ctx.queue.getJob(id))?.state));
      return states.every((s) => s === 'completed');
    }, 30_000);
    expect(ran).toHaveLength(3); // settled, not run again
    const later = await ctx.queue.enqueue('outage.demo', { n: 9 });
    await waitFor('a new job to run', async () => (await ctx.queue.getJob(later.id))?.state === 'completed', 15_000);
    expect((await server.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect(unhandled).toEqual([]);
    // Said once it is over, if it was said at all.
    const recovered = lines.filter((l) => l.msg === `${what} works again`);
    expect(recovered).toHaveLength(outageLines().some((l) => /failed; retrying/.test(l.msg)) ? 1 : 0);
  });
});
