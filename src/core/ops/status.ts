import type { AppContext } from '../context.ts';
import { ASHBY_CALL_FAILED_ACTION } from '../ashby-problems.ts';
import { POLLED_RESOURCES } from '../pipeline/poll.ts';
import { FRONT_DOOR_ERROR_ACTION, recentFrontDoorErrors, recentProblems, safeMessage } from './front-door-errors.ts';
import { poolSize } from '../pool/pool-index.ts';
import { type HandoffLog, handoffLog } from '../handoff/log.ts';
import { waitingOn } from '../nudges/waiting.ts';
import type { WaitingOnManager } from '../../bot/ports.ts';

export { recordFrontDoorError } from './front-door-errors.ts';

export interface SkimaStatus {
  sync: { resource: string; lastSyncAt: Date | null; lastFullSyncAt: Date | null; stale: boolean }[];
  /** Jobs per queue: waiting (`failed` of them after a failed attempt, waiting for their retry; counted on the
   * embedded queue, 0 on pg-boss), running, dead-lettered. */
  queue: Record<string, { queued: number; running: number; failed: number; dead: number }>;
  lastWebhookAt: Date | null;
  /** Recent problems, newest first: dead jobs (failed write-backs among them), jobs waiting to retry after a
   * failure, Ashby calls that failed and were retried, and front-door delivery errors. */
  errors: { source: string; message: string; at: Date; count: number }[];
  applications: { screened: number; pending: number; unscorable: number };
  /** Rediscovery's pool: candidates whose current resume is indexed, of all candidates Skima mirrors. */
  pool: { indexed: number; candidates: number };
  /** Hires sent to the HR system (HANDOFF_CONFIG), and the latest deliveries with their last attempt. */
  handoffs: HandoffLog;
  /** Hiring managers the shortlists wait on (see core/nudges/waiting.ts). */
  waiting: WaitingOnManager[];
}

/** A resource is stale when its last pass is older than this many poll intervals. */
export const STALE_AFTER_POLLS = 3;
/** Errors older than this are history, not status. */
export const STATUS_ERROR_WINDOW_MS = 7 * 24 * 3600 * 1000;
const MAX_DEAD_JOBS = 200;

/**
 * What `/skima status` shows. Goes to a channel, so it holds no personal data: counts, times, queue
 * names and error texts cleaned of anything that looks like an email address.
 */
export async function collectStatus(ctx: AppContext, now = new Date()): Promise<SkimaStatus> {
  const since = new Date(now.getTime() - STATUS_ERROR_WINDOW_MS);
  const [syncRows, stats, retrying, webhook, states, dead, frontDoor, ashbyCalls, retryErrors, indexed, candidates] =
    await Promise.all([
      ctx.db.syncState.findMany({ orderBy: { resource: 'asc' } }),
      ctx.queue.stats(),
      retryingJobs(ctx),
      ctx.db.webhookEvent.findFirst({ orderBy: { receivedAt: 'desc' }, select: { receivedAt: true } }),
      ctx.db.application.groupBy({ by: ['screeningState'], _count: { _all: true } }),
      ctx.queue.listDead(undefined, MAX_DEAD_JOBS),
      recentFrontDoorErrors(ctx.db, since),
      recentProblems(ctx.db, ASHBY_CALL_FAILED_ACTION, since),
      retryingErrors(ctx),
      poolSize(ctx.db),
      ctx.db.candidate.count(),
    ]);

  const staleBefore = now.getTime() - STALE_AFTER_POLLS * ctx.config.pollIntervalMinutes * 60_000;
  const byResource = new Map(syncRows.map((r) => [r.resource, r]));
  const resources = [...new Set([...POLLED_RESOURCES, ...byResource.keys()])];
  const sync = resources.map((resource) => {
    const row = byResource.get(resource);
    const lastSyncAt = row?.lastSyncAt ?? null;
    return {
      resource,
      lastSyncAt,
      lastFullSyncAt: row?.lastFullSyncAt ?? null,
      stale: lastSyncAt === null || lastSyncAt.getTime() < staleBefore,
    };
  });

  const queue: SkimaStatus['queue'] = {};
  for (const [name, counts] of Object.entries(stats)) {
    const c = counts as Record<string, number | undefined>;
    const failed = retrying.get(name) ?? c.failed ?? 0;
    queue[name] = { queued: c.queued ?? 0, running: c.running ?? 0, failed, dead: c.dead ?? 0 };
  }

  const count = (...s: string[]) =>
    states.filter((g) => s.includes(g.screeningState)).reduce((n, g) => n + g._count._all, 0);
  const applications = {
    screened: count('scored'),
    pending: count('pending'),
    unscorable: count('unreadable', 'no_resume', 'no_job_description'),
  };

  const errors = new Map<string, SkimaStatus['errors'][number]>();
  const add = (source: string, message: string, at: Date, n = 1) => {
    const key = `${source}\u0000${message}`;
    const seen = errors.get(key);
    if (!seen) errors.set(key, { source, message, at, count: n });
    else {
      seen.count += n;
      if (at > seen.at) seen.at = at;
    }
  };
  for (const job of dead) {
    add(`queue:${job.queue}`, safeMessage(job.lastError ?? 'failed with no error message'), job.completedAt ?? job.createdAt);
  }
  for (const e of retryErrors) add(`queue:${e.queue} (retrying)`, safeMessage(e.lastError), e.at, e.count);
  for (const e of [...frontDoor, ...ashbyCalls]) add(e.source, e.message, e.at, e.count);

  return {
    sync,
    queue,
    lastWebhookAt: webhook?.receivedAt ?? null,
    errors: [...errors.values()].sort((a, b) => b.at.getTime() - a.at.getTime() || b.count - a.count),
    applications,
    pool: { indexed, candidates },
    handoffs: await handoffLog(ctx.db),
    waiting: await waitingOn(ctx, now),
  };
}

/** Waiting jobs that failed at least once; only the embedded queue keeps them where Skima can count them. */
async function retryingJobs(ctx: AppContext): Promise<Map<string, number>> {
  if (ctx.queue.driver !== 'embedded') return new Map();
  const rows = await ctx.db.queueJob.groupBy({
    by: ['queue'],
    where: { state: 'queued', lastError: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.queue, r._count._all]));
}

/** Why waiting jobs failed last, per queue and error: what is going wrong now, before anything is dead. */
async function retryingErrors(ctx: AppContext) {
  if (ctx.queue.driver !== 'embedded') return [];
  const rows = await ctx.db.queueJob.groupBy({
    by: ['queue', 'lastError'],
    where: { state: 'queued', lastError: { not: null } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return rows.map((r) => ({
    queue: r.queue,
    lastError: r.lastError ?? '',
    at: r._max.updatedAt ?? new Date(0),
    count: r._count._all,
  }));
}

export { FRONT_DOOR_ERROR_ACTION };
