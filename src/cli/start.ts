import { loadConfigOrThrow } from '../config/load.ts';
import { startSkima } from '../core/app.ts';
import { createLogger } from '../core/logger.ts';
import { describeDatabase } from '../db/describe.ts';
import { parseCommandArgs, withUsage } from './args.ts';

export const summary = 'run Skima: migrate the database, then serve HTTP, run workers and the scheduler';

const usage = `Usage: skima start

Runs everything in one process. Stops cleanly on SIGTERM or SIGINT: no new requests or jobs,
jobs in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), then the database is closed.`;

export async function run(argv: string[]): Promise<number> {
  return withUsage(usage, async () => {
    const { values } = parseCommandArgs(argv, {});
    if (values.help) {
      console.log(usage);
      return 0;
    }
    const config = loadConfigOrThrow();
    const log = createLogger(config.logLevel);
    const skima = await startSkima(config, log);
    log.info(
      { address: skima.address, database: describeDatabase(config.databaseUrl), queue: skima.ctx.queue.driver },
      `Skima is running at ${skima.address}`,
    );
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    log.info({ signal }, 'shutting down');
    await skima.stop();
    log.info('stopped');
    return 0;
  });
}
