import { loadConfigOrThrow } from '../config/load.ts';
import { createProcessLogger } from '../core/logger.ts';
import { startWorker } from '../core/worker.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima worker [--screening-only]

Works the jobs queued in the database: screening, webhooks, polls, decisions, chat cards and the
schedule (each tick runs once however many workers tick), beside any number of \`skima web\` processes
and other workers (see docs/operations.md). With --screening-only it takes the screening jobs alone, as
the WORKER_PROCESSES children of \`skima start\` do. Needs ASHBY_API_KEY: the embedded Ashby sandbox
lives inside \`skima start\`. Every process takes from one ASHBY_REQUESTS_PER_SECOND budget, kept in the
database. Stops cleanly on SIGTERM or SIGINT, and on its own when the \`skima start\` that forked it
goes away.`;

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, { 'screening-only': { type: 'boolean' } }, async (flags) => {
    const config = loadConfigOrThrow();
    const log = createProcessLogger(config, 'stdout').child({ component: 'worker' });
    if (!config.ashby.apiKey) {
      console.error('skima worker: set ASHBY_API_KEY (the embedded sandbox runs only inside `skima start`)');
      return 2;
    }
    const stop = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
      // Forked by `skima start`: the IPC channel closes when that process ends, however it ends.
      process.once('disconnect', () => resolve('parent gone'));
    });
    const worker = await startWorker(config, log, { screeningOnly: flags['screening-only'] === true });
    log.info({ queue: worker.ctx.queue.driver }, 'worker is running');
    process.send?.({ ready: true });
    log.info({ reason: await stop }, 'worker shutting down');
    await worker.stop();
    log.info('worker stopped');
    return 0;
  });
}
