import type { Db } from '../db/client.ts';
import { ASHBY_FIELD_REVIEWER } from './links.ts';

/** A member of a job's hiring team as job-cache.ts stores it (names only since they were added). */
export interface HiringTeamMember {
  userId: string;
  role: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

export function hiringTeamOf(job: { hiringTeam: unknown }): HiringTeamMember[] {
  return Array.isArray(job.hiringTeam) ? (job.hiringTeam as HiringTeamMember[]) : [];
}

/** How a reviewer is named in decisions and Ashby notes: "Dana Lee", else their email, else their id. */
export function memberName(member: HiringTeamMember | undefined, fallbackId: string): string {
  const full = `${member?.firstName ?? ''} ${member?.lastName ?? ''}`.trim();
  return full || member?.email || fallbackId;
}

/** A hiring team member by Ashby user id or (case-insensitive) email. */
export function findMember(team: HiringTeamMember[], idOrEmail: string): HiringTeamMember | undefined {
  const wanted = idOrEmail.trim().toLowerCase();
  return team.find((m) => m.userId === idOrEmail.trim() || (m.email !== undefined && m.email.toLowerCase() === wanted));
}

export interface Reviewer {
  id: string;
  name: string;
  /** False for the link in Ashby's Shortlist Link field: shared by the hiring team, so nobody in particular. */
  canDecide: boolean;
}

/** Who a link speaks for on a job. */
export async function reviewerOfLink(db: Db, jobId: string, reviewerId: string): Promise<Reviewer> {
  if (reviewerId === ASHBY_FIELD_REVIEWER) return { id: reviewerId, name: 'the hiring team', canDecide: false };
  const job = await db.job.findUnique({ where: { id: jobId }, select: { hiringTeam: true } });
  const member = job ? findMember(hiringTeamOf(job), reviewerId) : undefined;
  return { id: reviewerId, name: memberName(member, reviewerId), canDecide: true };
}
