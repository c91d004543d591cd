import type { Config } from '../config/schema.ts';
import type { Db } from '../db/client.ts';
import { ASHBY_FIELD_REVIEWER, mintLink } from './links.ts';
import { findMember, hiringTeamOf, memberName } from './reviewers.ts';

export class LinkScopeError extends Error {}

/**
 * A personal shortlist link for one member of a job's hiring team, named by Ashby user id or email
 * (what `skima links create` prints). Only hiring team members: the link lets its holder decide.
 */
export async function createReviewerLink(
  deps: { db: Db; config: Pick<Config, 'publicBaseUrl' | 'linkTtlMs'> },
  jobId: string,
  reviewer: string,
  now = new Date(),
) {
  const job = await deps.db.job.findUnique({
    where: { id: jobId },
    select: { id: true, title: true, hiringTeam: true },
  });
  if (!job) throw new LinkScopeError(`no job ${jobId} is known to Skima (run skima sync first?)`);
  const team = hiringTeamOf(job);
  const member = reviewer === ASHBY_FIELD_REVIEWER ? undefined : findMember(team, reviewer);
  if (!member) {
    const known = team.map((m) => `${m.email ?? m.userId} (${m.role})`).join(', ') || 'nobody';
    throw new LinkScopeError(`${reviewer} is not on the hiring team of "${job.title}"; its team: ${known}`);
  }
  const scope = { jobId, reviewerId: member.userId, mintedBy: 'cli' };
  const { token, expiresAt } = await mintLink(deps.db, scope, deps.config.linkTtlMs, now);
  return {
    url: `${deps.config.publicBaseUrl}/s/${token}`,
    expiresAt,
    jobTitle: job.title,
    reviewer: { id: member.userId, name: memberName(member, member.userId) },
  };
}
