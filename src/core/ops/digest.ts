import type { DigestReport } from '../../bot/ports.ts';
import type { Db } from '../../db/client.ts';
import type { AppContext } from '../context.ts';

/** How the digest names skips given without a reason. */
export const NO_REASON = 'no reason given';

/** The digest's figures for one week, before the trends against the weeks before are added. */
export type WeeklyDigest = Omit<DigestReport, 'trends'>;

const CHUNK = 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The last full Monday-to-Monday week (UTC) before `now`. */
export function lastWeek(now = new Date()): { from: Date; to: Date } {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  const to = new Date(midnight - sinceMonday * DAY_MS);
  return { from: new Date(to.getTime() - 7 * DAY_MS), to };
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Each application's first score time (ids in chunks: bind-parameter limits differ per database). */
async function firstScores(db: Db, applicationIds: string[]): Promise<Map<string, Date>> {
  const first = new Map<string, Date>();
  for (const ids of chunks(applicationIds)) {
    const rows = await db.score.groupBy({
      by: ['applicationId'],
      where: { applicationId: { in: ids } },
      _min: { createdAt: true },
    });
    for (const r of rows) if (r._min.createdAt) first.set(r.applicationId, r._min.createdAt);
  }
  return first;
}

export async function computeDigest(ctx: AppContext, range: { from: Date; to: Date }): Promise<WeeklyDigest> {
  const { db } = ctx;
  const inRange = { gte: range.from, lt: range.to };

  // Screened in the range: the application's first score falls in it (a rescore is not a new screening).
  // Only applications with some score in the range can qualify, which keeps the work to the range.
  const scoredInRange = await db.score.findMany({
    where: { createdAt: inRange },
    distinct: ['applicationId'],
    select: { applicationId: true },
  });
  const firsts = await firstScores(db, scoredInRange.map((s) => s.applicationId));
  const screenedAt = new Map([...firsts].filter(([, first]) => first >= range.from));
  const screenedApps: { id: string; jobId: string; createdAt: Date }[] = [];
  for (const ids of chunks([...screenedAt.keys()])) {
    screenedApps.push(
      ...(await db.application.findMany({
        where: { id: { in: ids } },
        select: { id: true, jobId: true, createdAt: true },
      })),
    );
  }
  const timeToScreen = screenedApps.map((a) => Math.max(0, screenedAt.get(a.id)!.getTime() - a.createdAt.getTime()));

  const unscorable = await db.application.count({
    where: { createdAt: inRange, screeningState: { in: ['unreadable', 'no_resume'] } },
  });

  const decisions = await db.decision.findMany({
    where: { createdAt: inRange },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      applicationId: true,
      jobId: true,
      verdict: true,
      followedRanking: true,
      rankAtDecision: true,
      skipReason: true,
      createdAt: true,
    },
  });
  const verdicts = { approve: 0, skip: 0, maybe: 0 };
  for (const d of decisions) if (Object.hasOwn(verdicts, d.verdict)) verdicts[d.verdict as keyof typeof verdicts]++;
  const followed = decisions.filter((d) => d.followedRanking).length;
  const byReason = new Map<string, number>();
  for (const d of decisions) {
    if (d.verdict === 'skip') byReason.set(d.skipReason ?? NO_REASON, (byReason.get(d.skipReason ?? NO_REASON) ?? 0) + 1);
  }
  const skipsByReason = [...byReason.entries()]
    .map(([reason, count]) => ({ reason, count }))
    // Most first; "no reason given" last among equals, then by name, so the line reads the same each time.
    .sort((a, b) =>
      b.count - a.count
      || Number(a.reason === NO_REASON) - Number(b.reason === NO_REASON)
      || a.reason.localeCompare(b.reason));

  const medianManagerResponseMs = await managerResponse(db, decisions);
  const { interviewsFromTopTen, hires } = await outcomes(db, range);

  const perJob = new Map<string, { screened: number; approvals: number }>();
  const bump = (jobId: string, key: 'screened' | 'approvals') => {
    const row = perJob.get(jobId) ?? { screened: 0, approvals: 0 };
    row[key]++;
    perJob.set(jobId, row);
  };
  for (const a of screenedApps) bump(a.jobId, 'screened');
  for (const d of decisions) if (d.verdict === 'approve') bump(d.jobId, 'approvals');
  const titles = new Map<string, string>();
  for (const ids of chunks([...perJob.keys()])) {
    for (const j of await db.job.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })) {
      titles.set(j.id, j.title);
    }
  }
  const jobs = [...perJob.entries()]
    .filter(([jobId]) => titles.has(jobId))
    .map(([jobId, n]) => ({ jobId, title: titles.get(jobId)!, ...n }))
    .sort((a, b) => b.screened - a.screened || b.approvals - a.approvals || a.title.localeCompare(b.title));

  return {
    from: range.from,
    to: range.to,
    applicationsScreened: screenedApps.length,
    unscorable,
    medianTimeToScreenMs: median(timeToScreen),
    medianManagerResponseMs,
    decisions: verdicts,
    followedRankingShare: decisions.length ? followed / decisions.length : null,
    interviewsFromTopTen,
    hires,
    jobs,
    skipsByReason,
  };
}

/**
 * For each application whose first decision ever falls in the range and was taken while it was on the
 * shortlist: the time from its first score (when it became rankable, and joined the shortlist if it
 * ranked high enough) to that decision.
 */
async function managerResponse(
  db: Db,
  decisions: { applicationId: string; rankAtDecision: number | null; createdAt: Date }[],
): Promise<number | null> {
  const firstInRange = new Map<string, { rankAtDecision: number | null; createdAt: Date }>();
  for (const d of decisions) if (!firstInRange.has(d.applicationId)) firstInRange.set(d.applicationId, d);
  const ids = [...firstInRange.keys()];
  const earlier = new Set<string>();
  for (const chunk of chunks(ids)) {
    const rows = await db.decision.groupBy({
      by: ['applicationId'],
      where: { applicationId: { in: chunk } },
      _min: { createdAt: true },
    });
    for (const r of rows) {
      const first = firstInRange.get(r.applicationId)!;
      if (r._min.createdAt && r._min.createdAt < first.createdAt) earlier.add(r.applicationId);
    }
  }
  const shortlisted = ids.filter((id) => !earlier.has(id) && firstInRange.get(id)!.rankAtDecision !== null);
  const scoredAt = await firstScores(db, shortlisted);
  const waits = shortlisted
    .filter((id) => scoredAt.has(id))
    .map((id) => Math.max(0, firstInRange.get(id)!.createdAt.getTime() - scoredAt.get(id)!.getTime()));
  return median(waits);
}

/** Hires in the range, and how many of the moves forward came from an approval on a shortlist. */
async function outcomes(
  db: Db,
  range: { from: Date; to: Date },
): Promise<{ interviewsFromTopTen: number; hires: number }> {
  const inRange = { gte: range.from, lt: range.to };
  const [hired, moved] = await Promise.all([
    db.application.findMany({ where: { hiredAt: inRange }, select: { id: true } }),
    db.auditEvent.findMany({
      where: { action: 'application.stage_moved', subjectType: 'application', at: inRange },
      select: { subjectId: true },
    }),
  ]);
  const movedIds = moved.flatMap((m) => (m.subjectId ? [m.subjectId] : []));
  const forward = [...new Set([...hired.map((h) => h.id), ...movedIds])];
  let interviewsFromTopTen = 0;
  for (const ids of chunks(forward)) {
    const approved = await db.decision.findMany({
      where: { applicationId: { in: ids }, verdict: 'approve', rankAtDecision: { not: null }, createdAt: { lt: range.to } },
      distinct: ['applicationId'],
      select: { applicationId: true },
    });
    interviewsFromTopTen += approved.length;
  }
  return { interviewsFromTopTen, hires: hired.length };
}
