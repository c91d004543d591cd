import { SlackDeliveryError } from '../bot/slack/errors.ts';
import type { Reviewer } from '../bot/slack/services.ts';
import type { AppContext } from './context.ts';
import { lastWeek } from './digest.ts';
import { digestWithTrends } from './report/digest-trends.ts';
import type { JobContext } from './queue/types.ts';
import type { Scheduler } from './scheduler.ts';
import { hiringTeamOf } from './hiring-team.ts';
import { recordFrontDoorError } from './status.ts';
import type { ShortlistListener } from './workers.ts';

export const SLACK_CARD_QUEUE = 'slack.card';
export const SLACK_DIGEST_QUEUE = 'slack.digest';
/** Monday 09:00 (server time): last week's numbers at the start of the new one. */
export const SLACK_DIGEST_CRON = '0 9 * * 1';
/** 429s in a row before a card job gives up and is dead-lettered (visible in /skima status). */
const MAX_RATE_LIMITED = 10;

/** One card to one person: found in Slack by their Ashby email, or already known by Slack user id. */
export interface SlackCardJob {
  jobId: string;
  email?: string;
  slackUserId?: string;
  reviewer: Reviewer;
  /** How many times Slack has said "slow down" to this delivery so far. */
  rateLimited?: number;
}

const isHiringManager = (role: string) => /hiring manager/i.test(role);

/**
 * On every (debounced) shortlist change: one durable job per recipient of the job's card, so one
 * person's 429 or missing account never holds up the others, and a crash loses nothing. Recipients
 * are the job's hiring managers, plus anyone who asked for the card with `/skima shortlist`.
 */
export function slackShortlistListener(ctx: AppContext): ShortlistListener {
  return async (jobId) => {
    if (!ctx.slack) return;
    const job = await ctx.db.job.findUnique({ where: { id: jobId }, select: { hiringTeam: true } });
    if (!job) return;
    const managers = hiringTeamOf(job.hiringTeam).filter((m) => isHiringManager(m.role) && m.email);
    const covered = new Set<string>();
    for (const m of managers) {
      covered.add(m.userId);
      const name = [m.firstName, m.lastName].filter(Boolean).join(' ') || 'Hiring manager';
      const reviewer = { ashbyUserId: m.userId, name, recruiter: false };
      const payload: SlackCardJob = { jobId, email: m.email!, reviewer };
      await ctx.queue.enqueue(SLACK_CARD_QUEUE, payload, { singletonKey: `slack-card:${jobId}:${m.userId}` });
    }
    const posted = await ctx.db.postedCard.findMany({ where: { platform: 'slack', jobId } });
    for (const card of posted) {
      const ref = card.messageRef as { reviewerId?: string; reviewerName?: string; recruiter?: boolean };
      if (!ref.reviewerId || covered.has(ref.reviewerId)) continue;
      covered.add(ref.reviewerId);
      const reviewer = { ashbyUserId: ref.reviewerId, name: ref.reviewerName ?? '', recruiter: ref.recruiter === true };
      const payload: SlackCardJob = { jobId, slackUserId: card.recipient, reviewer };
      await ctx.queue.enqueue(SLACK_CARD_QUEUE, payload, { singletonKey: `slack-card:${jobId}:${ref.reviewerId}` });
    }
  };
}

/**
 * Delivers one card and decides what a Slack failure means: a 429 comes back later (at Retry-After,
 * through the queue, not a sleeping worker); an unreachable person is reported and skipped; a refused
 * token is reported and the job fails (and keeps failing fast) until the token is fixed; network
 * trouble is retried with the queue's backoff. Each is visible in /skima status.
 */
export async function deliverSlackCard(ctx: AppContext, job: SlackCardJob, queueJob: Pick<JobContext, 'id'>) {
  const slack = ctx.slack;
  if (!slack) return;
  try {
    const { jobId, reviewer } = job;
    if (job.email) await slack.deliverCard({ jobId, email: job.email, reviewer });
    else if (job.slackUserId) await slack.refreshCard({ jobId, slackUserId: job.slackUserId, reviewer });
  } catch (err) {
    if (!(err instanceof SlackDeliveryError)) throw err;
    const { failure } = err;
    const report = () => recordFrontDoorError(ctx, { source: `slack:${err.method}`, message: failure.code });
    switch (failure.kind) {
      case 'rate_limited': {
        const times = (job.rateLimited ?? 0) + 1;
        if (times > MAX_RATE_LIMITED) {
          await report();
          throw err;
        }
        await ctx.queue.enqueue(SLACK_CARD_QUEUE, { ...job, rateLimited: times } satisfies SlackCardJob, {
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
        await report(); // a retry would fail the same way (a missing scope, a payload Slack refused)
        return;
    }
  }
}

/** The weekly digest to SLACK_DIGEST_CHANNEL: counts and job titles only. */
export async function postSlackDigest(ctx: AppContext) {
  const channel = ctx.config.slack?.digestChannel;
  if (!ctx.slack || !channel) return;
  try {
    await ctx.slack.postDigest(channel, await digestWithTrends(ctx, lastWeek()));
  } catch (err) {
    if (err instanceof SlackDeliveryError) {
      await recordFrontDoorError(ctx, { source: 'slack:digest', message: err.failure.code });
      if (err.failure.kind === 'recipient' || err.failure.kind === 'other') return;
    }
    throw err;
  }
}

/** The Slack queue handlers and the weekly digest schedule; nothing when Slack is off. */
export async function registerSlackWorkers(ctx: AppContext, scheduler: Scheduler): Promise<ShortlistListener[]> {
  if (!ctx.slack) return [];
  await ctx.queue.work<SlackCardJob>(SLACK_CARD_QUEUE, (job, queueJob) => deliverSlackCard(ctx, job, queueJob));
  await ctx.queue.work(SLACK_DIGEST_QUEUE, () => postSlackDigest(ctx), { concurrency: 1 });
  if (ctx.config.slack?.digestChannel) scheduler.add({ name: 'slack-digest', cron: SLACK_DIGEST_CRON, queue: SLACK_DIGEST_QUEUE });
  return [slackShortlistListener(ctx)];
}
