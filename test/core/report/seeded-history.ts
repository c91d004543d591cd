// A small history whose every report figure is worked out by hand (see report.test.ts), in New York
// time: weeks of 2026-11-02, -09 and -16 (the last one empty), and the three weeks before them.
import type { Db } from '../../../src/db/client.ts';

export const TIME_ZONE = 'America/New_York';
export const MIN = 60_000;
export const H = 60 * MIN;

/** A New York wall-clock time: EDT (UTC-4) until 1 November 2026, EST (UTC-5) after. */
export function ny(date: string, hour = 0, minute = 0): Date {
  const offset = date >= '2026-11-02' ? 5 : 4;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hour + offset, minute));
}

export async function seedHistory(db: Db): Promise<void> {
  await db.job.create({ data: { id: 'job-a', title: 'Store Manager', status: 'Open' } });
  await db.job.create({ data: { id: 'job-b', title: 'Cashier', status: 'Open' } });
  await db.job.create({ data: { id: 'job-c', title: 'Baker', status: 'Open' } });
  await db.candidate.create({ data: { id: 'cand', name: 'Sam Private', primaryEmail: 'sam@example.com' } });
  const app = (id: string, jobId: string, createdAt: Date, extra: object = {}) =>
    db.application.create({ data: { id, jobId, candidateId: 'cand', status: 'Active', createdAt, ...extra } });
  let n = 0;
  const score = (applicationId: string, createdAt: Date, value = 70) =>
    db.score.create({
      data: {
        applicationId,
        createdAt,
        score: value,
        reasons: [],
        missing: [],
        features: {},
        scorerVersion: 'v1',
        resumeHash: `r${n++}`,
        jdHash: 'j',
      },
    });
  type Rank = number | null;
  const decide = (applicationId: string, jobId: string, verdict: string, at: Date, rank: Rank, followed: boolean) =>
    db.decision.create({
      data: {
        applicationId,
        jobId,
        reviewerId: 'u-1',
        reviewerName: 'Dana Lee',
        channel: 'slack',
        verdict,
        note: 'Call Sam at sam@example.com',
        rankAtDecision: rank,
        followedRanking: followed,
        createdAt: at,
      },
    });

  // Week of 2 November.
  await app('a1', 'job-a', ny('2026-11-02', 9), { hiredAt: ny('2026-11-20'), status: 'Hired' });
  await score('a1', ny('2026-11-02', 9, 10));
  await score('a1', ny('2026-11-10')); // a rescore is not a second screening
  await app('a2', 'job-a', ny('2026-11-03', 10));
  await score('a2', ny('2026-11-03', 10, 30));
  await app('a3', 'job-b', ny('2026-11-04', 8));
  await score('a3', ny('2026-11-04', 9));
  await decide('a1', 'job-a', 'approve', ny('2026-11-02', 11, 10), 1, true);
  await decide('a2', 'job-a', 'skip', ny('2026-11-04', 10, 30), 2, false);

  // Week of 9 November; its last decision is at 23:30 on Sunday in New York (Monday 04:30 UTC).
  await app('a4', 'job-a', ny('2026-11-09', 8), { stageTitle: 'Offer' });
  await score('a4', ny('2026-11-09', 8, 20));
  await app('a5', 'job-b', ny('2026-11-10'), { screeningState: 'unreadable' });
  await decide('a3', 'job-b', 'approve', ny('2026-11-12'), null, false);
  await decide('a4', 'job-a', 'approve', ny('2026-11-15', 23, 30), 3, true);

  // Week of 16 November: nothing. The end of the period (23 November, 00:00) is not in it.
  await app('a7', 'job-b', ny('2026-11-22', 23));
  await score('a7', ny('2026-11-23'));

  // The period before.
  await app('p1', 'job-a', ny('2026-10-20', 9));
  await score('p1', ny('2026-10-20', 9, 5));
  await decide('p1', 'job-a', 'approve', ny('2026-10-21', 9, 5), 1, true);
  await db.auditEvent.create({
    data: { actor: 'u-1', action: 'application.stage_moved', subjectType: 'application', subjectId: 'p1', at: ny('2026-10-22') },
  });
  // 23:59 on Sunday 1 November in New York is 04:59 UTC on Monday: still the period before.
  await app('p2', 'job-b', ny('2026-11-01', 23));
  await score('p2', ny('2026-11-01', 23, 59));
}
