// Vitest's global setup: what the suite needs from the machine, found or provided once for every
// test file. PostgreSQL: the server at SKIMA_TEST_POSTGRES_URL (default 127.0.0.1:5432), or when none
// answers there, a private one started for this run and stopped after it. Chromium: see
// test/helpers/chromium.ts. Both are handed to the test files (and the processes they start) through
// the environment.
import pg from 'pg';
import { resolveChromium } from '../helpers/chromium.ts';
import { DEFAULT_POSTGRES_ADMIN_URL } from '../helpers/databases.ts';
import { startPrivatePostgres } from './private-postgres.ts';

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return undefined;
  } catch (err) {
    return (err as Error).message || (err as { code?: string }).code || String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.SKIMA_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_ADMIN_URL;
  const problem = await reachable(url);
  let stopPostgres = async (): Promise<void> => {};
  if (problem) {
    const server = await startPrivatePostgres();
    console.log(`PostgreSQL: none usable at ${url} (${problem}); started a private one at ${server.url}`);
    process.env.SKIMA_TEST_POSTGRES_URL = server.url;
    stopPostgres = server.stop;
  }
  const chromium = await resolveChromium();
  process.env.SKIMA_CHROMIUM = chromium.path;
  if (chromium.source !== 'the PATH') console.log(`Chromium: ${chromium.path} (from ${chromium.source})`);
  return stopPostgres;
}
