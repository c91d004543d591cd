import { loadConfigOrThrow } from '../config/load.ts';
import { startSkima, waitForIdle } from '../core/app.ts';
import type { AppContext } from '../core/context.ts';
import { mintShortlistLinks } from '../core/demo-links.ts';
import { createProcessLogger } from '../core/logger.ts';
import { describeDatabase } from '../db/describe.ts';
import { runCommand } from './args.ts';
import { WorkerPool } from './worker-pool.ts';

const usage = `Usage: skima start

Runs everything in one process, plus WORKER_PROCESSES forked \`skima worker\` processes for screening. Stops cleanly on SIGTERM or SIGINT: no new requests or jobs,
jobs in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), then the database is closed.`;

/** The embedded default: once the sandbox's applications are screened, print each job's shortlist link. */
async function printDemoLinks(ctx: Parameters<typeof mintShortlistLinks>[0], signal: AbortSignal): Promise<void> {
  try {
    if (!(await waitForIdle(ctx, 10 * 60_000, signal))) return;
    const links = await mintShortlistLinks(ctx);
    const lines = links.map((l) => `  ${l.jobTitle} (top ${l.candidates}): ${l.url}`);
    console.log(['', 'Every application in the Ashby sandbox is screened. Shortlists:', ...lines, ''].join('\n'));
  } catch (err) {
    ctx.log.warn({ err }, 'could not print the shortlist links');
  }
}

/** What a forked worker needs beyond this process's environment: the Ashby it screens against (in the
 * embedded default, this process's sandbox) and the shared secret. The request budget needs nothing:
 * every process takes from the one kept in the database. */
function workerEnv(ctx: AppContext): NodeJS.ProcessEnv {
  const sandbox = ctx.ashby.sandbox;
  return {
    ...process.env,
    SKIMA_SECRET: ctx.secret,
    ...(sandbox
      ? { ASHBY_API_KEY: sandbox.apiKey, ASHBY_BASE_URL: sandbox.url, ASHBY_REQUESTS_PER_SECOND: '10000' }
      : {}),
  };
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, {}, async () => {
    const config = loadConfigOrThrow();
    const log = createProcessLogger(config, 'stdout');
    // Listen for the signal before starting: one that arrives mid-start is honoured once started.
    const signal = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    const workers = config.workerProcesses;
    const skima = await startSkima(config, log);
    const pool = new WorkerPool(process.argv[1]!, workerEnv(skima.ctx), log);
    try {
      await pool.start(workers);
    } catch (err) {
      await pool.stop(config.shutdownTimeoutMs);
      await skima.stop();
      throw err;
    }
    log.info(
      {
        address: skima.address,
        database: describeDatabase(config.databaseUrl),
        queue: skima.ctx.queue.driver,
        workerProcesses: pool.pids,
      },
      `Skima is running at ${skima.address}`,
    );
    const stopping = new AbortController();
    const demo = skima.ctx.ashby.sandbox ? printDemoLinks(skima.ctx, stopping.signal) : Promise.resolve();
    log.info({ signal: await signal }, 'shutting down');
    stopping.abort();
    await demo;
    await pool.stop(config.shutdownTimeoutMs + 5_000);
    await skima.stop();
    log.info('stopped');
    return 0;
  });
}
