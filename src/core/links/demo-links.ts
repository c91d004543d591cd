import type { AppContext } from '../context.ts';
import { mintLink } from './links.ts';

export interface ShortlistLink {
  jobId: string;
  jobTitle: string;
  reviewer: string;
  url: string;
  candidates: number;
}

/**
 * A fresh secure shortlist link per open job, for its hiring manager (the first member of its hiring
 * team when none is marked so). What `skima start` prints in the embedded default.
 */
export async function mintShortlistLinks(ctx: AppContext): Promise<ShortlistLink[]> {
  const jobs = await ctx.db.job.findMany({
    where: { status: 'Open' },
    orderBy: { title: 'asc' },
    include: { _count: { select: { shortlist: true } } },
  });
  const links: ShortlistLink[] = [];
  for (const job of jobs) {
    const team = (job.hiringTeam ?? []) as { userId: string; role: string; email?: string }[];
    const manager = team.find((m) => /hiring manager/i.test(m.role)) ?? team[0];
    if (!manager) continue;
    const { token } = await mintLink(ctx.db, { jobId: job.id, reviewerId: manager.userId }, ctx.config.linkTtlMs);
    links.push({
      jobId: job.id,
      jobTitle: job.title,
      reviewer: manager.userId,
      url: `${ctx.config.publicBaseUrl}/s/${token}`,
      candidates: job._count.shortlist,
    });
  }
  return links;
}
