// What a backfill spends of Ashby's request budget: Skima against `large:N` (BENCH_BUDGET_BACKFILL,
// default 3000) with the tag on and with ASHBY_TAG=off, each on a fresh sandbox and a fresh SQLite
// database, counted by the sandbox per endpoint. Against real Ashby (5 requests/s by default) these calls,
// not Skima's CPU, set the pace: the projected hours for 100,000 are printed beside them.
// Targets: at most 3.0 calls per application with the tag, 2.1 without.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { startSkima, waitForIdle } from '../src/core/app.ts';
import { createLogger } from '../src/core/logger.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { freePort } from '../test/helpers/cli.ts';
import { createTestDatabase, fmt } from './_support.ts';
import {
  BENCH_ASHBY_KEY,
  BENCH_WEBHOOK_SECRET,
  reportAshbyBudget,
  startSandboxProcess,
} from './lib/sandbox-process.ts';

const N = Number(process.env.BENCH_BUDGET_BACKFILL ?? 3000);
const TARGETS = { on: 3.0, off: 2.1 };

async function backfill(tag: 'on' | 'off'): Promise<number> {
  const sandboxPort = await freePort();
  const skimaPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = await startSandboxProcess(sandboxPort, {
    seed: `large:${N}`,
    webhookUrl: `http://127.0.0.1:${skimaPort}/webhooks/ashby`,
  });
  const database = await createTestDatabase('sqlite');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'skima-bench-'));
  try {
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: String(skimaPort),
      ASHBY_API_KEY: BENCH_ASHBY_KEY,
      ASHBY_BASE_URL: sandboxUrl,
      ASHBY_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
      ASHBY_REQUESTS_PER_SECOND: '100000',
      ASHBY_MAX_CONCURRENCY: '16',
      ASHBY_TAG: tag,
      QUEUE_CONCURRENCY: '16',
      LOG_LEVEL: 'silent',
      SKIMA_SECRET: 'bench-secret-0123456789abcdef0123456789',
    });
    if (!config.ok) throw new Error(config.problems.join('; '));
    await migrateDatabase(database.url);
    const skima = await startSkima(config.config, createLogger('silent'), { dataDir });
    try {
      if (!(await waitForIdle(skima.ctx, Math.max(10 * 60_000, N * 200)))) throw new Error('the backfill timed out');
      const screened = await skima.ctx.db.application.count({ where: { screeningState: { not: 'pending' } } });
      const perApp = await reportAshbyBudget(sandboxUrl, screened, `backfill of ${fmt(screened)}, ASHBY_TAG=${tag}`);
      return perApp;
    } finally {
      await skima.stop();
    }
  } finally {
    sandbox.kill('SIGTERM');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const tag of ['on', 'off'] as const) {
  const perApp = await backfill(tag);
  console.log(`  target with the tag ${tag}: at most ${TARGETS[tag]} -> ${perApp <= TARGETS[tag] ? 'met' : 'MISSED'}`);
}
