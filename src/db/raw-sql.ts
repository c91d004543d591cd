import type { Db } from './client.ts';
import type { DbProvider } from './paths.ts';

const providers = new WeakMap<object, DbProvider>();

/** Called by `createDb`: which SQL dialect a client speaks. */
export function registerProvider(db: Db, provider: DbProvider): void {
  providers.set(db, provider);
}

const instances = new WeakMap<Db, RawSql>();

/** The client's raw SQL, one per client (it keeps each statement's PostgreSQL text). */
export function rawSql(db: Db): RawSql {
  let sql = instances.get(db);
  if (!sql) {
    sql = new RawSql(db);
    instances.set(db, sql);
  }
  return sql;
}

export function dbProvider(db: Db): DbProvider {
  const provider = providers.get(db);
  if (!provider) throw new Error('this database client was not made by createDb, so its SQL dialect is unknown');
  return provider;
}

/**
 * Hand-written SQL for the few statements that run for every application (the queue's claim and
 * completion): a Prisma model call costs two to three times the CPU of the same statement sent raw,
 * mostly in building the query and mapping every column of the result. Statements go through the
 * client all the same, so they share its connection, its transactions and its value conversions
 * (Dates, JSON). They are written once, with `?` placeholders (and no other question mark) and
 * double-quoted identifiers, in SQL that SQLite and PostgreSQL both read; `provider` is there for the
 * rare clause only one of them has.
 *
 * Rules that keep raw rows identical to Prisma's: pass every DateTime explicitly (a column default
 * such as CURRENT_TIMESTAMP is stored by SQLite in another text format than Prisma's, and would
 * compare wrongly), and pass JSON as a string.
 */
export class RawSql {
  readonly provider: DbProvider;
  private readonly texts = new Map<string, string>();

  constructor(private readonly db: Db) {
    this.provider = dbProvider(db);
  }

  /** Rows of a SELECT or of a statement with RETURNING, converted as Prisma converts its columns. */
  rows<T>(sql: string, ...args: unknown[]): Promise<T[]> {
    return this.db.$queryRawUnsafe<T[]>(this.text(sql), ...args);
  }

  /** The number of rows an INSERT, UPDATE or DELETE changed. */
  run(sql: string, ...args: unknown[]): Promise<number> {
    return this.db.$executeRawUnsafe(this.text(sql), ...args);
  }

  /** PostgreSQL numbers its placeholders ($1, $2, ...); SQLite takes `?` as written. */
  private text(sql: string): string {
    if (this.provider === 'sqlite') return sql;
    let text = this.texts.get(sql);
    if (text === undefined) {
      let n = 0;
      text = sql.replace(/\?/g, () => `$${++n}`);
      this.texts.set(sql, text);
    }
    return text;
  }
}
