import { loadConfigOrThrow } from '../config/load.ts';
import { describeDatabase } from '../db/describe.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima migrate

Applies the migrations this version ships to DATABASE_URL (SQLite or PostgreSQL). Safe to run
again: what is applied already is left alone.`;

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, {}, async () => {
    const config = loadConfigOrThrow();
    const applied = await migrateDatabase(config.databaseUrl);
    const where = describeDatabase(config.databaseUrl);
    console.log(applied.length ? `applied to ${where}: ${applied.join(', ')}` : `${where} is up to date`);
    return 0;
  });
}
