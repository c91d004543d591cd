import { createHash } from 'node:crypto';
import type { AshbyJob } from '../../ashby/index.ts';
import { htmlToText } from '../../scoring/index.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { AppContext } from '../context.ts';

export interface CachedJob {
  id: string;
  title: string;
  status: string;
  descriptionText: string | null;
  descriptionHash: string | null;
  /** The newest version of people's edits to its requirements (JSON text), null when none. */
  requirementEdits: string | null;
}

const CACHED_JOB = `SELECT "id", "title", "status", "descriptionText", "descriptionHash", "requirementEdits" FROM "Job"
  WHERE "id" = ?`;

/**
 * The job and the description its applications are scored against, from the database when known;
 * otherwise (or with `refresh`, as job webhooks ask) from Ashby: the job, then its first listed posting's
 * description (or the first posting at all).
 */
export async function ensureJob(ctx: AppContext, jobId: string, refresh = false): Promise<CachedJob> {
  if (!refresh) {
    // Raw SQL, and only these columns: every screening reads its job (see db/raw-sql.ts).
    const [known] = await rawSql(ctx.db).rows<CachedJob>(CACHED_JOB, jobId);
    if (known?.descriptionText) return known;
  }
  const job = await ctx.ashby.client.job.info(jobId);
  return storeJob(ctx, job);
}

export async function storeJob(ctx: AppContext, job: AshbyJob): Promise<CachedJob> {
  const client = ctx.ashby.client;
  const postings = [];
  for (const postingId of job.jobPostingIds ?? []) postings.push(await client.jobPosting.info(postingId));
  const chosen = postings.find((p) => p.isListed) ?? postings[0];
  const body = chosen ? htmlToText(chosen.descriptionHtml) || chosen.descriptionPlain : null;
  // Scored as the posting reads, title first: the same text \`skima score\` gets from a saved posting,
  // and the title the scorer reads the role from.
  const descriptionText = body ? `${job.title}\n\n${body}` : null;
  const descriptionHash = descriptionText ? createHash('sha256').update(descriptionText).digest('hex') : null;
  const data = {
    title: job.title,
    status: job.status,
    locationName: chosen?.locationName ?? null,
    departmentName: chosen?.departmentName ?? null,
    descriptionText,
    descriptionHash,
    // Names too, so a decision's note says "Dana Lee" rather than an id.
    hiringTeam: (job.hiringTeam ?? []).map((m) => ({
      userId: m.userId,
      role: m.role,
      email: m.email,
      firstName: m.firstName,
      lastName: m.lastName,
    })),
    ashbyUpdatedAt: new Date(job.updatedAt),
  };
  const stored = await ctx.db.job.upsert({ where: { id: job.id }, create: { id: job.id, ...data }, update: data });
  for (const p of postings) {
    const posting = {
      jobId: job.id,
      title: p.title,
      descriptionHtml: p.descriptionHtml,
      isListed: p.isListed,
      ashbyUpdatedAt: new Date(p.updatedAt),
    };
    await ctx.db.jobPosting.upsert({ where: { id: p.id }, create: { id: p.id, ...posting }, update: posting });
  }
  return stored;
}
