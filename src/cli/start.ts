import { loadConfigOrThrow } from '../config/load.ts';
import { startSkima, waitForIdle } from '../core/app.ts';
import { mintShortlistLinks } from '../core/demo-links.ts';
import { createLogger } from '../core/logger.ts';
import { describeDatabase } from '../db/describe.ts';
import { runCommand } from './args.ts';

export const summary = 'run Skima: migrate the database, then serve HTTP, run workers and the scheduler';

const usage = `Usage: skima start

Runs everything in one process. Stops cleanly on SIGTERM or SIGINT: no new requests or jobs,
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

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, {}, async () => {
    const config = loadConfigOrThrow();
    const log = createLogger(config.logLevel);
    // Listen for the signal before starting: one that arrives mid-start is honoured once started.
    const signal = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    const skima = await startSkima(config, log);
    log.info(
      { address: skima.address, database: describeDatabase(config.databaseUrl), queue: skima.ctx.queue.driver },
      `Skima is running at ${skima.address}`,
    );
    const stopping = new AbortController();
    const demo = skima.ctx.ashby.sandbox ? printDemoLinks(skima.ctx, stopping.signal) : Promise.resolve();
    log.info({ signal: await signal }, 'shutting down');
    stopping.abort();
    await demo;
    await skima.stop();
    log.info('stopped');
    return 0;
  });
}
