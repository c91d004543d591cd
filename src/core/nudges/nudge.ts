import type { AppContext } from '../context.ts';
import { type NoticeJob, noticeQueue } from '../chat/notices.ts';
import { isWorkingDay } from './working-days.ts';
import { waitingOnManagers } from './waiting.ts';

export const NUDGE_QUEUE = 'nudge.scan';
/** Every working hour, Monday to Friday, in REPORT_TIME_ZONE: a manager is reminded within the hour
 * their oldest candidate crosses NUDGE_AFTER_WORKING_DAYS, never at night or at the weekend. */
export const NUDGE_CRON = '23 9-17 * * 1-5';

/** The calendar day of an instant in a time zone (YYYY-MM-DD): reminders count per local day. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * One scan: each hiring manager whose oldest undecided shortlisted candidate on a job has waited
 * NUDGE_AFTER_WORKING_DAYS gets one reminder per front door, naming every such job of theirs. The
 * queue's idempotency key names the manager and the day (not the job), so however many scans run that
 * day (every hour, on several instances, after a restart) and however many jobs wait on them, the
 * manager is reminded once a day; the key is stored with the job, not in a process.
 */
export async function scanForNudges(ctx: AppContext, now = new Date()): Promise<number> {
  const after = ctx.config.nudgeAfterWorkingDays;
  if (after <= 0 || !isWorkingDay(now)) return 0;
  const doors = ctx.chat.filter((d) => d.postNotice);
  if (!doors.length) return 0;
  const day = localDay(now, ctx.config.report.timeZone);
  // Longest wait first (waitingOnManagers' order), so a manager's first job is the one waited on longest.
  const byManager = new Map<string, { email: string; jobIds: string[] }>();
  for (const w of await waitingOnManagers(ctx.db, now, after)) {
    if (!w.managerEmail) continue;
    const mine = byManager.get(w.managerUserId) ?? { email: w.managerEmail.toLowerCase(), jobIds: [] };
    mine.jobIds.push(w.jobId);
    byManager.set(w.managerUserId, mine);
  }
  let queued = 0;
  for (const [managerUserId, { email, jobIds }] of byManager) {
    for (const door of doors) {
      const job: NoticeJob = { kind: 'nudge', jobId: jobIds[0]!, jobIds, managerUserId, to: { email }, day };
      const key = `nudge:${door.channel}:${managerUserId}:${day}`;
      if ((await ctx.queue.enqueue(noticeQueue(door.channel), job, { idempotencyKey: key })).created) queued++;
    }
  }
  return queued;
}
