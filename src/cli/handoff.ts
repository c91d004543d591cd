import { loadConfigOrThrow } from '../config/load.ts';
import { closeContext, createContext } from '../core/context.ts';
import { HANDOFF_QUEUE, registerHandoffWorker, replayHandoff } from '../core/handoff/index.ts';
import { createLogger } from '../core/logger.ts';
import { migrateDatabase } from '../db/migrate.ts';

const usage = `Usage: skima handoff retry DELIVERY_ID

Sends the hire of that delivery to its HR endpoint again now, with the same Skima-Delivery id (the
receiver can tell it is the same hire), and logs the attempt. skima status lists the latest deliveries
and their ids. Exits 1 if this attempt failed.`;

export async function run(argv: string[]): Promise<number> {
  const [sub, id, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    console.log(usage);
    return 0;
  }
  if (sub !== 'retry' || !id || rest.length) {
    console.error(usage);
    return 2;
  }
  const config = loadConfigOrThrow();
  if (!config.handoff) {
    console.error('HANDOFF_CONFIG is not set: there is no HR endpoint to send to.');
    return 1;
  }
  await migrateDatabase(config.databaseUrl);
  const ctx = await createContext(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    if (!(await replayHandoff(ctx, id))) {
      console.error(`No hand-off delivery ${id} (skima status lists them).`);
      return 1;
    }
    await registerHandoffWorker(ctx);
    await ctx.queue.start();
    for (;;) {
      const delivery = await ctx.db.handoffDelivery.findUniqueOrThrow({ where: { id }, include: { log: { orderBy: { attempt: 'desc' }, take: 1 } } });
      if (delivery.state !== 'pending' && !(await ctx.queue.hasWork([HANDOFF_QUEUE]))) {
        const last = delivery.log[0];
        console.log(`${id} ${delivery.endpoint}: ${delivery.state}${last?.error ? ` (${last.error})` : ''}, ${delivery.attempts} attempts in all.`);
        return delivery.state === 'delivered' ? 0 : 1;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await closeContext(ctx);
  }
}
