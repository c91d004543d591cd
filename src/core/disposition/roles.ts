import type { Db } from '../../db/client.ts';
import { ApplicationNotInJobError, applicationOfJob, UnknownApplicationError } from '../decisions/decisions.ts';
import type { HiringTeamMember } from '../people/hiring-team.ts';

/** Ashby global roles that act on every job: recruiting and admin. Hiring managers act on their own jobs. */
export const RECRUITING_GLOBAL_ROLES = new Set(['Organization Admin', 'Elevated Access']);
/** Hiring-team roles that make someone a recruiter for Skima's purposes. */
export const RECRUITING_TEAM_ROLE = /recruit|coordinator|sourcer/i;
const HIRING_MANAGER_ROLE = /hiring manager/i;

/** The person who asked for an advance or an archive, as Ashby knows them. */
export interface Actor {
  id: string;
  name: string;
  /** Ashby's global role (Organization Admin, Elevated Access, Limited Access, …). */
  globalRole: string;
}

export type DispositionAction = 'advance' | 'archive';

/** Shown to the person refused. Says why, and names nothing of the job or the candidate. */
export const NOT_ON_TEAM = 'You can\'t act on this application: you are not a recruiter or on its job\'s hiring team.';
export const ARCHIVE_NEEDS_RECRUITER =
  'Archiving needs a recruiting role in Ashby (ask the job\'s recruiter, or an admin to set HIRING_MANAGERS_MAY_ARCHIVE=on).';

/** Shown for an application Skima does not know (nothing else is said about it). */
export const UNKNOWN_APPLICATION = 'Skima does not know this application (run `skima sync` if it is new).';

/**
 * Why an application named together with a job may not be acted on from it, or undefined when it is one
 * of that job's: the decisions entry point's own check (applicationOfJob), so one place decides whether
 * an application belongs to a job. An application of another job reads as "not on the team": the
 * refusal names neither that job nor whether the application exists.
 */
export async function applicationRefusal(db: Db, jobId: string, applicationId: string): Promise<string | undefined> {
  try {
    await applicationOfJob(db, { jobId, applicationId });
    return undefined;
  } catch (err) {
    if (err instanceof UnknownApplicationError) return UNKNOWN_APPLICATION;
    if (err instanceof ApplicationNotInJobError) return NOT_ON_TEAM;
    throw err;
  }
}

/**
 * Why this person may not advance or archive an application of a job with this hiring team, or
 * undefined when they may: recruiters and admins on every job, the job's own recruiting team on it,
 * its hiring manager to advance (and to archive when the setting allows).
 */
export function dispositionRefusal(
  actor: Actor,
  team: HiringTeamMember[],
  action: DispositionAction,
  hiringManagersMayArchive: boolean,
): string | undefined {
  if (RECRUITING_GLOBAL_ROLES.has(actor.globalRole)) return undefined;
  const roles = team.filter((m) => m.userId === actor.id).map((m) => m.role);
  if (roles.some((r) => RECRUITING_TEAM_ROLE.test(r))) return undefined;
  if (!roles.some((r) => HIRING_MANAGER_ROLE.test(r))) return NOT_ON_TEAM;
  if (action === 'archive' && !hiringManagersMayArchive) return ARCHIVE_NEEDS_RECRUITER;
  return undefined;
}
