// Offline Prisma migrations: drives @prisma/schema-engine-wasm with a JS driver adapter, so neither
// `skima migrate` nor start-up needs Prisma's native schema-engine binary (a download we cannot make).
// Each workaround below was seen failing without it; see ../shared/reference/prisma-offline.md.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { schemaFilterFor } from './external-tables.ts';
import type { MigrationList, SchemaEngine, SchemaFilter, SchemasContainer } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

// Rust panics are reported through this global; without it a panic surfaces as
// "Cannot read properties of undefined (reading 'set_message')".
const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string; set_message(m: string): void } };
globals.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: '',
  set_message(m: string) {
    this.message = `RuntimeError: ${m}`;
  },
};

// @types/node 20 does not declare the WebAssembly global; type the two calls made here.
type WasmImports = Record<string, Record<string, unknown>>;
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: WasmImports) => { exports: Record<string, unknown> };
    };
  }
).WebAssembly;

const engineTimers = new Set<{ unref?: () => void }>();
let engineClass: Promise<typeof SchemaEngine> | undefined;

/** Instantiates the wasm-bindgen module by hand (Node 20 has no ESM wasm imports); once per process,
 * since a second instance panics. */
function loadSchemaEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= instantiate();
  return engineClass;
}

async function instantiate(): Promise<typeof SchemaEngine> {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- wasm-bindgen glue has no types
  const runtime: any = await import(pathToFileURL(gluePath).href);
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  // The engine arms timers that outlive a finished command and keep Node alive for ~10 s; remember
  // them so close() can unref them.
  const imports: Record<string, unknown> = { ...runtime };
  for (const key of Object.keys(imports)) {
    if (key.startsWith('__wbg_setTimeout_')) {
      const orig = imports[key] as (...a: unknown[]) => { unref?: () => void };
      imports[key] = (...a: unknown[]) => {
        const t = orig(...a);
        engineTimers.add(t);
        return t;
      };
    }
  }
  const instance = new wasm.Instance(new wasm.Module(bytes), { './schema_engine_bg.js': imports });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return runtime.SchemaEngine;
}

/** The shape of prisma's own listMigrations(): <dir>/migration_lock.toml and <dir>/<name>/migration.sql. */
export async function listMigrations(baseDir: string): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(path.join(baseDir, lockPath), 'utf-8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const e of entries.filter((d) => d.isDirectory())) {
    const content = await readFile(path.join(baseDir, e.name, 'migration.sql'), 'utf-8')
      .then((value) => ({ tag: 'ok' as const, value }))
      .catch((err: Error) => ({ tag: 'error' as const, value: err.message }));
    migrationDirectories.push({ path: e.name, migrationFile: { path: 'migration.sql', content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: path.resolve(baseDir),
    lockfile: { path: lockPath, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

export async function loadSchemas(schemaFile: string): Promise<SchemasContainer> {
  return { files: [{ path: path.resolve(schemaFile), content: await readFile(schemaFile, 'utf-8') }] };
}

const filters = new WeakMap<SchemaEngine, SchemaFilter>();

/** The external tables an engine must leave alone, for its database's provider. */
export function schemaFilter(engine: SchemaEngine): SchemaFilter {
  const filter = filters.get(engine);
  if (!filter) throw new Error('this schema engine was not opened by openEngine');
  return filter;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened, shadow databases included. */
  close(): Promise<void>;
}

/** The engine replays migrations on the shadow database with one executeRaw(wholeScript), but
 * better-sqlite3 prepares one statement at a time; send parameterless scripts through db.exec. */
function sqliteScriptSafe(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

export async function openEngine(
  schemaFile: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (msg: string) => void = () => {},
): Promise<OpenEngine> {
  const SchemaEngineClass = await loadSchemaEngineClass();
  const schemas = await loadSchemas(schemaFile);
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const a = await adapterFactory.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await adapterFactory.connectToShadowDb();
      opened.push(a);
      return adapterFactory.provider === 'sqlite' ? sqliteScriptSafe(a) : a;
    },
  };
  const engine = await SchemaEngineClass.new(
    { datamodels: schemas.files.map((f) => [f.path, f.content] as [string, string]) },
    (msg: unknown) => log(typeof msg === 'string' ? msg : JSON.stringify(msg)),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  filters.set(engine, schemaFilterFor(adapterFactory.provider));
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      for (const t of engineTimers) t.unref?.();
      engineTimers.clear();
      // The engine never disposes JS connections itself, and the main SQLite connection holds an
      // exclusive lock: close them, or a PrismaClient in this process blocks.
      for (const a of opened.splice(0)) await a.dispose().catch(() => {});
    },
  };
}

/** `prisma migrate dev --create-only --name <name>`; returns the new directory's name, or undefined
 * when the schema has no changes. */
export async function createMigration(
  engine: SchemaEngine,
  opts: { schemaFile: string; migrationsDir: string; name: string },
): Promise<string | undefined> {
  const migrationsList = await listMigrations(opts.migrationsDir);
  // applyMigrations creates _prisma_migrations on a fresh database, which devDiagnostic needs; and
  // devDiagnostic fills the cache createMigration relies on (it has no shadow database of its own).
  await engine.applyMigrations({ migrationsList, filters: schemaFilter(engine) });
  const diag = await engine.devDiagnostic({ migrationsList, filters: schemaFilter(engine) });
  if (diag.action.tag === 'reset') {
    throw new Error(`the development database needs a reset first: ${diag.action.reason}`);
  }
  const out = await engine.createMigration({
    draft: false,
    migrationName: opts.name,
    migrationsList,
    schema: await loadSchemas(opts.schemaFile),
    filters: schemaFilter(engine),
  });
  if (out.migrationScript === null) return undefined;
  const dir = path.join(opts.migrationsDir, out.generatedMigrationName);
  if (existsSync(dir)) throw new Error(`migration directory already exists: ${dir}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript, 'utf-8');
  await writeFile(
    path.join(opts.migrationsDir, 'migration_lock.toml'),
    `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
    'utf-8',
  );
  return out.generatedMigrationName;
}

/** `prisma migrate deploy`: applies what is pending and returns the names applied. */
export async function applyMigrations(engine: SchemaEngine, dir: string): Promise<string[]> {
  const migrationsList = await listMigrations(dir);
  const out = await engine.applyMigrations({ migrationsList, filters: schemaFilter(engine) });
  return out.appliedMigrationNames;
}

/** Replays the migrations on a shadow database and diffs them against the schema: the SQL that the
 * migrations lack, or '' when they match. */
export async function driftSql(engine: SchemaEngine, schemaFile: string, dir: string): Promise<string> {
  const res = await engine.diff({
    from: { tag: 'migrations', ...(await listMigrations(dir)) },
    to: { tag: 'schemaDatamodel', ...(await loadSchemas(schemaFile)) },
    script: true,
    exitCode: true,
    filters: schemaFilter(engine),
  });
  return res.exitCode === 0 ? '' : (res.stdout ?? '');
}
