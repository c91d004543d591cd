/** The parts of better-sqlite3's Database and Statement used here (the package ships no types). */
interface Statement {
  readonly reader: boolean;
  run(params: unknown[]): unknown;
  columns(): unknown[];
  raw(on?: boolean): Statement;
  all(params: unknown[]): unknown[];
}
export interface SqliteDatabase {
  prepare(sql: string): unknown;
}

const MAX_STATEMENTS = 1000;

/**
 * Prisma's better-sqlite3 adapter (pinned in package.json) prepares every statement anew and binds it
 * once, and preparing costs about as much as running a small query. This keeps one prepared statement
 * per SQL text and binds the arguments on each call instead. The facade covers what the adapter uses
 * (`reader`, `bind(args)`, `run`, `columns`, `raw().all`); better-sqlite3 runs each call to completion
 * synchronously, so one statement can serve every caller in turn.
 */
export function cacheStatements(db: SqliteDatabase): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const statement = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= MAX_STATEMENTS) cache.clear(); // queries are few and fixed; this only bounds odd raw SQL
      stmt = prepare(sql) as Statement;
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const bound = (stmt: Statement, args: unknown[]) => ({
    reader: stmt.reader,
    run: () => stmt.run(args),
    columns: () => stmt.columns(),
    raw: (on = true) => ({ all: () => stmt.raw(on).all(args) }),
  });
  db.prepare = (sql: string) => {
    const stmt = statement(sql);
    const bind = (...args: unknown[]) => bound(stmt, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
    return { ...bound(stmt, []), bind };
  };
}
