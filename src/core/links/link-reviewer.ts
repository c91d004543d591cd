import type { Db } from '../../db/client.ts';
import { findMember, hiringTeamOf, memberName } from '../people/hiring-team.ts';
import { ASHBY_FIELD_REVIEWER } from './links.ts';

/** Who a shortlist link speaks for. */
export interface LinkReviewer {
  id: string;
  name: string;
  /** False for the link in Ashby's Shortlist Link field: shared by the hiring team, so nobody in particular. */
  canDecide: boolean;
}

/** Who a link speaks for on a job. */
export async function reviewerOfLink(db: Db, jobId: string, reviewerId: string): Promise<LinkReviewer> {
  if (reviewerId === ASHBY_FIELD_REVIEWER) return { id: reviewerId, name: 'the hiring team', canDecide: false };
  const job = await db.job.findUnique({ where: { id: jobId }, select: { hiringTeam: true } });
  const member = job ? findMember(hiringTeamOf(job), reviewerId) : undefined;
  return { id: reviewerId, name: memberName(member, reviewerId), canDecide: true };
}
