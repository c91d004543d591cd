// Development migrations through the WASM schema engine (no native binary needed).
// Usage: tsx tools/migrate.ts <create NAME | deploy | status | drift | reset>
// Env: DATABASE_URL (default file:./data/dev.db); a postgres URL selects the PostgreSQL schema.
import { rmSync } from 'node:fs';
import { migrationAdapterFactory } from '../src/db/migrate.ts';
import { migrationsDir, providerOf, schemaPath } from '../src/db/paths.ts';
import {
  applyMigrations,
  createMigration,
  driftSql,
  listMigrations,
  openEngine,
  schemaFilter,
} from '../src/db/schema-engine.ts';

const url = process.env.DATABASE_URL ?? 'file:./data/dev.db';
const provider = providerOf(url);
const schemaFile = schemaPath(provider);
const dir = migrationsDir(provider);

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'reset' && provider === 'sqlite') {
  // The WASM engine's SQLite reset only deletes rows; remove the file instead.
  const file = url.replace(/^file:/, '');
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}
const { engine, close } = await openEngine(schemaFile, await migrationAdapterFactory(url));
try {
  switch (cmd) {
    case 'create': {
      const name = await createMigration(engine, { schemaFile, migrationsDir: dir, name: arg ?? 'migration' });
      console.log(name ? `created ${dir}/${name}/migration.sql` : 'no schema changes');
      console.log('applied:', await applyMigrations(engine, dir));
      break;
    }
    case 'deploy':
      console.log('applied:', await applyMigrations(engine, dir));
      break;
    case 'status': {
      const status = await engine.diagnoseMigrationHistory({
        migrationsList: await listMigrations(dir),
        optInToShadowDatabase: false,
        filters: schemaFilter(engine),
      });
      console.log(JSON.stringify(status, null, 2));
      break;
    }
    case 'drift': {
      const sql = await driftSql(engine, schemaFile, dir);
      process.stdout.write(sql || 'migrations match the schema\n');
      process.exitCode = sql ? 2 : 0;
      break;
    }
    case 'reset':
      if (provider === 'postgresql') await engine.reset({ filter: schemaFilter(engine) });
      console.log('applied:', await applyMigrations(engine, dir));
      break;
    default:
      console.error('usage: tsx tools/migrate.ts <create NAME | deploy | status | drift | reset>');
      process.exitCode = 2;
  }
} finally {
  await close();
}
