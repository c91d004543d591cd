import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
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

/** The files SQLite keeps beside a database in WAL mode. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Readies the file of a SQLite URL before anything opens it, so `file:./data/skima.db` works on a
 * fresh clone and keeps its resumes and personal data to Skima's user: folders it creates are 0700,
 * and the database is created 0600 (SQLite gives its WAL and shared-memory files the database's
 * mode). Files an older version left readable by others are tightened; an existing folder is the
 * operator's and stays as it is.
 */
export function prepareSqliteFile(url: string): void {
  const file = sqliteFile(url);
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, ...SIDE_FILES.map((suffix) => file + suffix)]) {
    try {
      if ((statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
