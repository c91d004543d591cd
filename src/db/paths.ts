import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Database provider, picked from the URL scheme. */
export type DbProvider = 'sqlite' | 'postgresql';

export function providerOf(url: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

// Resolved from this file rather than the working directory, so `skima migrate` works from anywhere
// (src/db/ in development, dist/db/ when built: both are two levels below the package root).
const root = fileURLToPath(new URL('../../', import.meta.url));

export function schemaPath(provider: DbProvider): string {
  return provider === 'sqlite' ? `${root}prisma/schema.prisma` : `${root}prisma/postgres/schema.prisma`;
}

export function migrationsDir(provider: DbProvider): string {
  return provider === 'sqlite' ? `${root}prisma/migrations` : `${root}prisma/postgres/migrations`;
}

/** The file of a SQLite URL, resolved; undefined for an in-memory database. */
export function sqliteFile(url: string): string | undefined {
  const file = url.replace(/^file:/, '').split('?')[0] ?? '';
  return file && file !== ':memory:' ? path.resolve(file) : undefined;
}

/** Creates the directory of a SQLite file URL, so `file:./data/skima.db` works on a fresh clone. */
export function ensureSqliteDir(url: string): void {
  const file = sqliteFile(url);
  if (file) mkdirSync(path.dirname(file), { recursive: true });
}
