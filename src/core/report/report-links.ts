import type { AshbyClient } from '../../ashby/index.ts';
import type { Config } from '../../config/schema.ts';
import type { Db } from '../../db/client.ts';
import { mintLink } from '../links.ts';
import { hiringTeamOf, memberName } from '../reviewers.ts';

export class ReportAccessError extends Error {}

/** Hiring-team roles that make someone a recruiter for the report. */
const RECRUITING_ROLE = /recruit|sourc|coordinat/i;
const ADMIN_ROLE = 'Organization Admin';

export interface ReportReader {
  userId: string;
  name: string;
  /** Why they may read it: a recruiting role on a hiring team, or Ashby admin. */
  as: 'recruiter' | 'admin';
}

/**
 * Who may read the organisation's report: recruiters (a recruiting role on any job's hiring team) and
 * Ashby organisation admins. Hiring managers get their job's shortlist, not the organisation's figures.
 */
export async function reportReader(deps: { db: Db; ashby?: AshbyClient }, person: string): Promise<ReportReader> {
  const wanted = person.trim().toLowerCase();
  const jobs = await deps.db.job.findMany({ select: { hiringTeam: true } });
  for (const job of jobs) {
    for (const m of hiringTeamOf(job)) {
      const same = m.userId.toLowerCase() === wanted || m.email?.toLowerCase() === wanted;
      if (same && RECRUITING_ROLE.test(m.role)) return { userId: m.userId, name: memberName(m, m.userId), as: 'recruiter' };
    }
  }
  if (deps.ashby) {
    const user = wanted.includes('@') ? await findUserByEmail(deps.ashby, wanted) : await deps.ashby.user.info(person.trim()).catch(() => undefined);
    if (user?.globalRole === ADMIN_ROLE && user.isEnabled) {
      return { userId: user.id, name: `${user.firstName} ${user.lastName}`.trim() || user.id, as: 'admin' };
    }
  }
  throw new ReportAccessError(
    `${person} is neither a recruiter on a hiring team nor an Ashby organisation admin: the ROI report is for recruiters and admins`,
  );
}

async function findUserByEmail(client: AshbyClient, email: string) {
  for await (const user of client.user.list()) if (user.email?.toLowerCase() === email) return user;
  return undefined;
}

/** A personal report link: the same rules as shortlist links (random, stored hashed, expiring, revocable). */
export async function createReportLink(
  deps: { db: Db; config: Pick<Config, 'publicBaseUrl' | 'linkTtlMs'>; ashby?: AshbyClient },
  person: string,
  mintedBy: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date; reader: ReportReader }> {
  const reader = await reportReader(deps, person);
  const { token, expiresAt } = await mintLink(
    deps.db,
    { kind: 'report', jobId: '', reviewerId: reader.userId, mintedBy },
    deps.config.linkTtlMs,
    now,
  );
  return { url: `${deps.config.publicBaseUrl}/r/${token}`, expiresAt, reader };
}
