import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { existsSync } from 'node:fs';
import { createDb } from './client.ts';
import { checkDatabase } from './health.ts';
import { prepareSqliteFile, migrationsDir, providerOf, schemaPath } from './paths.ts';
import { applyMigrations, openEngine } from './schema-engine.ts';

export { shippedMigrations } from './shipped.ts';

export async function migrationAdapterFactory(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (providerOf(url) === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    prepareSqliteFile(url);
    return new PrismaBetterSqlite3({ url });
  }
  const { pgMigrationAdapterFactory } = await import('./pg-migration-adapter.ts');
  return pgMigrationAdapterFactory(url);
}

/** Pending migrations as an ordinary connection sees them; undefined when only the engine can tell. */
async function pendingMigrations(url: string): Promise<string[] | undefined> {
  const provider = providerOf(url);
  if (provider === 'sqlite' && !existsSync(url.replace(/^file:/, '').split('?')[0] ?? '')) return undefined;
  const db = await createDb(url);
  try {
    const health = await checkDatabase(db, provider);
    return health.reachable ? health.pendingMigrations : undefined;
  } finally {
    await db.$disconnect();
  }
}

/**
 * Applies pending migrations to the database at `url`; returns the names applied (empty when none).
 * An up-to-date database is recognised without the schema engine, which on SQLite needs the file to
 * itself: a restart beside another running process then just works.
 */
export async function migrateDatabase(url: string): Promise<string[]> {
  if ((await pendingMigrations(url))?.length === 0) return [];
  const provider = providerOf(url);
  const { engine, close } = await openEngine(schemaPath(provider), await migrationAdapterFactory(url));
  try {
    return await applyMigrations(engine, migrationsDir(provider));
  } catch (err) {
    if (provider === 'sqlite' && /SocketTimeout|database is locked/.test(String(err))) {
      throw new Error(
        'the SQLite database is in use by another process, and migrations need it to themselves for a moment: '
        + 'stop the other Skima process, then start again',
      );
    }
    throw err;
  } finally {
    await close();
  }
}
