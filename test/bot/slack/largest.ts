// The largest payloads Skima realistically sends to Slack: every field as long as a real resume, job,
// Ashby account or reminder makes it. Slack counts a message's text in all (block-kit.ts,
// MESSAGE_TEXT_BUDGET), so these are what the renderers must fit.
import type { CardDecision, CardRequirement, ShortlistCard } from '../../../src/bot/card-model.ts';
import { candidate, card } from './fakes.ts';

// Resume prose with accents, quotes, emoji, and `&` and `<` that grow fivefold and fourfold when escaped.
export const prose = (seed: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${seed} ${i}: Managed café “Zürich-Süd” — 12 staff, <€1.2m R&D & retail, inventory & rota 🛒`).join(' ');

const decision = (over: Partial<CardDecision>): CardDecision => ({
  verdict: 'approve',
  note: null,
  reviewerId: 'user-dana',
  reviewerName: 'Dana Lee',
  channel: 'slack',
  at: new Date('2026-12-02T10:00:00Z'),
  ...over,
});

/** Twelve must-haves and eight nice-to-haves with long labels, some edited by a person. */
export const longRequirements = (): CardRequirement[] => Array.from({ length: 20 }, (_, i) => ({
  label: `Requirement ${i}: ${prose('at least five years of multi-site retail leadership', 1)}`,
  mustHave: i < 12,
  essential: i % 3 === 0,
  rule: 'requirements section',
  edited: i % 4 === 0,
}));

/** Ten candidates, long names, five long reasons each with long quotes, twelve long missing must-haves,
 * your decision with a long note and a colleague's after it; a long job title, department and location;
 * twenty requirements; skipped applications to archive. */
export function largestCard(): ShortlistCard {
  const candidates = Array.from({ length: 10 }, (_, i) => candidate(i + 1, {
    applicationId: `3f2b6c1e-8d4a-4e2b-9c7f-${String(i).padStart(12, '0')}`,
    candidateName: `Maria-Fernanda de la Concepción Álvarez-Vandenberghe y Castellanos-Oyelaran ${i + 1}`,
    band: 'worth a look',
    reasons: Array.from({ length: 5 }, (_, r) => ({
      text: `Reason ${r}: ${prose('long evidence of fit', 3)}`,
      quote: prose(`verbatim quote ${r}`, 6),
      start: 0,
      end: 600,
    })),
    missing: Array.from({ length: 12 }, (_, m) => `Must-have requirement number ${m} with a long description & <conditions>`),
    latestDecision: decision({ reviewerId: 'user-other', reviewerName: 'Alexandra Konstantinopoulou-Smythe', verdict: 'maybe' }),
    reviewerDecision: decision({ verdict: 'skip', note: prose('a long note', 8) }),
  }));
  return card(10, {
    jobTitle: `Regional Store Operations Manager — ${prose('title', 2)}`,
    department: 'Retail Operations and Customer Experience, Northern Europe & the Nordics',
    location: 'Leeds, Manchester, Sheffield or remote within the United Kingdom & Ireland',
    counts: { screened: 12_345, unscorable: 678, awaitingDecision: 10 },
    skippedActive: 1_234,
    requirements: longRequirements(),
    candidates,
  });
}

/** Thirty of an organisation's own archive reasons (Ashby puts no bound on their text), each long, then
 * Skima's own, as the core's `skipReasons()` lists them. */
export const longSkipReasons = () => [
  ...Array.from({ length: 30 }, (_, i) => ({
    id: `7c9e6679-7425-40de-944b-e07fc1f90a${String(i).padStart(2, '0')}`,
    text: `Candidate's experience does not meet the minimum seniority & scope required for this role (${i}) — see the scorecard`,
  })),
  { id: 'requirements', text: 'Not a fit for the requirements' },
];
