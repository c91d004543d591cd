// The baseline of bench/rediscover.ts: rediscovery as it was before the pool had an index. It read the
// 500 most recently active past candidates (pages of 1,000 applications, newest first), looked up each
// one's current resume and scored them all. Kept here, as it was, to be measured in the same run.
import type { AppContext } from '../../src/core/context.ts';

const MAX_CONSIDERED = 500;
const PAGE = 1000;

export async function rediscoverNewest(ctx: Pick<AppContext, 'db' | 'scorer'>, jobId: string, limit = 10) {
  const job = await ctx.db.job.findUniqueOrThrow({ where: { id: jobId }, select: { descriptionText: true } });
  const description = job.descriptionText ?? '';
  const where = {
    jobId: { not: jobId },
    status: { in: ['Archived', 'Hired', 'Lead'] },
    candidate: { applications: { none: { jobId } }, resumes: { some: { extractedText: { not: null } } } },
  };
  const candidates: string[] = [];
  const seen = new Set<string>();
  for (let skip = 0; candidates.length < MAX_CONSIDERED; skip += PAGE) {
    const rows = await ctx.db.application.findMany({
      where,
      orderBy: [{ ashbyUpdatedAt: { sort: 'desc', nulls: 'last' } }, { updatedAt: 'desc' }, { id: 'asc' }],
      skip,
      take: PAGE,
      select: { candidateId: true },
    });
    for (const r of rows) {
      if (seen.has(r.candidateId) || candidates.length === MAX_CONSIDERED) continue;
      seen.add(r.candidateId);
      candidates.push(r.candidateId);
    }
    if (rows.length < PAGE) break;
  }
  const files = await ctx.db.resumeFile.findMany({
    where: { candidateId: { in: candidates } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { candidateId: true, extractedText: true },
  });
  const texts = new Map<string, string>();
  for (const f of files) if (!texts.has(f.candidateId) && f.extractedText) texts.set(f.candidateId, f.extractedText);
  const scored: { candidateId: string; score: number }[] = [];
  for (const candidateId of candidates) {
    const text = texts.get(candidateId);
    if (text === undefined) continue;
    scored.push({ candidateId, score: (await ctx.scorer.score(description, text)).score });
  }
  scored.sort((a, b) => b.score - a.score);
  return { considered: scored.length, candidates: scored.slice(0, limit) };
}
