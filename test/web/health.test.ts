import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { type AppContext, closeContext, createContext } from '../../src/core/context.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { testLogger } from '../helpers/logger.ts';

async function contextFor(url: string): Promise<AppContext> {
  const result = loadConfig({ DATABASE_URL: url });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return createContext(result.config, testLogger());
}

async function withServer<T>(
  url: string,
  fn: (app: Awaited<ReturnType<typeof buildServer>>, ctx: AppContext) => Promise<T>,
) {
  const ctx = await contextFor(url);
  const app = await buildServer(ctx);
  try {
    return await fn(app, ctx);
  } finally {
    await app.close();
    await closeContext(ctx);
  }
}

describe.each(DB_KINDS)('health endpoints on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is alive but not ready before migrations, and ready after', async () => {
    await withServer(database.url, async (app) => {
      expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
      const before = await app.inject('/readyz');
      expect(before.statusCode).toBe(503);
      expect(before.json()).toMatchObject({ status: 'not ready', database: 'reachable' });
      expect(before.json().pendingMigrations.length).toBeGreaterThan(0);
    });
    // SQLite migrations need the file to themselves, as at start-up: migrate between two servers.
    await migrateDatabase(database.url);
    await withServer(database.url, async (app) => {
      const after = await app.inject('/readyz');
      expect(after.statusCode).toBe(200);
      expect(after.json()).toEqual({ status: 'ready', database: 'reachable', pendingMigrations: [] });
    });
  });

  it('serves Prometheus metrics with queue depths', async () => {
    await migrateDatabase(database.url);
    await withServer(database.url, async (app, ctx) => {
      await ctx.queue.enqueue('metrics-demo', {});
      const res = await app.inject('/metrics');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.body).toContain('# TYPE skima_queue_jobs gauge');
      expect(res.body).toMatch(/skima_queue_jobs\{queue="metrics-demo",state="queued"\} 1/);
      expect(res.body).toContain('skima_process_resident_memory_bytes');
    });
  });
});

describe('readiness when the database is gone', () => {
  it('answers 503 with the reason instead of throwing', async () => {
    const database = await createTestDatabase('postgresql');
    await migrateDatabase(database.url);
    const ctx = await contextFor(database.url);
    const app = await buildServer(ctx);
    await database.drop();
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'not ready', database: 'unreachable' });
    await app.close();
    await ctx.db.$disconnect();
  });
});
