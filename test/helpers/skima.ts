// A whole Skima on loopback against an Ashby sandbox the test controls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AshbyClient, RequestGate } from '../../src/ashby/index.ts';
import { type Permission, type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/index.ts';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { AshbyConnection } from '../../src/core/ashby-connection.ts';
import { type RunningSkima, startSkima } from '../../src/core/app.ts';
import { createTestDatabase, type DbKind, type TestDatabase } from './databases.ts';
import { freePort } from './cli.ts';
import { testLogger } from './logger.ts';

export interface SkimaHarness {
  skima: RunningSkima;
  sandbox: RunningSandbox;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export function sandboxConnection(sandbox: RunningSandbox, apiKey = sandbox.apiKey): AshbyConnection {
  return {
    client: new AshbyClient({
      apiKey,
      baseUrl: sandbox.url,
      logger: testLogger(),
      gate: new RequestGate({ requestsPerSecond: 10_000, burst: 10_000, maxConcurrency: 16 }),
      backoff: { baseDelayMs: 20, maxDelayMs: 200 },
    }),
    webhookSecret: undefined,
    sandbox,
    close: async () => {},
  };
}

export async function testConfig(database: TestDatabase, env: Record<string, string> = {}): Promise<Config> {
  const port = await freePort();
  // Scoring threads each load pdf.js afresh (about 2 s through the TypeScript loader): tests run on the
  // main thread unless they ask for threads, as the core loop's end-to-end test does.
  const result = loadConfig({
    DATABASE_URL: database.url,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    SCORING_THREADS: '0',
    ...env,
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

/** Skima on a fresh database, wired to a fresh sandbox (seed `small` unless said), webhooks subscribed. */
export async function startHarness(
  kind: DbKind = 'sqlite',
  opts: {
    seed?: string;
    env?: Record<string, string>;
    permissions?: Permission[];
    /** Runs once the sandbox is up and before Skima reads its configuration. */
    beforeStart?: (sandbox: RunningSandbox) => Promise<void>;
  } = {},
): Promise<SkimaHarness> {
  const database = await createTestDatabase(kind);
  const sandbox = await startSandbox({ port: 0, seed: opts.seed ?? 'small', timeScale: 0.001 });
  await opts.beforeStart?.(sandbox);
  const config = await testConfig(database, opts.env);
  const connection = sandboxConnection(sandbox, opts.permissions ? sandbox.createKey(opts.permissions, 'limited') : undefined);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'skima-data-'));
  const skima = await startSkima(config, testLogger(), { ashby: connection, dataDir });
  return {
    skima,
    sandbox,
    database,
    config,
    close: async () => {
      await skima.stop();
      await sandbox.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The sandbox's recorded writes of one kind about one object. */
export function writesFor(
  sandbox: RunningSandbox,
  endpoint: string,
  match: (body: Record<string, unknown>) => boolean,
) {
  return sandbox.control.writes.filter((w) => w.endpoint === endpoint && match(w.body as Record<string, unknown>));
}
