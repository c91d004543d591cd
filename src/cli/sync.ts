import { loadConfigOrThrow } from '../config/load.ts';
import { SCREENING_QUEUES } from '../core/app.ts';
import { closeContext, createContext } from '../core/context.ts';
import { createProcessLogger } from '../core/logger.ts';
import { pollAshby } from '../core/pipeline/poll.ts';
import { PROCESS_APPLICATION_QUEUE } from '../core/pipeline/process-application.ts';
import { Scheduler } from '../core/scheduler.ts';
import { registerWorkers } from '../core/workers.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { runCommand } from './args.ts';
import { bar, Progress } from './progress.ts';

const usage = `Usage: skima sync [--full]

Runs the delta poll that Skima also runs on a schedule: jobs, applications and candidates changed in
Ashby since the last pass (all of them with --full), then screens every application that needs it
and prints a summary. Safe beside a running \`skima start\`: they share the work queue.`;

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, usage, { full: { type: 'boolean' } }, async (values) => {
    const config = loadConfigOrThrow();
    const log = createProcessLogger(config, 'stderr', config.logLevel === 'info' ? 'warn' : config.logLevel);
    await migrateDatabase(config.databaseUrl);
    const ctx = await createContext(config, log);
    const progress = new Progress();
    const started = Date.now();
    try {
      const polled = await pollAshby(ctx, {
        full: values.full === true,
        onProgress: (resource, items) => progress.update(`reading ${resource} from Ashby: ${items}`),
      });
      const toScreen = polled.applications.enqueued + polled.candidates.enqueued;
      await registerWorkers(ctx, new Scheduler(ctx.queue, log));
      await ctx.queue.start();
      for (;;) {
        const stats = await ctx.queue.stats();
        const left = SCREENING_QUEUES.reduce((n, q) => n + (stats[q]?.queued ?? 0) + (stats[q]?.running ?? 0), 0);
        const screening = stats[PROCESS_APPLICATION_QUEUE] ?? {};
        const pending = (screening.queued ?? 0) + (screening.running ?? 0);
        progress.update(`screening ${bar(Math.max(0, toScreen - pending), toScreen)}`);
        if (left === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const states = await ctx.db.application.groupBy({ by: ['screeningState'], _count: { _all: true } });
      const dead = (await ctx.queue.listDead()).length;
      progress.done(`screening ${bar(toScreen, toScreen)}`);
      console.log(
        [
          `Synced with Ashby in ${((Date.now() - started) / 1000).toFixed(1)} s (${polled.applications.mode} sync).`,
          `  jobs read: ${polled.jobs.items}`,
          `  applications read: ${polled.applications.items}, candidates read: ${polled.candidates.items}`,
          `  applications screened in this run: ${toScreen}`,
          `  all applications by state: ${states.map((s) => `${s.screeningState} ${s._count._all}`).join(', ') || 'none'}`,
          ...(dead ? [`  failed jobs waiting for a person to look at them: ${dead} (see /skima status)`] : []),
        ].join('\n'),
      );
      return dead ? 1 : 0;
    } finally {
      await closeContext(ctx);
    }
  });
}
