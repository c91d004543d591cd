// An AppContext on a fresh, migrated database whose Ashby is unreachable (127.0.0.1:9): core services
// that must not call Ashby fail loudly if they try.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AshbyClient } from '../../src/ashby/index.ts';
import type { AshbyConnection } from '../../src/core/ashby-link/ashby-connection.ts';
import { type AppContext, closeContext, createContext, type PipelineScorer } from '../../src/core/context.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { createTestDatabase, type DbKind, type TestDatabase } from './databases.ts';
import { testLogger } from './logger.ts';
import { testConfig } from './skima.ts';

export interface CoreEnv {
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

/** An Ashby that records and refuses every call: for core services that must never reach it. */
export function unreachableAshby(): AshbyConnection & { calls: string[] } {
  const calls: string[] = [];
  const client = new AshbyClient({
    apiKey: 'unused',
    baseUrl: 'http://127.0.0.1:9',
    backoff: { baseDelayMs: 1, maxDelayMs: 1 },
    fetch: async (input) => {
      calls.push(String(input));
      throw new Error('this test must not call Ashby');
    },
  });
  return { client, webhookSecret: undefined, close: async () => {}, calls };
}

export async function coreContext(
  kind: DbKind,
  opts: { scorer?: PipelineScorer; ashby?: AshbyConnection; env?: Record<string, string> } = {},
): Promise<CoreEnv> {
  const database = await createTestDatabase(kind);
  await migrateDatabase(database.url);
  const config = await testConfig(database, opts.env);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'skima-core-'));
  const ctx = await createContext(config, testLogger(), {
    ashby: opts.ashby ?? unreachableAshby(),
    dataDir,
    ...(opts.scorer ? { scorer: opts.scorer } : {}),
  });
  return {
    ctx,
    database,
    close: async () => {
      await closeContext(ctx);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
