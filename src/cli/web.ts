import { loadConfigOrThrow } from '../config/load.ts';
import { createLogger } from '../core/logger.ts';
import { startWeb } from '../core/web-process.ts';
import { describeDatabase } from '../db/describe.ts';
import { runCommand } from './args.ts';

export const summary = 'serve the front doors only (webhooks, pages, chat); `skima worker` does the work';

const usage = `Usage: skima web

Serves Ashby's webhooks, the shortlist pages, the Slack endpoints, health and metrics, and works no job:
what a request asks for is queued in the database for \`skima worker\` processes. Run any number of each
on PostgreSQL (see docs/operations.md); the link limits and the Ashby request budget are counted in the
database, so they hold across all of them. Needs ASHBY_API_KEY (the embedded Ashby sandbox lives inside
\`skima start\`). Stops cleanly on SIGTERM or SIGINT: requests in flight finish, then the database is
closed.`;

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, {}, async () => {
    const config = loadConfigOrThrow();
    const log = createLogger(config.logLevel).child({ component: 'web-process' });
    if (!config.ashby.apiKey) {
      console.error('skima web: set ASHBY_API_KEY (the embedded sandbox runs only inside `skima start`)');
      return 2;
    }
    const stop = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    const web = await startWeb(config, log);
    log.info({ address: web.address, database: describeDatabase(config.databaseUrl) }, `Skima web is running at ${web.address}`);
    log.info({ reason: await stop }, 'web shutting down');
    await web.stop();
    log.info('web stopped');
    return 0;
  });
}
