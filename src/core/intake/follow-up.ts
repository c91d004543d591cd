import type { ChatChannel } from '../../bot/ports.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { AppContext } from '../context.ts';
import { type NoticeJob, noticeQueue } from '../chat/notices.ts';

// Whoever added a candidate through chat hears the score once the application is screened: a row per
// (application, front door, person) until then. The screening job calls `screeningFinished` when it
// ends, so the answer follows the screening, not a timer.

const FIND = `SELECT "channel", "recipient" FROM "ScreeningFollowUp" WHERE "applicationId" = ?`;
/** Screening states after which there is something to say (a score, or why there is none). */
const FINISHED = new Set(['scored', 'unreadable', 'no_resume', 'no_job_description']);

/**
 * Called when an application's screening run ends (whatever it came to): queues the score for each
 * person waiting for it, once (the notice's key names the application and the person), then forgets
 * them. One indexed read of a small table on every screening; nothing else when nobody waits.
 */
export async function screeningFinished(ctx: Pick<AppContext, 'db' | 'queue'>, applicationId: string): Promise<number> {
  const waiting = await rawSql(ctx.db).rows<{ channel: ChatChannel; recipient: string }>(FIND, applicationId);
  let queued = 0;
  for (const { channel, recipient } of waiting) {
    const job: NoticeJob = { kind: 'screened', applicationId, to: { user: recipient } };
    const key = `screened:${channel}:${applicationId}:${recipient}`;
    if ((await ctx.queue.enqueue(noticeQueue(channel), job, { idempotencyKey: key })).created) queued++;
    await ctx.db.screeningFollowUp.deleteMany({ where: { applicationId, channel, recipient } });
  }
  return queued;
}

/**
 * Asks for the score of an application added through chat. Recorded before the screening is queued; for
 * an application screened already (the same person added twice), the answer is queued at once.
 */
export async function followUpWhenScreened(
  ctx: Pick<AppContext, 'db' | 'queue'>,
  applicationId: string,
  to: { channel: ChatChannel; recipient: string },
): Promise<void> {
  await ctx.db.screeningFollowUp.upsert({
    where: { applicationId_channel_recipient: { applicationId, ...to } },
    create: { applicationId, ...to },
    update: {},
  });
  const app = await ctx.db.application.findUnique({ where: { id: applicationId }, select: { screeningState: true } });
  if (app && FINISHED.has(app.screeningState)) await screeningFinished(ctx, applicationId);
}
