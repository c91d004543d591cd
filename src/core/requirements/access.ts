import type { Db } from '../../db/client.ts';
import { type Actor, RECRUITING_GLOBAL_ROLES, RECRUITING_TEAM_ROLE } from '../disposition/roles.ts';
import { hiringTeamOf } from '../people/hiring-team.ts';

const HIRING_MANAGER_ROLE = /hiring manager/i;

/** The person editing: an Ashby user id and their name; `recruiter` when a front door already knows it. */
export interface RequirementsEditor {
  id: string;
  name: string;
  /** An Ashby recruiting or admin role (chat front doors resolve it from Ashby's user list). */
  recruiter?: boolean;
}

/** Shown to the person refused; the same words for a job that does not exist, so nothing leaks. */
export const MAY_NOT_EDIT =
  'You can\'t change this job\'s requirements: that takes a recruiting or admin role, or being the job\'s hiring manager.';

/** Refused, with words for the person (MAY_NOT_EDIT). */
export class RequirementsAccessError extends Error {
  constructor() {
    super(MAY_NOT_EDIT);
    this.name = 'RequirementsAccessError';
  }
}

/**
 * Whether this person may edit the job's requirements: a recruiter or admin on every job (as for
 * decisions and dispositions: an Ashby recruiting/admin role, or a recruiting role on any job's hiring
 * team), else the job's own hiring manager. Other members of the hiring team (interviewers) may see the
 * requirements but not change them.
 */
export async function mayEditRequirements(db: Db, jobId: string, editor: RequirementsEditor): Promise<boolean> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { hiringTeam: true } });
  if (!job) return false;
  if (editor.recruiter) return true;
  const roles = hiringTeamOf(job).filter((m) => m.userId === editor.id).map((m) => m.role);
  if (roles.some((r) => HIRING_MANAGER_ROLE.test(r) || RECRUITING_TEAM_ROLE.test(r))) return true;
  if (editor.recruiter === false) return false;
  // Not known yet (a web link names only the person): a recruiting role on any job's team counts.
  const jobs = await db.job.findMany({ select: { hiringTeam: true } });
  return jobs.some((j) => hiringTeamOf(j).some((m) => m.userId === editor.id && RECRUITING_TEAM_ROLE.test(m.role)));
}

/** An Ashby user resolved by email or id (the CLI's --as) as an editor: Ashby's admin roles count on every job. */
export function editorOfActor(actor: Actor): RequirementsEditor {
  const admin = RECRUITING_GLOBAL_ROLES.has(actor.globalRole);
  return { id: actor.id, name: actor.name, ...(admin ? { recruiter: true } : {}) };
}
