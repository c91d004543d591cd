import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShortlistCard, UnknownJobError } from '../../../src/core/shortlist/shortlist-card.ts';
import { refreshShortlist } from '../../../src/core/shortlist/shortlist.ts';
import { DB_KINDS, migratedDb } from '../../helpers/databases.ts';

describe.each(DB_KINDS)('the shortlist card on %s', (kind) => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb(kind);
    const db = env.db;
    await db.job.create({ data: { id: 'job-c', title: 'Store Manager', status: 'Open', locationName: 'Leeds' } });
    const scores = [91, 74, 55, 38];
    for (const [i, score] of scores.entries()) {
      await db.candidate.create({ data: { id: `c-${i}`, name: `Person ${i}`, primaryEmail: `p${i}@example.com` } });
      await db.application.create({
        data: { id: `a-${i}`, candidateId: `c-${i}`, jobId: 'job-c', status: 'Active', currentScore: score },
      });
      await db.score.create({
        data: {
          applicationId: `a-${i}`,
          score,
          reasons: [{ text: `${i + 2} yrs retail; POS`, quote: 'Store lead, 2019-2024', start: 10, end: 31 }],
          missing: i === 3 ? ['Food hygiene certificate'] : [],
          features: {},
          scorerVersion: 'v1',
          resumeHash: `r${i}`,
          jdHash: 'j',
        },
      });
    }
    await db.candidate.create({ data: { id: 'c-x' } });
    await db.application.create({
      data: { id: 'a-x', candidateId: 'c-x', jobId: 'job-c', status: 'Active', screeningState: 'unreadable' },
    });
    await refreshShortlist(db, 'job-c', 10);
    const decide = (applicationId: string, reviewerId: string, verdict: string, at: number) =>
      db.decision.create({
        data: {
          applicationId,
          jobId: 'job-c',
          reviewerId,
          reviewerName: reviewerId.toUpperCase(),
          channel: 'web',
          verdict,
          followedRanking: true,
          createdAt: new Date(Date.UTC(2026, 11, 1, 9, at)),
        },
      });
    await decide('a-0', 'u-hm', 'maybe', 0);
    await decide('a-0', 'u-other', 'approve', 5);
  });
  afterAll(() => env?.close());

  it('lists the stored top-N in rank order with score, band, reasons and missing must-haves', async () => {
    const card = await buildShortlistCard(env.db, 'job-c', { redact: false, reviewerId: 'u-hm' });
    expect(card).toMatchObject({ jobTitle: 'Store Manager', location: 'Leeds', redacted: false });
    expect(card.candidates.map((c) => [c.rank, c.applicationId, c.score, c.band])).toEqual([
      [1, 'a-0', 91, 'strong'],
      [2, 'a-1', 74, 'worth a look'],
      [3, 'a-2', 55, 'partial'],
      [4, 'a-3', 38, 'weak'],
    ]);
    expect(card.candidates[0]!.reasons[0]).toEqual({
      text: '2 yrs retail; POS',
      quote: 'Store lead, 2019-2024',
      start: 10,
      end: 31,
    });
    expect(card.candidates[3]!.missing).toEqual(['Food hygiene certificate']);
    expect(card.candidates[0]!.candidateName).toBe('Person 0');
    expect(card.counts).toEqual({ screened: 4, unscorable: 1, awaitingDecision: 3 });
  });

  it('shows the newest decision by anyone and, separately, the card reviewer\'s own', async () => {
    const card = await buildShortlistCard(env.db, 'job-c', { redact: false, reviewerId: 'u-hm' });
    const top = card.candidates[0]!;
    expect(top.latestDecision).toMatchObject({ verdict: 'approve', reviewerId: 'u-other' });
    expect(top.reviewerDecision).toMatchObject({ verdict: 'maybe', reviewerId: 'u-hm', channel: 'web' });
    expect(card.candidates[1]!.reviewerDecision).toBeNull();
  });

  it('carries no candidate name in redaction mode', async () => {
    const card = await buildShortlistCard(env.db, 'job-c', { redact: true });
    expect(card.redacted).toBe(true);
    expect(JSON.stringify(card)).not.toMatch(/Person \d|example\.com/);
  });

  it('refuses a job Skima does not know', async () => {
    await expect(buildShortlistCard(env.db, 'job-none', { redact: false })).rejects.toBeInstanceOf(UnknownJobError);
  });
});
