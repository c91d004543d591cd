// The SQLite connection settings Skima relies on: concurrent readers, no fsync per commit, waiting
// for another process's lock, and a page cache sized for a growing database.
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { createTestDatabase } from '../helpers/databases.ts';

describe('a SQLite connection', () => {
  it('runs in WAL mode with a 64 MB page cache, a memory map and a busy timeout', async () => {
    const database = await createTestDatabase('sqlite');
    const db = await createDb(database.url);
    try {
      const pragma = async (name: string) =>
        Object.values(((await db.$queryRawUnsafe(`PRAGMA ${name}`)) as Record<string, unknown>[])[0]!)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(Number(await pragma('synchronous'))).toBe(1); // NORMAL
      expect(Number(await pragma('busy_timeout'))).toBe(5000);
      expect(Number(await pragma('cache_size'))).toBe(-65536);
      expect(Number(await pragma('mmap_size'))).toBe(268435456);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});
