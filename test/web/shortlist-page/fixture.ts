// A screened Skima (sandbox seed `small`) and links into it, for the shortlist page's route tests.
import { waitForIdle } from '../../../src/app.ts';
import { jobFieldLink, mintLink } from '../../../src/core/links/links.ts';
import { pageRef } from '../../../src/core/shortlist/shortlist-page.ts';
import type { DbKind } from '../../helpers/databases.ts';
import { type SkimaHarness, startHarness } from '../../helpers/skima.ts';

export interface PageFixture {
  h: SkimaHarness;
  jobId: string;
  jobTitle: string;
  manager: { userId: string; name: string };
  /** A personal link of the job's hiring manager. */
  token: string;
  linkId: string;
  close(): Promise<void>;
}

export async function screenedSkima(kind: DbKind, env: Record<string, string> = {}): Promise<PageFixture> {
  const h = await startHarness(kind, { env });
  const ctx = h.skima.ctx;
  if (!(await waitForIdle(ctx, 60_000))) throw new Error('screening did not finish');
  // The job with the longest shortlist.
  const job = await ctx.db.job.findFirstOrThrow({ orderBy: [{ shortlist: { _count: 'desc' } }, { title: 'asc' }] });
  const team = job.hiringTeam as { userId: string; role: string; firstName?: string; lastName?: string }[];
  const hm = team.find((m) => m.role === 'Hiring Manager')!;
  const { token } = await mintLink(ctx.db, { jobId: job.id, reviewerId: hm.userId }, ctx.config.linkTtlMs);
  const link = await ctx.db.shareLink.findFirstOrThrow({ where: { jobId: job.id, reviewerId: hm.userId } });
  return {
    h,
    jobId: job.id,
    jobTitle: job.title,
    manager: { userId: hm.userId, name: `${hm.firstName} ${hm.lastName}` },
    token,
    linkId: link.id,
    close: () => h.close(),
  };
}

export async function shortlistRefs(f: PageFixture, linkId = f.linkId) {
  const entries = await f.h.skima.ctx.db.shortlistEntry.findMany({ where: { jobId: f.jobId }, orderBy: { rank: 'asc' } });
  return entries.map((e) => ({ ...e, ref: pageRef(f.h.skima.ctx.secret, linkId, e.applicationId) }));
}

export async function ashbyFieldToken(f: PageFixture) {
  const ctx = f.h.skima.ctx;
  return (await jobFieldLink(ctx.db, ctx.secret, f.jobId, ctx.config.linkTtlMs)).token;
}

/** The CSRF token in a rendered page's forms. */
export function csrfIn(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token in the page');
  return m[1]!;
}

export function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
