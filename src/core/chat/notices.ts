import { type ChatChannel, type ChatFrontDoor, type ChatNotice, DeliveryError, type NoticeRecipient } from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';
import { audit } from '../ops/audit.ts';
import { recordFrontDoorError } from '../ops/front-door-errors.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';
import type { JobContext, JobQueue } from '../queue/types.ts';
import { type WaitingOn, waitingOnManagers } from '../nudges/waiting.ts';

/** A hire seen (webhook or poll) waits here once, keyed by the application, whoever saw it first. */
export const HIRE_ANNOUNCE_QUEUE = 'hire.announce';
/** Each front door's notices, one job per recipient: `slack.notice`, `teams.notice`. */
export const noticeQueue = (channel: ChatChannel) => `${channel}.notice`;
/** 429s in a row before a notice gives up (dead-lettered, visible in status). */
const MAX_RATE_LIMITED = 10;

/** One notice to one recipient. The words are drawn at delivery from the database, so no candidate's
 * name waits in the queue's payload. */
export type NoticeJob =
  | { kind: 'hired'; applicationId: string; to: NoticeRecipient; rateLimited?: number }
  | {
    kind: 'nudge';
    /** The job waited on longest; `jobIds` are all the manager's jobs the scan found waiting (a job queued
     * before reminders named several has only `jobId`). */
    jobId: string;
    jobIds?: string[];
    managerUserId: string;
    to: { email: string };
    day: string;
    rateLimited?: number;
  }
  | { kind: 'screened'; applicationId: string; to: { user: string }; rateLimited?: number };

/**
 * Called wherever a hire is seen: the webhook and the poll both call it, and the key makes it one
 * announcement per hire. Enqueued from any process (a screening-only worker too); the processes that
 * hold the front doors work the queue.
 */
export async function announceHire(queue: JobQueue, applicationId: string): Promise<void> {
  await queue.enqueue(HIRE_ANNOUNCE_QUEUE, { applicationId }, { idempotencyKey: `hired:${applicationId}` });
}

const isHiringManager = (role: string) => /hiring manager/i.test(role);

/**
 * One notice job per front door and recipient: the job's hiring managers and the hires channel. A hire
 * of an application Skima has not stored yet (its webhook came first) fails, so the queue tries again
 * after the screening job, queued beside it, has stored it.
 */
export async function fanOutHire(ctx: AppContext, applicationId: string): Promise<number> {
  if (!ctx.chat.some((d) => d.postNotice)) return 0;
  const app = await ctx.db.application.findUnique({
    where: { id: applicationId },
    select: { job: { select: { hiringTeam: true } } },
  });
  if (!app) throw new Error(`hired application ${applicationId} is not stored yet; announced when it is`);
  const managers = hiringTeamOf(app.job).filter((m) => isHiringManager(m.role) && m.email);
  const emails = [...new Set(managers.map((m) => m.email!.toLowerCase()))];
  let queued = 0;
  for (const door of ctx.chat) {
    if (!door.postNotice) continue;
    const recipients: NoticeRecipient[] = emails.map((email) => ({ email }));
    if (door.hiresChannel) recipients.push({ channel: 'hires' });
    for (const to of recipients) {
      const key = `hired:${door.channel}:${applicationId}:${'email' in to ? to.email : 'user' in to ? to.user : 'channel'}`;
      const job: NoticeJob = { kind: 'hired', applicationId, to };
      if ((await ctx.queue.enqueue(noticeQueue(door.channel), job, { idempotencyKey: key })).created) queued++;
    }
  }
  return queued;
}

/** "Hired" words: the candidate's name to their hiring managers (unless names are hidden,
 * REDACTION_MODE=on); never in a channel, where everyone reads it: there it is "a candidate". */
async function hiredNotice(ctx: AppContext, job: Extract<NoticeJob, { kind: 'hired' }>): Promise<ChatNotice | null> {
  const app = await ctx.db.application.findUnique({
    where: { id: job.applicationId },
    select: { jobId: true, job: { select: { title: true } }, candidate: { select: { name: true } } },
  });
  if (!app) return null;
  const toChannel = 'channel' in job.to;
  const who = toChannel || ctx.config.redact || !app.candidate.name ? 'A candidate' : app.candidate.name;
  return {
    kind: 'hired',
    headline: `Hired: ${who} for ${app.job.title}`,
    lines: ['Recorded in Ashby. Congratulations to the hiring team.'],
    jobId: app.jobId,
  };
}

/**
 * The answer to whoever added a candidate through chat: the score and its reasons, or why there is none.
 * It goes to that person alone; in redaction mode the candidate is "the candidate".
 */
export async function screenedNotice(ctx: AppContext, applicationId: string): Promise<ChatNotice | null> {
  const app = await ctx.db.application.findUnique({
    where: { id: applicationId },
    select: {
      jobId: true,
      screeningState: true,
      screeningDetail: true,
      currentScore: true,
      job: { select: { title: true } },
      candidate: { select: { name: true } },
      scores: { orderBy: { createdAt: 'desc' }, take: 1, select: { reasons: true, missing: true } },
    },
  });
  if (!app) return null;
  const who = ctx.config.redact || !app.candidate.name ? 'The candidate' : app.candidate.name;
  if (app.screeningState !== 'scored' || app.currentScore === null) {
    return {
      kind: 'screened',
      headline: `${who} for ${app.job.title} could not be scored`,
      lines: [app.screeningDetail ?? 'Skima could not screen this application.'],
      jobId: app.jobId,
    };
  }
  const latest = app.scores[0];
  const reasons = Array.isArray(latest?.reasons) ? (latest.reasons as Array<{ text?: unknown }>) : [];
  const missing = Array.isArray(latest?.missing) ? (latest.missing as unknown[]).map(String) : [];
  const lines = reasons.slice(0, 5).map((r) => `• ${String(r.text ?? '')}`);
  if (missing.length) lines.push(`Missing: ${missing.slice(0, 5).join('; ')}`);
  return { kind: 'screened', headline: `${who} for ${app.job.title}: ${app.currentScore}/100`, lines, jobId: app.jobId };
}

/** The reminder, drawn afresh: only the jobs still waiting on the manager; nothing when every shortlist
 * named was decided since the scan. */
async function nudgeNotice(ctx: AppContext, job: Extract<NoticeJob, { kind: 'nudge' }>): Promise<ChatNotice | null> {
  const named = new Set(job.jobIds ?? [job.jobId]);
  const waiting = (await waitingOnManagers(ctx.db, new Date())).filter(
    (w) => named.has(w.jobId) && w.managerUserId === job.managerUserId,
  );
  if (!waiting.length) return null;
  const candidates = (n: number) => `${n} shortlisted candidate${n === 1 ? '' : 's'}`;
  const workingDays = (w: WaitingOn) => {
    const days = Math.floor(w.oldestWorkingDays);
    return `${days} working day${days === 1 ? '' : 's'}`;
  };
  const [first] = waiting as [WaitingOn, ...WaitingOn[]];
  if (waiting.length === 1) {
    return {
      kind: 'nudge',
      headline: `${candidates(first.candidates)} for ${first.jobTitle} ${first.candidates === 1 ? 'is' : 'are'} waiting for your decision`,
      lines: [`The longest has waited ${workingDays(first)}. Approve, skip or maybe on the card; one reminder a day at most.`],
      jobId: first.jobId,
    };
  }
  const total = waiting.reduce((n, w) => n + w.candidates, 0);
  return {
    kind: 'nudge',
    headline: `${candidates(total)} for ${waiting.length} jobs are waiting for your decision`,
    lines: [
      ...waiting.map((w) => `${w.jobTitle}: ${w.candidates}, the longest for ${workingDays(w)}`),
      'Approve, skip or maybe on each job\'s card; one reminder a day at most.',
    ],
    jobId: first.jobId,
    jobs: waiting.map((w) => ({ jobId: w.jobId, title: w.jobTitle })),
  };
}

/**
 * Delivers one notice, with a card's failure policy: a 429 comes back at Retry-After through the
 * queue; an unreachable person or a refused payload is reported and skipped; refused credentials and
 * network trouble fail the job for the queue to retry.
 */
export async function deliverNotice(ctx: AppContext, door: ChatFrontDoor, job: NoticeJob, queueJob: Pick<JobContext, 'id'>) {
  if (!door.postNotice) return;
  const notice = job.kind === 'hired'
    ? await hiredNotice(ctx, job)
    : job.kind === 'nudge'
      ? await nudgeNotice(ctx, job)
      : await screenedNotice(ctx, job.applicationId);
  if (!notice) return;
  try {
    await door.postNotice(job.to, notice);
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    const { failure } = err;
    if (failure.kind === 'auth' || failure.kind === 'transient') throw err;
    if (failure.kind === 'rate_limited') {
      const times = (job.rateLimited ?? 0) + 1;
      if (times <= MAX_RATE_LIMITED) {
        await ctx.queue.enqueue(noticeQueue(door.channel), { ...job, rateLimited: times } satisfies NoticeJob, {
          runAt: new Date(Date.now() + failure.retryAfterMs),
          idempotencyKey: `${queueJob.id}:rate-limited`,
        });
        return;
      }
    }
    await recordFrontDoorError(ctx, { source: `${door.channel}:${err.method}`, message: failure.code });
    if (failure.kind === 'rate_limited') throw err;
    return;
  }
  if (job.kind === 'nudge') {
    // One entry per job the reminder named, so a job's history shows its reminders.
    for (const { jobId } of notice.jobs ?? [{ jobId: notice.jobId }]) {
      await audit(ctx.db, {
        actor: 'system',
        action: 'nudge.sent',
        subjectType: 'job',
        subjectId: jobId,
        detail: { managerUserId: job.managerUserId, channel: door.channel, day: job.day },
      });
    }
  }
}
