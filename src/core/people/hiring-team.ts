/** A member of a job's hiring team as stored on Job.hiringTeam (JSON, from Ashby's job.info). */
export interface HiringTeamMember {
  userId: string;
  role: string;
  email?: string | null;
  firstName?: string;
  lastName?: string;
}

/** A job's stored hiring team (Job.hiringTeam), tolerating rows written before a field existed. */
export function hiringTeamOf(job: { hiringTeam: unknown }): HiringTeamMember[] {
  const team = job.hiringTeam;
  return Array.isArray(team) ? (team as HiringTeamMember[]).filter((m) => m && typeof m.userId === 'string') : [];
}

/** How a reviewer is named in decisions and Ashby notes: "Dana Lee", else their email, else their id. */
export function memberName(member: HiringTeamMember | undefined, fallbackId: string): string {
  const full = `${member?.firstName ?? ''} ${member?.lastName ?? ''}`.trim();
  return full || member?.email || fallbackId;
}

/** A hiring team member by Ashby user id or (case-insensitive) email. */
export function findMember(team: HiringTeamMember[], idOrEmail: string): HiringTeamMember | undefined {
  const wanted = idOrEmail.trim().toLowerCase();
  return team.find((m) => m.userId === idOrEmail.trim() || (typeof m.email === 'string' && m.email.toLowerCase() === wanted));
}
