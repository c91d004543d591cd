// Cards for the Teams renderers: an ordinary shortlist, and the largest realistic one (ten candidates,
// five long reasons each with long quotes, long names, many missing must-haves, decisions with notes).
import type { CandidateCard, CardDecision, ShortlistCard } from '../../../src/bot/card-model.ts';
import type { DigestReport, RediscoverReport, SetupReport, StatusReport } from '../../../src/bot/ports.ts';

export function candidate(rank: number, over: Partial<CandidateCard> = {}): CandidateCard {
  return {
    applicationId: `app-${rank}`,
    rank,
    score: 95 - rank * 3,
    band: 'strong',
    candidateName: `Person ${rank}`,
    reasons: [
      { text: '4 yrs retail sales', quote: 'Sales associate, Northwind, 2019-2023', start: 0, end: 37 },
      { text: 'POS systems', quote: 'ran the POS at close', start: 40, end: 60 },
      { text: 'Shift lead', quote: 'shift lead for a team of 6', start: 70, end: 96 },
    ],
    missing: rank === 2 ? ['Food hygiene certificate'] : [],
    scoredAt: new Date('2026-12-01T09:00:00Z'),
    scorerVersion: 'v1',
    latestDecision: null,
    reviewerDecision: null,
    ...over,
  };
}

export function card(n = 10, over: Partial<ShortlistCard> = {}): ShortlistCard {
  return {
    jobId: 'job-1',
    jobTitle: 'Store Manager',
    department: 'Retail',
    location: 'Leeds',
    redacted: false,
    counts: { screened: 42, unscorable: 2, awaitingDecision: n },
    candidates: Array.from({ length: n }, (_, i) => candidate(i + 1)),
    generatedAt: new Date('2026-12-01T10:00:00Z'),
    ...over,
  };
}

export const decision = (over: Partial<CardDecision> = {}): CardDecision => ({
  verdict: 'approve',
  note: null,
  reviewerId: 'user-dana',
  reviewerName: 'Dana Lee',
  channel: 'teams',
  at: new Date('2026-12-02T10:00:00Z'),
  ...over,
});

// Resume prose with accents, quotes and emoji: multi-byte UTF-8 is what makes a card heavy.
const prose = (seed: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${seed} ${i}: Managed café “Zürich-Süd” — 12 staff, €1.2m revenue, inventory & rota 🛒`).join(' ');

/** The largest card Skima realistically draws: every field as long as a real resume makes it. */
export function largestCard(): ShortlistCard {
  const candidates = Array.from({ length: 10 }, (_, i) => candidate(i + 1, {
    applicationId: `3f2b6c1e-8d4a-4e2b-9c7f-${String(i).padStart(12, '0')}`,
    candidateName: `Maria-Fernanda de la Concepción Álvarez-Vandenberghe ${i + 1}`,
    band: 'worth a look',
    reasons: Array.from({ length: 5 }, (_, r) => ({
      text: `Reason ${r}: ${prose('long evidence of fit', 3)}`,
      quote: prose(`verbatim quote ${r}`, 6),
      start: 0,
      end: 600,
    })),
    missing: Array.from({ length: 12 }, (_, m) => `Must-have requirement number ${m} with a long description`),
    latestDecision: decision({ reviewerId: 'user-other', reviewerName: 'Alexandra Konstantinopoulou-Smythe', verdict: 'maybe' }),
    reviewerDecision: decision({ note: prose('a long note', 8) }),
  }));
  return card(10, {
    jobTitle: `Regional Store Operations Manager — ${prose('title', 2)}`,
    department: 'Retail Operations and Customer Experience, Northern Europe',
    location: 'Leeds, Manchester, Sheffield or remote within the United Kingdom',
    candidates,
  });
}

export const digest = (over: Partial<DigestReport> = {}): DigestReport => ({
  from: new Date('2026-11-24T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  applicationsScreened: 120,
  unscorable: 3,
  medianTimeToScreenMs: 90_000,
  medianManagerResponseMs: 5 * 3_600_000,
  decisions: { approve: 12, skip: 30, maybe: 4 },
  followedRankingShare: 0.8,
  interviewsFromTopTen: 7,
  hires: 1,
  jobs: [{ jobId: 'job-1', title: 'Store Manager', screened: 40, approvals: 5 }],
  trends: [{ figure: 'applicationsScreened', change: '+12% on the 4-week average' }],
  ...over,
});

export const status = (): StatusReport => ({
  sync: [{ resource: 'jobs', lastSyncAt: new Date('2026-12-01T09:55:00Z'), stale: false }, { resource: 'applications', lastSyncAt: null, stale: true }],
  queue: { score: { queued: 3, running: 1, failed: 0, dead: 1 }, idle: { queued: 0, running: 0, failed: 0, dead: 0 } },
  lastWebhookAt: new Date('2026-12-01T09:00:00Z'),
  errors: [{ source: 'teams', message: 'Connector 403 Forbidden', at: new Date('2026-12-01T08:00:00Z'), count: 2 }],
  applications: { screened: 100, pending: 2, unscorable: 3 },
  pool: { indexed: 900, candidates: 1000 },
});

export const setupChecks = (): SetupReport[] => [
  { id: 'ashby.key', title: 'Ashby API key', status: 'ok', detail: 'works' },
  { id: 'teams.password', title: 'Teams app password', status: 'fail', detail: 'Azure refused it (invalid_client)', fix: 'Create a new client secret and set TEAMS_APP_PASSWORD' },
  { id: 'ashby.tag', title: 'Tag', status: 'fixed', detail: 'created' },
];

export function rediscovery(n: number, long = false): RediscoverReport {
  return {
    job: { id: 'job-1', title: 'Store Manager' },
    considered: 500,
    candidates: Array.from({ length: n }, (_, i) => ({
      candidateId: `cand-${i + 1}`,
      pastApplicationId: `past-${i + 1}`,
      pastJobTitle: long ? prose('past job', 2) : 'Cashier',
      pastStatus: 'Archived',
      archiveReason: long ? prose('reason', 2) : 'Withdrew',
      score: 80 - i,
      band: 'strong',
      reasons: Array.from({ length: 3 }, (_, r) => ({ text: long ? prose(`why ${r}`, 3) : `why ${r}`, quote: long ? prose('quote', 6) : `quote ${r}` })),
      missing: long ? Array.from({ length: 10 }, (_, m) => `requirement ${m}`) : [],
      lastActivityAt: new Date('2026-06-01T00:00:00Z'),
      candidateName: long ? `Maria-Fernanda de la Concepción Álvarez ${i}` : `Past Person ${i + 1}`,
    })),
  };
}
