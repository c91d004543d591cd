import type { Db } from './client.ts';
import type { DbProvider } from './paths.ts';
import type { SqliteDatabase } from './statement-cache.ts';

/** One statement and its arguments, for `batch`. */
export type Statement = [sql: string, args: unknown[]];

/**
 * Hand-written SQL for the few statements that run for every application (the queue's claim and
 * completion, the pipeline's reads and writes). A Prisma model call costs several times the CPU of
 * the statement itself, mostly in building the query and mapping every column of the result; the
 * core loop spends most of its main thread in the database, so these skip the model layer.
 *
 * Statements are written once, with `?` placeholders (and no other question mark) and double-quoted
 * identifiers, in SQL that SQLite and PostgreSQL both read; `provider` is there for the rare clause
 * only one of them has. Values go in and come out as Prisma's own calls write and read them (Dates,
 * JSON, booleans), so rows written here and rows written by Prisma compare and read alike. Two rules
 * keep it so: pass every DateTime explicitly (a column default such as CURRENT_TIMESTAMP is stored by
 * SQLite in another text format than Prisma's, and would compare wrongly), and pass JSON as a string.
 */
export interface RawSql {
  readonly provider: DbProvider;
  /** Rows of a SELECT or of a statement with RETURNING. */
  rows<T>(sql: string, ...args: unknown[]): Promise<T[]>;
  /** The number of rows an INSERT, UPDATE or DELETE changed. */
  run(sql: string, ...args: unknown[]): Promise<number>;
  /** Several writes as one transaction (one commit); the rows each changed. */
  batch(statements: Statement[]): Promise<number[]>;
  /**
   * Rows of a SELECT whose full-text match the planner prices too low: PostgreSQL reads a large pool
   * row by row for it (each tsvector unpacked) where its index finds the matches in half the time, so
   * there the statement runs with sequential scans off, in a transaction of its own.
   */
  indexedRows<T>(sql: string, ...args: unknown[]): Promise<T[]>;
}

const instances = new WeakMap<Db, RawSql>();

/** Called by `createDb`: which SQL dialect a client speaks and, for SQLite, the connection its adapter
 * holds once it is open. */
export function registerDb(db: Db, provider: DbProvider, sqlite?: () => SqliteConnection | undefined): void {
  const viaPrisma = new PrismaRawSql(db, provider);
  instances.set(db, sqlite ? new SqliteRawSql(sqlite, viaPrisma) : viaPrisma);
}

/** The client's raw SQL, one per client. */
export function rawSql(db: Db): RawSql {
  const sql = instances.get(db);
  if (!sql) throw new Error('this database client was not made by createDb, so its SQL dialect is unknown');
  return sql;
}

/** Through the Prisma client's raw queries: its connection pool, its conversions. PostgreSQL's way. */
class PrismaRawSql implements RawSql {
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly db: Db,
    readonly provider: DbProvider,
  ) {}

  rows<T>(sql: string, ...args: unknown[]): Promise<T[]> {
    return this.db.$queryRawUnsafe<T[]>(this.text(sql), ...args);
  }

  run(sql: string, ...args: unknown[]): Promise<number> {
    return this.db.$executeRawUnsafe(this.text(sql), ...args);
  }

  batch(statements: Statement[]): Promise<number[]> {
    return this.db.$transaction(statements.map(([sql, args]) => this.db.$executeRawUnsafe(this.text(sql), ...args)));
  }

  async indexedRows<T>(sql: string, ...args: unknown[]): Promise<T[]> {
    if (this.provider === 'sqlite') return this.rows<T>(sql, ...args);
    const [, rows] = await this.db.$transaction([
      this.db.$executeRawUnsafe('SET LOCAL enable_seqscan = off'),
      this.db.$queryRawUnsafe<T[]>(this.text(sql), ...args),
    ]);
    return rows;
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

/** The parts of a better-sqlite3 connection used here, as the statement cache hands them out. */
export interface SqliteConnection extends SqliteDatabase {
  readonly open: boolean;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
}
interface BoundStatement {
  run(): { changes: number };
  columns(): { name: string; type: string | null }[];
  raw(on?: boolean): { all(): unknown[][] };
}
interface PreparedStatement {
  bind(args: unknown[]): BoundStatement;
}
interface Prepared {
  stmt: PreparedStatement;
  /** A reader's column names and their conversions, known after its first run. */
  columns?: { names: string[]; convert: (Convert | undefined)[] };
}

type Convert = (value: unknown) => unknown;
const asDate: Convert = (v) => (v === null ? null : new Date(v as string | number));
const asJson: Convert = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const asBoolean: Convert = (v) => (v === null ? null : v === 1 || v === 1n || v === true);
/** The adapter opens SQLite with safe integers, so integers arrive as BigInt; Prisma hands out numbers. */
const asNumber: Convert = (v) => {
  if (typeof v !== 'bigint') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
};
/** By declared column type, as Prisma's SQLite adapter reads them. */
const CONVERSIONS: Record<string, Convert> = { DATETIME: asDate, JSONB: asJson, BOOLEAN: asBoolean };

/** As Prisma's SQLite adapter writes them: Dates as ISO text with +00:00, booleans as 0 and 1. */
function sqliteArg(arg: unknown): unknown {
  if (arg instanceof Date) return arg.toISOString().replace('Z', '+00:00');
  if (typeof arg === 'boolean') return arg ? 1 : 0;
  return arg ?? null;
}

/**
 * SQLite straight through the connection Prisma's adapter holds: better-sqlite3 answers synchronously,
 * so a statement costs a few microseconds instead of Prisma's tens. Sharing the connection keeps one
 * writer in the process; a statement here runs between Prisma's statements, exactly as Prisma's own
 * calls outside a transaction do. Until Prisma has opened the connection (or after it closed it), the
 * statements go through Prisma instead.
 */
class SqliteRawSql implements RawSql {
  readonly provider = 'sqlite' as const;
  private readonly statements = new Map<string, Prepared>();
  private connection: SqliteConnection | undefined;

  constructor(
    private readonly current: () => SqliteConnection | undefined,
    private readonly viaPrisma: RawSql,
  ) {}

  async rows<T>(sql: string, ...args: unknown[]): Promise<T[]> {
    const connection = this.open();
    if (!connection) return this.viaPrisma.rows<T>(sql, ...args);
    const entry = this.prepared(connection, sql);
    const bound = entry.stmt.bind(args.map(sqliteArg));
    if (!entry.columns) {
      const columns = bound.columns();
      const convert = columns.map((c) => CONVERSIONS[(c.type ?? '').toUpperCase()]);
      entry.columns = { names: columns.map((c) => c.name), convert };
    }
    const { names, convert } = entry.columns;
    return bound.raw().all().map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const f = convert[i];
        row[names[i]!] = f ? f(values[i]) : asNumber(values[i]);
      }
      return row as T;
    });
  }

  indexedRows<T>(sql: string, ...args: unknown[]): Promise<T[]> {
    return this.rows<T>(sql, ...args);
  }

  async run(sql: string, ...args: unknown[]): Promise<number> {
    const connection = this.open();
    if (!connection) return this.viaPrisma.run(sql, ...args);
    return this.prepared(connection, sql).stmt.bind(args.map(sqliteArg)).run().changes;
  }

  async batch(statements: Statement[]): Promise<number[]> {
    const connection = this.open();
    if (!connection) return this.viaPrisma.batch(statements);
    const prepared = statements.map(([sql, args]) => ({ stmt: this.prepared(connection, sql).stmt, args }));
    const runAll = () => prepared.map(({ stmt, args }) => stmt.bind(args.map(sqliteArg)).run().changes);
    return connection.transaction(runAll)();
  }

  private open(): SqliteConnection | undefined {
    const connection = this.current();
    if (connection !== this.connection) {
      this.connection = connection;
      this.statements.clear(); // prepared on a connection that is gone
    }
    return connection?.open ? connection : undefined;
  }

  private prepared(connection: SqliteConnection, sql: string): Prepared {
    let entry = this.statements.get(sql);
    if (!entry) {
      entry = { stmt: connection.prepare(sql) as PreparedStatement };
      this.statements.set(sql, entry);
    }
    return entry;
  }
}
