import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';
import type { JobQueue } from '../queue/types.ts';

export interface ScheduledWork {
  /** Unique name: the singleton and idempotency keys derive from it. */
  name: string;
  /** A cron expression (5 fields, or 6 with seconds). */
  cron: string;
  /** Queue the tick enqueues a job on; its handler does the work. */
  queue: string;
  timezone?: string;
}

/**
 * Turns cron ticks into queue jobs. Every Skima instance runs the same schedule; a tick enqueues with
 * an idempotency key naming its time slot and a singleton key naming the work, so however many
 * instances tick, one job runs per slot, and a slow run never piles up a backlog.
 */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly work: ScheduledWork[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly log: Logger,
  ) {}

  add(work: ScheduledWork): void {
    if (!cron.validate(work.cron)) throw new Error(`invalid cron expression for ${work.name}: "${work.cron}"`);
    if (this.work.some((w) => w.name === work.name)) throw new Error(`scheduled work ${work.name} exists already`);
    this.work.push(work);
  }

  start(): void {
    for (const work of this.work) {
      const task = cron.schedule(work.cron, (ctx) => this.tick(work, ctx.date), {
        name: work.name,
        timezone: work.timezone,
        noOverlap: true,
      });
      this.tasks.push(task);
    }
  }

  /** Enqueues the run for the slot `at` falls in (public so tests and `skima sync` can trigger it). */
  async tick(work: ScheduledWork, at: Date): Promise<{ id: string; created: boolean } | undefined> {
    const slot = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
    try {
      return await this.queue.enqueue(
        work.queue,
        { scheduled: work.name, slot },
        { singletonKey: `cron:${work.name}`, idempotencyKey: `cron:${work.name}:${slot}` },
      );
    } catch (err) {
      this.log.error({ err, work: work.name }, 'could not enqueue scheduled work; the next tick will try again');
      return undefined;
    }
  }

  async stop(): Promise<void> {
    for (const task of this.tasks.splice(0)) await task.destroy();
  }
}
