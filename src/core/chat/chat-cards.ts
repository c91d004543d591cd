import { type ChatChannel, type ChatFrontDoor, DeliveryError, type Reviewer } from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';
import { lastWeek } from '../ops/digest.ts';
import { digestWithTrends } from '../report/digest-trends.ts';
import { recordFrontDoorError } from '../ops/status.ts';
import type { Scheduler } from '../ops/scheduler.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';
import type { JobContext } from '../queue/types.ts';
import type { ShortlistListener } from '../register-workers.ts';
import type { CardOwnerJson } from './chat-services.ts';
import { type DispositionProgressJob, dispositionProgressQueue, showFinalProgress } from './disposition-progress.ts';
import { deliverNotice, fanOutHire, HIRE_ANNOUNCE_QUEUE, type NoticeJob, noticeQueue } from './notices.ts';
import { NUDGE_CRON, NUDGE_QUEUE, scanForNudges } from '../nudges/nudge.ts';

/** Each front door's card deliveries: `slack.card`, `teams.card`. */
export const cardQueue = (channel: ChatChannel) => `${channel}.card`;
/** Each front door's weekly digest: `slack.digest`, `teams.digest`. */
export const digestQueue = (channel: ChatChannel) => `${channel}.digest`;
/** One card delivery waiting per (front door, job, person): a burst of changes becomes one redraw. */
export const cardSingletonKey = (channel: ChatChannel, jobId: string, ashbyUserId: string) =>
  `${channel}-card:${jobId}:${ashbyUserId}`;
/** Monday 09:00 (server time): last week's numbers at the start of the new one. */
export const DIGEST_CRON = '0 9 * * 1';
/** 429s in a row before a card job gives up and is dead-lettered (visible in status). */
const MAX_RATE_LIMITED = 10;

/** One card to one person: found by their Ashby email, or already known by the front door's user id. */
export interface CardJob {
  jobId: string;
  email?: string;
  recipient?: string;
  reviewer: Reviewer;
  /** How many times the platform has said "slow down" to this delivery so far. */
  rateLimited?: number;
}

const isHiringManager = (role: string) => /hiring manager/i.test(role);

/**
 * On every (debounced) shortlist change: one durable job per recipient of the job's card, so one
 * person's 429 or missing account never holds up the others, and a crash loses nothing. Recipients
 * are the job's hiring managers, plus anyone who asked for the card (`shortlist <job>`).
 */
export function cardShortlistListener(ctx: AppContext, door: Pick<ChatFrontDoor, 'channel'>): ShortlistListener {
  const queue = cardQueue(door.channel);
  return async (jobId) => {
    const job = await ctx.db.job.findUnique({ where: { id: jobId }, select: { hiringTeam: true } });
    if (!job) return;
    const managers = hiringTeamOf(job).filter((m) => isHiringManager(m.role) && m.email);
    const covered = new Set<string>();
    for (const m of managers) {
      covered.add(m.userId);
      const name = [m.firstName, m.lastName].filter(Boolean).join(' ') || 'Hiring manager';
      const reviewer = { ashbyUserId: m.userId, name, recruiter: false };
      const payload: CardJob = { jobId, email: m.email!, reviewer };
      await ctx.queue.enqueue(queue, payload, { singletonKey: cardSingletonKey(door.channel, jobId, m.userId) });
    }
    const posted = await ctx.db.postedCard.findMany({ where: { platform: door.channel, jobId } });
    for (const card of posted) {
      const owner = card.messageRef as Partial<CardOwnerJson>;
      if (!owner.reviewerId || covered.has(owner.reviewerId)) continue;
      covered.add(owner.reviewerId);
      const { reviewerId, reviewerName, recruiter } = owner;
      const reviewer = { ashbyUserId: reviewerId, name: reviewerName ?? '', recruiter: recruiter === true };
      const payload: CardJob = { jobId, recipient: card.recipient, reviewer };
      await ctx.queue.enqueue(queue, payload, { singletonKey: cardSingletonKey(door.channel, jobId, reviewerId) });
    }
  };
}

/**
 * Delivers one card and decides what a delivery failure means: a 429 comes back later (at
 * Retry-After, through the queue, not a sleeping worker); an unreachable person is reported and
 * skipped; refused credentials are reported and the job fails (and keeps failing fast) until they are
 * fixed; network trouble is retried with the queue's backoff. Each is visible in status.
 */
export async function deliverCard(ctx: AppContext, door: ChatFrontDoor, job: CardJob, queueJob: Pick<JobContext, 'id'>) {
  try {
    const { jobId, reviewer } = job;
    if (job.email) await door.deliverCard({ jobId, email: job.email, reviewer });
    else if (job.recipient) await door.refreshCard({ jobId, recipient: job.recipient, reviewer });
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    const { failure } = err;
    const report = () => recordFrontDoorError(ctx, { source: `${door.channel}:${err.method}`, message: failure.code });
    switch (failure.kind) {
      case 'rate_limited': {
        const times = (job.rateLimited ?? 0) + 1;
        if (times > MAX_RATE_LIMITED) {
          await report();
          throw err;
        }
        await ctx.queue.enqueue(cardQueue(door.channel), { ...job, rateLimited: times } satisfies CardJob, {
          runAt: new Date(Date.now() + failure.retryAfterMs),
          idempotencyKey: `${queueJob.id}:rate-limited`,
        });
        return;
      }
      case 'recipient':
        await report();
        return;
      case 'auth':
        throw err; // reported once by the front door, which now refuses to send until restarted
      case 'transient':
        throw err;
      case 'message_gone':
      case 'other':
        await report(); // a retry would fail the same way (a missing scope, a payload the platform refused)
        return;
    }
  }
}

/** The weekly digest where the front door's settings say: counts and job titles only. */
export async function postDigest(ctx: AppContext, door: ChatFrontDoor) {
  try {
    await door.postDigest(await digestWithTrends(ctx, lastWeek()));
  } catch (err) {
    if (err instanceof DeliveryError) {
      await recordFrontDoorError(ctx, { source: `${door.channel}:digest`, message: err.failure.code });
      if (err.failure.kind === 'recipient' || err.failure.kind === 'other') return;
    }
    throw err;
  }
}

/**
 * Each front door's queue handlers and weekly digest schedule; the hire announcements and the
 * reminders' scan (both no-ops without a front door that posts notices).
 */
export async function registerChatWorkers(ctx: AppContext, scheduler: Scheduler): Promise<ShortlistListener[]> {
  const listeners: ShortlistListener[] = [];
  await ctx.queue.work<{ applicationId: string }>(HIRE_ANNOUNCE_QUEUE, async ({ applicationId }) => {
    await fanOutHire(ctx, applicationId);
  });
  await ctx.queue.work(NUDGE_QUEUE, async () => {
    const queued = await scanForNudges(ctx);
    if (queued) ctx.log.info({ queued }, 'reminders queued for hiring managers');
  }, { concurrency: 1 });
  if (ctx.config.nudgeAfterWorkingDays > 0 && ctx.chat.some((d) => d.postNotice)) {
    scheduler.add({ name: 'nudges', cron: NUDGE_CRON, queue: NUDGE_QUEUE, timezone: ctx.config.report.timeZone });
  }
  for (const door of ctx.chat) {
    await ctx.queue.work<CardJob>(cardQueue(door.channel), (job, queueJob) => deliverCard(ctx, door, job, queueJob));
    await ctx.queue.work<NoticeJob>(noticeQueue(door.channel), (job, queueJob) =>
      deliverNotice(ctx, door, job, queueJob));
    await ctx.queue.work(digestQueue(door.channel), () => postDigest(ctx, door), { concurrency: 1 });
    await ctx.queue.work<DispositionProgressJob>(dispositionProgressQueue(door.channel), (job) =>
      showFinalProgress(ctx, door, job));
    if (door.wantsDigest) scheduler.add({ name: `${door.channel}-digest`, cron: DIGEST_CRON, queue: digestQueue(door.channel) });
    listeners.push(cardShortlistListener(ctx, door));
  }
  return listeners;
}
