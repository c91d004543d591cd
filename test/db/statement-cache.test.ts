import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cacheStatements, type SqliteDatabase } from '../../src/db/statement-cache.ts';

interface Bound {
  reader: boolean;
  run(): { changes: number };
  columns(): { name: string }[];
  raw(): { all(): unknown[][] };
}
interface Facade {
  run(): { changes: number };
  bind(args: unknown[]): Bound;
}

// better-sqlite3 ships no types; only what the cache wraps is needed here.
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteDatabase & {
  close(): void;
};

describe('the prepared-statement cache', () => {
  const open = () => {
    const db = new Database(':memory:');
    const prepares: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => {
      prepares.push(sql);
      return prepare(sql);
    };
    cacheStatements(db);
    const facade = (sql: string) => db.prepare(sql) as Facade;
    return { db, prepares, facade };
  };

  it('prepares each SQL text once and binds fresh arguments on every use, as the Prisma adapter calls it', () => {
    const { db, prepares, facade } = open();
    facade('CREATE TABLE t (id INTEGER, name TEXT)').run();
    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, null]]) {
      expect(facade('INSERT INTO t VALUES (?, ?)').bind([id, name]).run().changes).toBe(1);
    }
    const select = facade('SELECT id, name FROM t WHERE id >= ? ORDER BY id').bind([2]);
    expect(select.reader).toBe(true);
    expect(select.columns().map((c) => c.name)).toEqual(['id', 'name']);
    expect(select.raw().all()).toEqual([[2, 'b'], [3, null]]);
    expect(facade('SELECT id, name FROM t WHERE id >= ? ORDER BY id').bind([3]).raw().all()).toEqual([[3, null]]);
    expect(prepares.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
    expect(prepares.filter((s) => s.startsWith('SELECT'))).toHaveLength(1);
    db.close();
  });

  it('leaves a statement usable after a call fails', () => {
    const { db, facade } = open();
    facade('CREATE TABLE u (id INTEGER PRIMARY KEY)').run();
    facade('INSERT INTO u VALUES (?)').bind([1]).run();
    expect(() => facade('INSERT INTO u VALUES (?)').bind([1]).run()).toThrow(/UNIQUE/);
    expect(facade('INSERT INTO u VALUES (?)').bind([2]).run().changes).toBe(1);
    expect(facade('SELECT count(*) AS n FROM u').bind([]).raw().all()).toEqual([[2]]);
    db.close();
  });
});
