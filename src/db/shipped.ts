import { type DbProvider, migrationsDir } from './paths.ts';
import { listMigrations } from './schema-engine.ts';

/** Names of the migrations shipped with this version of Skima, in order. */
export async function shippedMigrations(provider: DbProvider): Promise<string[]> {
  const list = await listMigrations(migrationsDir(provider));
  return list.migrationDirectories.map((d) => d.path);
}
