// Real databases for tests: a fresh SQLite file, and a fresh PostgreSQL database on the local server
// (127.0.0.1:5432 on development and CI machines, or SKIMA_TEST_POSTGRES_URL). When no server answers
// there, the test run's global setup (test/setup/global.ts) starts a private one and points
// SKIMA_TEST_POSTGRES_URL at it. PostgreSQL is never skipped: if it fails, the tests that need it fail.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export const DEFAULT_POSTGRES_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const POSTGRES_ADMIN_URL = process.env.SKIMA_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_ADMIN_URL;

export type DbKind = 'sqlite' | 'postgresql';
export const DB_KINDS: DbKind[] = ['sqlite', 'postgresql'];

export interface TestDatabase {
  kind: DbKind;
  url: string;
  /** Drops the database (or deletes the file). */
  drop(): Promise<void>;
}

export async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'skima-test-'));
  const url = `file:${path.join(dir, 'skima.db')}`;
  return { kind: 'sqlite', url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${(err as Error).message}). `
      + 'Run the tests through vitest (npm test), whose global setup starts a private server when none answers',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `skima_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgresql',
    url: url.href,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

export function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  return kind === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase();
}

/** A migrated database with a connected client. */
export async function migratedDb(kind: DbKind): Promise<{ database: TestDatabase; db: Db; close(): Promise<void> }> {
  const database = await createTestDatabase(kind);
  await migrateDatabase(database.url);
  const db = await createDb(database.url);
  return {
    database,
    db,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
