// Every Adaptive Card Skima sends to Teams: valid against the official 1.5 schema, under 28 KB even at
// its largest, and showing what the card model holds (the same as Slack's Block Kit card).
import { describe, expect, it } from 'vitest';
import {
  type AdaptiveCardJson,
  CARD_MAX_BYTES,
  cardBytes,
  digestAdaptiveCard,
  helpAdaptiveCard,
  linkCard,
  noticeAdaptiveCard,
  rediscoverAdaptiveCard,
  setupAdaptiveCard,
  shortlistAdaptiveCard,
  statusAdaptiveCard,
} from '../../../src/bot/teams/adaptive-card.ts';
import { parseCardAction } from '../../../src/bot/teams/card-actions.ts';
import { adaptiveCardValidator, cardErrors } from './schemas.ts';
import { candidate, card, decision, digest, largestCard, rediscovery, setupChecks, status } from './fixtures.ts';

type Node = Record<string, unknown>;

/** Every object in the card, depth first. */
function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Node);
    Object.values(value).forEach((v) => nodes(v, out));
  }
  return out;
}
const texts = (c: AdaptiveCardJson) => nodes(c.body).filter((n) => typeof n.text === 'string').map((n) => n.text as string);
/** Rich text blocks as the lines a person reads. */
const lines = (c: AdaptiveCardJson) => nodes(c.body)
  .filter((n) => n.type === 'RichTextBlock')
  .map((n) => (n.inlines as { text: string }[]).map((i) => i.text).join(''));
const actions = (c: AdaptiveCardJson) => nodes(c).filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Action.'));

function expectValid(c: AdaptiveCardJson) {
  const validate = adaptiveCardValidator();
  expect(validate(c), cardErrors(validate)).toBe(true);
  expect(cardBytes(c)).toBeLessThan(CARD_MAX_BYTES);
}

describe('the Adaptive Card 1.5 schema check', () => {
  it('can fail: an unknown property, an unknown action and a TextBlock without text are refused', () => {
    const validate = adaptiveCardValidator();
    const good = shortlistAdaptiveCard(card(1));
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, msteams: { width: 'Full' } })).toBe(false);
    expect(validate({ ...good, actions: [{ type: 'Action.Launch', title: 'x' }] })).toBe(false);
    expect(validate({ ...good, body: [{ type: 'TextBlock' }] })).toBe(false);
  });
});

describe('the shortlist card', () => {
  it('shows the job, counts, rank, score and band, reasons with verbatim quotes, missing must-haves', () => {
    const c = shortlistAdaptiveCard(card(10));
    expectValid(c);
    expect(c.version).toBe('1.5');
    const read = lines(c);
    expect(read[0]).toBe('Shortlist: Store Manager');
    expect(read[1]).toBe('Top 10 of 42 screened · 10 awaiting a decision · 2 could not be scored · Retail · Leeds');
    expect(read).toContain('#1 · Person 1 — 92/100 (strong)');
    expect(read).toContain('• 4 yrs retail sales — “Sales associate, Northwind, 2019-2023”');
    expect(read).toContain('Missing: Food hygiene certificate');
    expect(read.filter((l) => l.startsWith('#'))).toHaveLength(10);
    expect(c.fallbackText).toBe('Shortlist for Store Manager: 10 candidates, 10 awaiting a decision');
    expect(JSON.stringify([c.body, c.actions])).not.toContain('http'); // no link is ever posted in a shortlist card
  });

  it('shows what the scores count: must-haves then nice-to-haves, with the rule, edits and essentials', () => {
    const c = shortlistAdaptiveCard({
      ...card(3),
      requirements: [
        { label: 'Retail management experience', mustHave: true, essential: false, rule: 'requirements section', edited: false },
        { label: 'Food hygiene certificate', mustHave: true, essential: true, rule: 'licence or certificate', edited: false },
        { label: 'Attention to detail', mustHave: true, essential: false, rule: 'requirements section', edited: false, quality: true },
        { label: 'Visual merchandising', mustHave: false, essential: false, rule: 'edited', edited: true },
      ],
    });
    expectValid(c);
    expect(lines(c)[2]).toBe(
      'Must-haves: Retail management experience (requirements section) · Food hygiene certificate (licence or certificate; essential)'
      + ' · Attention to detail (requirements section; counted when shown, else asked at interview)\n'
      + 'Nice-to-haves: Visual merchandising (edited)',
    );
    // A card built before requirements were shown has no such line.
    expect(lines(shortlistAdaptiveCard(card(3))).some((l) => l.startsWith('Must-haves'))).toBe(false);
  });

  it('puts resume text in text runs, where markdown is not read', () => {
    const c = shortlistAdaptiveCard(card(1, { candidates: [candidate(1, { candidateName: '**Bold** _Name_' })] }));
    expect(nodes(c.body).filter((n) => n.type === 'TextBlock')).toEqual([]);
    expect(lines(c)).toContain('#1 · **Bold** _Name_ — 92/100 (strong)');
  });

  it('has Approve / Skip / Maybe as Action.Execute skima.decide and a note input per candidate', () => {
    const c = shortlistAdaptiveCard(card(2));
    const decide = actions(c).filter((a) => a.verb === 'skima.decide');
    expect(decide.map((a) => [a.type, a.title, a.data])).toEqual([
      ['Action.Execute', 'Approve', { jobId: 'job-1', applicationId: 'app-1', verdict: 'approve' }],
      ['Action.Execute', 'Skip', { jobId: 'job-1', applicationId: 'app-1', verdict: 'skip' }],
      ['Action.Execute', 'Maybe', { jobId: 'job-1', applicationId: 'app-1', verdict: 'maybe' }],
      ['Action.Execute', 'Approve', { jobId: 'job-1', applicationId: 'app-2', verdict: 'approve' }],
      ['Action.Execute', 'Skip', { jobId: 'job-1', applicationId: 'app-2', verdict: 'skip' }],
      ['Action.Execute', 'Maybe', { jobId: 'job-1', applicationId: 'app-2', verdict: 'maybe' }],
    ]);
    const inputs = nodes(c.body).filter((n) => n.type === 'Input.Text');
    expect(inputs.map((i) => [i.id, i.maxLength])).toEqual([['note_app-1', 2000], ['note_app-2', 2000]]);
    expect(c.actions).toEqual([{
      type: 'Action.Execute',
      title: 'Open full shortlist',
      verb: 'skima.openShortlist',
      data: { jobId: 'job-1' },
      associatedInputs: 'none',
    }]);
  });

  it('a click comes back as the decision with that candidate\'s note only (what Teams sends: data merged with inputs)', () => {
    const c = shortlistAdaptiveCard(card(3));
    const skip2 = actions(c).find((a) => a.verb === 'skima.decide' && (a.data as Node).applicationId === 'app-2' && a.title === 'Skip')!;
    const inputs = { 'note_app-1': 'not this one', 'note_app-2': '  too far to commute  ', 'note_app-3': '' };
    expect(parseCardAction(skip2.verb as string, { ...inputs, ...(skip2.data as Node) })).toEqual({
      kind: 'decide', jobId: 'job-1', applicationId: 'app-2', verdict: 'skip', note: 'too far to commute',
    });
    const open = c.actions![0]!;
    expect(parseCardAction(open.verb as string, open.data)).toEqual({ kind: 'open-shortlist', jobId: 'job-1' });
  });

  it('shows the reviewer\'s own decision with its note, ticks its button, and the latest decision by someone else', () => {
    const c = shortlistAdaptiveCard(card(1, {
      candidates: [candidate(1, {
        reviewerDecision: decision({ verdict: 'maybe', note: 'call first' }),
        latestDecision: decision({ verdict: 'skip', reviewerId: 'user-chris', reviewerName: 'Chris Doyle' }),
      })],
    }));
    expectValid(c);
    expect(lines(c)).toContain('You: 🤔 Maybe — “call first” · Latest: 👎 Skipped by Chris Doyle');
    expect(actions(c).map((a) => a.title)).toEqual(['Approve', 'Skip', '✓ Maybe', 'Advance…', 'Archive…', 'Open full shortlist']);
  });

  it('offers Advance… and Archive… beside each candidate, and the optional skip reasons as Slack\'s note modal does', () => {
    const reasons = [{ id: 'reason-2', text: 'Too inexperienced' }, { id: 'requirements', text: 'Not a fit for the requirements' }];
    const c = shortlistAdaptiveCard(card(2), { skipReasons: reasons });
    expectValid(c);
    const open = actions(c).filter((a) => a.verb === 'skima.disposition.open');
    expect(open.map((a) => [a.title, (a.data as { action: string }).action])).toEqual([
      ['Advance…', 'advance'], ['Archive…', 'archive'], ['Advance…', 'advance'], ['Archive…', 'archive'],
    ]);
    const json = JSON.stringify(c);
    expect(json).toContain('"id":"skipReason_app-1"');
    expect(json).toContain('"placeholder":"Reason, if you skip (optional)"');
    expect(json).toContain('{"title":"Not a fit for the requirements","value":"requirements"}');
    expect(JSON.stringify(shortlistAdaptiveCard(card(2)))).not.toContain('skipReason_');
  });

  it('names candidates by rank only in redaction mode, whatever the model carries', () => {
    const c = shortlistAdaptiveCard(card(3, { redacted: true }));
    expectValid(c);
    expect(JSON.stringify(c)).not.toContain('Person');
    expect(lines(c)).toContain('#2 · Candidate #2 — 89/100 (strong)');
    expect(lines(c)[1]).toContain('names hidden (redaction mode)');
  });

  it('draws an empty shortlist and a notice line', () => {
    const empty = shortlistAdaptiveCard(card(0), { notice: 'Recorded: Approve for #1, written to Ashby' });
    expectValid(empty);
    expect(lines(empty)).toContain('No candidate is screened for this job yet.');
    expect(lines(empty)[2]).toBe('Recorded: Approve for #1, written to Ashby');
  });

  it('fits the largest realistic card under 28 KB with all ten candidates, shortening quotes, and stays valid', () => {
    const big = largestCard();
    const untrimmed = JSON.stringify(big).length;
    expect(untrimmed).toBeGreaterThan(CARD_MAX_BYTES); // the model itself is over the limit: trimming is needed
    const c = shortlistAdaptiveCard(big, { notice: 'Recorded: Skip for #10' });
    expectValid(c);
    expect(cardBytes(c)).toBeLessThanOrEqual(CARD_MAX_BYTES - 2048);
    const read = lines(c);
    expect(read.filter((l) => l.startsWith('#'))).toHaveLength(10);
    expect(actions(c).filter((a) => a.verb === 'skima.decide')).toHaveLength(30);
    expect(read.some((l) => l.startsWith('• ') && l.endsWith('…”'))).toBe(true); // quotes clipped, marked
    expect(read.some((l) => l.startsWith('Missing: '))).toBe(true);
  });

  it('stays valid and under 28 KB for any mix of sizes (40 seeded random cards, up to 30 candidates, 5,000-character texts)', () => {
    let seed = 15;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % (n + 1);
    };
    const text = (max: number) => 'Zürich café “quote” 🛒 *not bold* _x_ '.repeat(Math.ceil(max / 40)).slice(0, rand(max));
    for (let i = 0; i < 40; i++) {
      const n = rand(30);
      const candidates = Array.from({ length: n }, (_, r) => candidate(r + 1, {
        candidateName: text(300) || undefined,
        band: text(30) || 'weak',
        reasons: Array.from({ length: rand(5) }, () => ({ text: text(5000), quote: text(5000), start: 0, end: 1 })),
        missing: Array.from({ length: rand(20) }, () => text(300)),
        reviewerDecision: rand(1) ? decision({ note: text(2000) }) : null,
        latestDecision: rand(1) ? decision({ reviewerId: 'x', reviewerName: text(200) }) : null,
      }));
      const c = shortlistAdaptiveCard(card(n, { candidates, jobTitle: text(500) || 'Job', redacted: rand(1) === 1 }), { notice: text(600) });
      expectValid(c);
      if (n > 0) expect(lines(c).some((l) => l.startsWith('#1 · '))).toBe(true); // the top candidate always shows
    }
  });

  it('drops the lowest-ranked candidates, and says so, only when even the tersest level does not fit', () => {
    const rest = Array.from({ length: 50 }, (_, i) => candidate(i + 11));
    const many = card(60, { candidates: largestCard().candidates.concat(rest) });
    const c = shortlistAdaptiveCard(many);
    expectValid(c);
    const read = lines(c);
    const shown = read.filter((l) => l.startsWith('#')).length;
    expect(shown).toBeLessThan(60);
    expect(read).toContain(`${60 - shown} more on the full shortlist.`);
  });
});

describe('the other cards', () => {
  it('link card: the URL on an Action.OpenUrl, with its expiry', () => {
    const c = linkCard('Store Manager: the full shortlist', 'https://skima.acme.test/s/tok', new Date('2026-12-01T12:30:00Z'));
    expectValid(c);
    expect(c.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open', url: 'https://skima.acme.test/s/tok' }]);
    expect(lines(c)[1]).toContain('valid until 2026-12-01 12:30 UTC');
  });

  it('rediscovery: "Add to job" behind a confirmation, as Action.Execute skima.addToJob; none when the reader may not add', () => {
    const c = rediscoverAdaptiveCard(rediscovery(3), { jobId: 'job-1', canAdd: true });
    expectValid(c);
    const adds = actions(c).filter((a) => a.verb === 'skima.addToJob');
    expect(adds.map((a) => a.data)).toEqual([1, 2, 3].map((i) => ({ jobId: 'job-1', candidateId: `cand-${i}` })));
    expect(actions(c).filter((a) => a.type === 'Action.ShowCard')).toHaveLength(3);
    expect(parseCardAction('skima.addToJob', adds[0]!.data)).toEqual({ kind: 'add-to-job', jobId: 'job-1', candidateId: 'cand-1' });
    expect(lines(c)).toContain('Past Person 1 — 80/100 (strong) · applied to Cashier, Archived (Withdrew)');
    const readOnly = rediscoverAdaptiveCard(rediscovery(3), { jobId: 'job-1', canAdd: false });
    expectValid(readOnly);
    expect(actions(readOnly)).toEqual([]);
    expectValid(rediscoverAdaptiveCard(rediscovery(0), { jobId: 'job-1', canAdd: true }));
  });

  it('rediscovery at its largest (many long candidates) fits under 28 KB and says how many are not shown', () => {
    const c = rediscoverAdaptiveCard(rediscovery(60, true), { jobId: 'job-1', canAdd: true });
    expectValid(c);
    expect(lines(c).at(-1)).toMatch(/^\d+ more: narrow the filters/);
  });

  it('digest: counts and job titles only', () => {
    const c = digestAdaptiveCard(digest());
    expectValid(c);
    expect(lines(c)).toEqual([
      'Skima weekly digest 2026-11-24 – 2026-12-01',
      '120 applications screened (+12% on the 4-week average) (3 could not be scored)',
      'Median time to screen: 2 min',
      'Median manager response: 5.0 h',
      'Decisions: 👍 12 · 🤔 4 · 👎 30',
      'Followed the ranking: 80%',
      'Interviews from the top-10: 7 · hires: 1',
      'By job',
      '• Store Manager: 40 screened, 5 approved',
    ]);
    const jobs = Array.from({ length: 200 }, (_, i) => ({ jobId: `j${i}`, title: 'T'.repeat(300), screened: 1, approvals: 0 }));
    expectValid(digestAdaptiveCard(digest({ jobs })));
  });

  it('"Waiting on" in status and the digest: colleagues and job titles, no candidate', () => {
    const waiting = [{ managerName: 'Dana Lee', jobTitle: 'Store Manager', candidates: 3, oldestWorkingDays: 4.5 }];
    const s = statusAdaptiveCard({ ...status(), waiting }, new Date('2026-12-01T10:00:00Z'));
    expectValid(s);
    expect(lines(s)).toContain('• Dana Lee (3 candidates, oldest 4 working days) for Store Manager');
    const d = digestAdaptiveCard(digest({ waitingOn: waiting }));
    expectValid(d);
    expect(lines(d).slice(-2)).toEqual(['Waiting on', '• Dana Lee (3 candidates, oldest 4 working days) for Store Manager']);
  });

  it('notice: to a person with the job\'s shortlist button, to a channel with none', () => {
    const notice = { kind: 'hired' as const, headline: 'Hired: #2 for Store Manager', lines: ['Approved by Dana Lee'], jobId: 'job-1' };
    const person = noticeAdaptiveCard(notice, 'person');
    expectValid(person);
    expect(lines(person)).toEqual(['🎉 Hired: #2 for Store Manager', 'Approved by Dana Lee']);
    const open = actions(person)[0]!;
    expect(parseCardAction(open.verb as string, open.data)).toEqual({ kind: 'open-shortlist', jobId: 'job-1' });
    const channel = noticeAdaptiveCard(notice, 'channel');
    expectValid(channel);
    expect(actions(channel)).toEqual([]);
  });

  it('notice: a reminder about several jobs offers each one\'s shortlist by its title', () => {
    const jobs = [{ jobId: 'job-1', title: 'Store Manager' }, { jobId: 'job-2', title: 'Night Manager' }];
    const notice = { kind: 'nudge' as const, headline: '3 shortlisted candidates for 2 jobs are waiting for your decision', lines: [], jobId: 'job-1', jobs };
    const person = noticeAdaptiveCard(notice, 'person');
    expectValid(person);
    expect(actions(person).map((a) => [a.title, parseCardAction(a.verb as string, a.data)])).toEqual([
      ['Store Manager', { kind: 'open-shortlist', jobId: 'job-1' }],
      ['Night Manager', { kind: 'open-shortlist', jobId: 'job-2' }],
    ]);
  });

  it('status, setup and help', () => {
    const s = statusAdaptiveCard(status(), new Date('2026-12-01T10:00:00Z'));
    expectValid(s);
    expect(lines(s)).toContain('⚠️ applications: never');
    expect(lines(s)).toContain('• teams: Connector 403 Forbidden (2×, last 2 h ago)');
    expect(s.fallbackText).toBe('Skima status: needs attention');
    const setup = setupAdaptiveCard(setupChecks());
    expectValid(setup);
    expect(lines(setup)).toContain('❌ Teams app password: Azure refused it (invalid_client)');
    expect(lines(setup)).toContain('↳ Create a new client secret and set TEAMS_APP_PASSWORD');
    expect(lines(setup).at(-1)).toBe('Type "setup fix" to fix what Skima can fix.');
    const help = helpAdaptiveCard('I did not understand "shortlst".');
    expectValid(help);
    expect(lines(help)).toContain('shortlist <job> — Send you the live top-10 of a job (by title or id)');
    expect(texts(help)[1]).toBe('I did not understand "shortlst".');
  });
});
