// One code base, two generated clients (same models, another `provider`). The SQLite client's type is
// the one the application is written against; stay away from provider-only features (insensitive
// mode, JSON path syntax, raw SQL dialects) so the same code runs on both.
import type { PrismaClient } from '../generated/sqlite/client.ts';
import { prepareSqliteFile, providerOf, sqliteFile } from './paths.ts';
import { registerDb, type SqliteConnection } from './raw-sql.ts';
import { cacheStatements } from './statement-cache.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

export type Db = PrismaClient;

/** SQLite's page cache per connection, in KB (its default is 2 MB). */
export const SQLITE_CACHE_KB = 32 * 1024;

export interface DbOptions {
  /** Checkpoint SQLite's WAL from a thread of its own (default). A command that reads a little and exits
   * turns it off: starting the thread and its connection costs it more CPU than its whole query. */
  backgroundCheckpoints?: boolean;
}

export async function createDb(url: string, options: DbOptions = {}): Promise<Db> {
  if (providerOf(url) === 'postgresql') {
    // Dynamic imports: a PostgreSQL deployment never loads better-sqlite3, and the reverse.
    const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([
      import('../generated/postgres/client.ts'),
      import('@prisma/adapter-pg'),
    ]);
    const db = new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    registerDb(db, 'postgresql');
    return db;
  }
  prepareSqliteFile(url);
  const [{ PrismaClient: SqliteClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import('../generated/sqlite/client.ts'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  let connection: SqliteConnection | undefined;
  class CachingAdapterFactory extends PrismaBetterSqlite3 {
    override async connect() {
      const adapter = await super.connect();
      connection = (adapter as unknown as { client: SqliteConnection }).client;
      cacheStatements(connection);
      return adapter;
    }
  }
  const db = new SqliteClient({ adapter: new CachingAdapterFactory({ url }) });
  // Raw SQL on the hot paths goes straight to the connection the adapter opened (see raw-sql.ts).
  registerDb(db, 'sqlite', () => connection);
  // WAL lets readers work while a writer commits, and with synchronous=NORMAL a commit costs no
  // fsync (a power cut may lose the last commits, never corrupt the file). The busy timeout makes a
  // second process, such as a worker restarted beside a dying one, wait for the lock.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  // SQLite's default page cache is 2 MB: a backfill's database outgrows it within minutes, and then
  // every lookup reads its index pages again. With 32 MB, a page beyond it is a read from the OS's file
  // cache (a copy, not a disk read); the cache is the process's own memory. No memory map: its
  // pages count in the process's RSS, and SQLite grows the map to the file whenever this connection
  // checkpoints (at large:100000 it reached 216 MB within minutes), for reads the cache serves anyway.
  // See docs/benchmarks.md for the RSS and CPU both were measured at.
  await db.$queryRawUnsafe(`PRAGMA cache_size = -${SQLITE_CACHE_KB}`);
  await db.$queryRawUnsafe('PRAGMA mmap_size = 0');
  const file = sqliteFile(url);
  if (file && options.backgroundCheckpoints !== false) await checkpointInBackground(db, file);
  return db;
}

/** Moves WAL checkpoints (and their fsyncs) off the thread that commits; see wal-checkpointer.ts. */
async function checkpointInBackground(db: Db, file: string): Promise<void> {
  const checkpointer = startWalCheckpointer(file, {
    // Not fatal: the connection's own backstop checkpoint still bounds the WAL.
    onError: (message) => process.emitWarning(`SQLite background checkpoint failed: ${message}`),
  });
  await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${checkpointer.backstopPages}`);
  // The thread holds a connection of its own: it ends with the client's.
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await checkpointer.stop();
    await disconnect();
  };
}
