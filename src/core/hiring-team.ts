/** A member of a job's hiring team as stored on Job.hiringTeam (JSON, from Ashby's job.info). */
export interface HiringTeamMember {
  userId: string;
  role: string;
  email?: string | null;
  firstName?: string;
  lastName?: string;
}

/** The stored hiring team, tolerating rows written before a field existed. */
export function hiringTeamOf(json: unknown): HiringTeamMember[] {
  return Array.isArray(json) ? (json as HiringTeamMember[]).filter((m) => m && typeof m.userId === 'string') : [];
}
