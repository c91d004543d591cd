import type { Db } from '../../db/client.ts';

export interface FoundJob {
  id: string;
  title: string;
  status: string;
}

// Open jobs are what people mean almost always; the rest only when nothing open matches as well.
const STATUS_ORDER: Record<string, number> = { Open: 0, Draft: 1, Closed: 2, Archived: 3 };

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Jobs for "/skima shortlist <job>": an exact job id gives that job alone; otherwise every job whose
 * title holds all the query's words (any case, any order, word prefixes allowed), best match first.
 * Matching happens here rather than in SQL: case-insensitive search differs between SQLite and
 * PostgreSQL, and the job table is small.
 */
export async function findJobs(db: Db, query: string, limit = 10): Promise<FoundJob[]> {
  const q = query.trim();
  if (!q || limit < 1) return [];
  const exact = await db.job.findUnique({ where: { id: q }, select: { id: true, title: true, status: true } });
  if (exact) return [exact];
  const wanted = words(q);
  if (!wanted.length) return [];
  const phrase = wanted.join(' ');
  const jobs = await db.job.findMany({ select: { id: true, title: true, status: true } });
  const ranked: { job: FoundJob; rank: number[] }[] = [];
  for (const job of jobs) {
    const titleWords = words(job.title);
    if (!wanted.every((w) => titleWords.some((t) => t.startsWith(w)))) continue;
    const title = titleWords.join(' ');
    const wholeWords = wanted.every((w) => titleWords.includes(w)) ? 0 : 1;
    const closeness = title === phrase ? 0 : title.startsWith(phrase) ? 1 : title.includes(phrase) ? 2 : 3;
    ranked.push({ job, rank: [STATUS_ORDER[job.status] ?? 4, closeness, wholeWords, titleWords.length] });
  }
  ranked.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) {
      const d = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
      if (d) return d;
    }
    return a.job.title.localeCompare(b.job.title) || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0);
  });
  return ranked.slice(0, limit).map((r) => r.job);
}
