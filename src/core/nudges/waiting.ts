import type { WaitingOnManager } from '../../bot/ports.ts';
import type { Db } from '../../db/client.ts';
import type { AppContext } from '../context.ts';
import { hiringTeamOf, memberName } from '../people/hiring-team.ts';
import { workingDaysBetween } from './working-days.ts';

/** One hiring manager's undecided shortlist on one job: what `status`, the digest and a reminder show. */
export interface WaitingOn {
  jobId: string;
  jobTitle: string;
  managerUserId: string;
  managerName: string;
  managerEmail: string | null;
  /** Shortlisted candidates nobody has decided on yet. */
  candidates: number;
  /** Working days the longest-waiting of them has waited (since its first score put it in reach). */
  oldestWorkingDays: number;
}

const isHiringManager = (role: string) => /hiring manager/i.test(role);

/**
 * Who is being waited on: for every open job with undecided shortlisted candidates, each of its hiring
 * managers, with how many wait and for how long (working days since the candidate's first score, the
 * moment it could join the shortlist; the digest's manager response time starts at the same moment).
 * With `atLeastWorkingDays`, only managers whose oldest candidate has waited that long.
 */
export async function waitingOnManagers(db: Db, now: Date, atLeastWorkingDays = 0): Promise<WaitingOn[]> {
  const entries = await db.shortlistEntry.findMany({
    where: { application: { latestVerdict: null, status: 'Active' }, job: { status: 'Open' } },
    select: { jobId: true, applicationId: true },
  });
  if (!entries.length) return [];
  const byJob = new Map<string, string[]>();
  for (const e of entries) byJob.set(e.jobId, [...(byJob.get(e.jobId) ?? []), e.applicationId]);
  const firstScored = new Map<string, Date>();
  const ids = entries.map((e) => e.applicationId);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.score.groupBy({
      by: ['applicationId'],
      where: { applicationId: { in: ids.slice(i, i + 500) } },
      _min: { createdAt: true },
    });
    for (const r of rows) if (r._min.createdAt) firstScored.set(r.applicationId, r._min.createdAt);
  }
  const jobs = await db.job.findMany({
    where: { id: { in: [...byJob.keys()] } },
    select: { id: true, title: true, hiringTeam: true },
  });
  const waiting: WaitingOn[] = [];
  for (const job of jobs) {
    const since = byJob.get(job.id)!.map((id) => firstScored.get(id)).filter((d): d is Date => d !== undefined);
    if (!since.length) continue;
    const oldest = new Date(Math.min(...since.map((d) => d.getTime())));
    const oldestWorkingDays = workingDaysBetween(oldest, now);
    if (oldestWorkingDays < atLeastWorkingDays) continue;
    for (const m of hiringTeamOf(job).filter((member) => isHiringManager(member.role))) {
      waiting.push({
        jobId: job.id,
        jobTitle: job.title,
        managerUserId: m.userId,
        managerName: memberName(m, m.userId),
        managerEmail: m.email ?? null,
        candidates: since.length,
        oldestWorkingDays,
      });
    }
  }
  return waiting.sort((a, b) => b.oldestWorkingDays - a.oldestWorkingDays || a.jobTitle.localeCompare(b.jobTitle));
}

/**
 * What `status` and the digest show: managers waited on for NUDGE_AFTER_WORKING_DAYS (a working day when
 * reminders are off), without their emails.
 */
export async function waitingOn(ctx: Pick<AppContext, 'db' | 'config'>, now = new Date()): Promise<WaitingOnManager[]> {
  const rows = await waitingOnManagers(ctx.db, now, Math.max(1, ctx.config.nudgeAfterWorkingDays));
  return rows.map(({ managerName, jobTitle, candidates, oldestWorkingDays }) =>
    ({ managerName, jobTitle, candidates, oldestWorkingDays }));
}
