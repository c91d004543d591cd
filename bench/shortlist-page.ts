// The secure shortlist page under load: GET /s/:token (a full top-10 with quotes in context) driven by
// autocannon in its own process over loopback, against a baseline measured in the same run on the same
// server: GET /healthz (fastify with nothing behind it). Median of 3 short rounds each; requests per
// second and p99 latency. Skima runs on SQLite in this process, against the Ashby sandbox (seed small
// plus applicants up to a full shortlist); the rate limits are lifted for the run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../src/ashby-sandbox/index.ts';
import { loadConfig } from '../src/config/load.ts';
import { startSkima, waitForIdle } from '../src/app.ts';
import { mintShortlistLinks } from '../src/core/links/demo-links.ts';
import { createLogger } from '../src/core/logger.ts';
import { freePort } from '../test/helpers/cli.ts';
import { sandboxConnection } from '../test/helpers/skima.ts';
import { createTestDatabase, fmt, median } from './_support.ts';

const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_PAGE_CONNECTIONS ?? 10);

interface Round {
  rps: number;
  p99: number;
  /** Errors and answers other than 2xx: there must be none. */
  failed: number;
}

/** One autocannon run in its own process (asynchronously: the server shares this process's event loop). */
async function autocannon(url: string): Promise<Round> {
  const child = spawn(
    process.execPath,
    ['node_modules/autocannon/autocannon.js', '-j', '-c', String(CONNECTIONS), '-d', String(SECONDS), url],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`autocannon failed: ${stderr}`);
  const out = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  return { rps: out.requests.average, p99: out.latency.p99, failed: out.non2xx + out.errors };
}

async function main() {
  const database = await createTestDatabase('sqlite');
  const sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'skima-bench-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    LINK_RATE_LIMIT_PER_MINUTE: '1000000000',
    LINK_RATE_LIMIT_PER_IP_PER_MINUTE: '1000000000',
  });
  if (!config.ok) throw new Error(config.problems.join('; '));
  const skima = await startSkima(config.config, createLogger('silent'), { ashby: sandboxConnection(sandbox), dataDir });
  try {
    const ctx = skima.ctx;
    await waitForIdle(ctx, 120_000);
    const job = await ctx.db.job.findFirstOrThrow({ orderBy: [{ shortlist: { _count: 'desc' } }, { title: 'asc' }] });
    for (let i = 0; i < 8; i++) sandbox.control.submitApplication({ jobId: job.id });
    await waitForIdle(ctx, 120_000);
    const shown = await ctx.db.shortlistEntry.count({ where: { jobId: job.id } });
    const url = (await mintShortlistLinks(ctx)).find((l) => l.jobId === job.id)!.url;
    const bytes = (await (await fetch(url)).text()).length;
    console.log(`GET /s/:token with ${shown} candidates (${fmt(bytes / 1024, 1)} KiB of HTML) vs GET /healthz; `
      + `autocannon -c ${CONNECTIONS} -d ${SECONDS}, median of ${ROUNDS} rounds`);

    const page: Round[] = [];
    const health: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      health.push(await autocannon(`${skima.address}/healthz`));
      page.push(await autocannon(url));
    }
    if ([...page, ...health].some((x) => x.failed > 0)) throw new Error('some requests failed or did not answer 2xx');
    const rps = (rounds: Round[]) => median(rounds.map((x) => x.rps));
    const p99 = (rounds: Round[]) => median(rounds.map((x) => x.p99));
    console.log('route          | requests/s | p99 latency');
    console.log(`GET /healthz   | ${fmt(rps(health)).padStart(10)} | ${fmt(p99(health))} ms`);
    console.log(`GET /s/:token  | ${fmt(rps(page)).padStart(10)} | ${fmt(p99(page))} ms`);
    console.log(`page / baseline: x${fmt(rps(page) / rps(health), 3)} the requests per second`);
  } finally {
    await skima.stop();
    await sandbox.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
