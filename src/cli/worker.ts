import { loadConfigOrThrow } from '../config/load.ts';
import { createProcessLogger } from '../core/logger.ts';
import { startWorker } from '../core/worker.ts';
import { runCommand } from './args.ts';

const usage = `Usage: skima worker

Takes screening jobs (applications, webhooks) from the queue that \`skima start\` shares through the
database, so screening uses more cores or machines. Needs ASHBY_API_KEY: the embedded Ashby sandbox
lives inside \`skima start\`, whose WORKER_PROCESSES setting forks workers for it. Each process has its
own ASHBY_REQUESTS_PER_SECOND budget: split Ashby's budget between them. Stops cleanly on SIGTERM or
SIGINT, and on its own when the \`skima start\` that forked it goes away.`;

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, {}, async () => {
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
    const worker = await startWorker(config, log);
    log.info({ queue: worker.ctx.queue.driver }, 'worker is running');
    process.send?.({ ready: true });
    log.info({ reason: await stop }, 'worker shutting down');
    await worker.stop();
    log.info('worker stopped');
    return 0;
  });
}
