// The SQLite connection settings Skima relies on: concurrent readers, no fsync per commit, waiting
// for another process's lock, and a page cache sized for a growing database (but no memory map).
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { createDb, SQLITE_CACHE_KB } from '../../src/db/client.ts';
import { sqliteFile } from '../../src/db/paths.ts';
import { BACKSTOP_PAGES } from '../../src/db/wal-checkpointer.ts';
import { createTestDatabase, migratedDb } from '../helpers/databases.ts';

describe('a SQLite connection', () => {
  it('runs in WAL mode with a 32 MB page cache, no memory map and a busy timeout', async () => {
    const database = await createTestDatabase('sqlite');
    const db = await createDb(database.url);
    try {
      const pragma = async (name: string) =>
        Object.values(((await db.$queryRawUnsafe(`PRAGMA ${name}`)) as Record<string, unknown>[])[0]!)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(Number(await pragma('synchronous'))).toBe(1); // NORMAL
      expect(Number(await pragma('busy_timeout'))).toBe(5000);
      expect(SQLITE_CACHE_KB).toBe(32 * 1024);
      expect(Number(await pragma('cache_size'))).toBe(-32768);
      // No memory map: mapped pages count in the process's RSS (docs/benchmarks.md).
      expect(Number(await pragma('mmap_size'))).toBe(0);
      // Checkpoints are the background thread's; the connection's own is only a backstop.
      expect(Number(await pragma('wal_autocheckpoint'))).toBe(BACKSTOP_PAGES);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });

  it('copies the WAL into the database file from its own thread, long before the backstop', async () => {
    const { database, db, close } = await migratedDb('sqlite');
    const file = sqliteFile(database.url)!;
    try {
      const before = statSync(file).size;
      // About 4 MB of rows: far below the backstop's 64 MB, so only the thread can have moved them.
      const text = 'x'.repeat(4000);
      for (let i = 0; i < 1000; i++) {
        await db.auditEvent.create({ data: { actor: 'test', action: 'fill', subjectId: `${i}-${text}` } });
      }
      await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before + 3_000_000);
      expect(await db.auditEvent.count()).toBe(1000);
    } finally {
      await close();
    }
  });
});
