import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { type DbProvider, ensureSqliteDir, migrationsDir, providerOf, schemaPath } from './paths.ts';
import { applyMigrations, listMigrations, noFilter, openEngine } from './schema-engine.ts';

export async function migrationAdapterFactory(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (providerOf(url) === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    ensureSqliteDir(url);
    return new PrismaBetterSqlite3({ url });
  }
  const { pgMigrationAdapterFactory } = await import('./pg-migration-adapter.ts');
  return pgMigrationAdapterFactory(url);
}

/** Applies pending migrations to the database at `url`; returns the names applied (empty when none). */
export async function migrateDatabase(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const { engine, close } = await openEngine(schemaPath(provider), await migrationAdapterFactory(url));
  try {
    return await applyMigrations(engine, migrationsDir(provider));
  } finally {
    await close();
  }
}

/** Names of the migrations shipped with this version of Skima, in order. */
export async function shippedMigrations(provider: DbProvider): Promise<string[]> {
  const list = await listMigrations(migrationsDir(provider));
  return list.migrationDirectories.map((d) => d.path);
}

export { noFilter };
