import type { CandidateCard, CardDecision, CardRequirement, ShortlistCard, Verdict } from '../card-model.ts';
import { requirementNotes, VERDICT_LABEL, VERDICT_MARK } from '../chat-words.ts';
import { NOTE_MAX_CHARS, noteInputId, skipReasonInputId, VERB } from './card-actions.ts';
import {
  type AcNode,
  adaptiveCard,
  type AdaptiveCardJson,
  CARD_BUDGET_BYTES,
  cardBytes,
  clip,
  container,
  execute,
  heading,
  line,
  para,
  run,
} from './card-json.ts';

// The shortlist as an Adaptive Card 1.5 for Teams: the third renderer of the one card model, beside
// Block Kit (bot/slack/render/shortlist.ts) and the HTML page. Plain JSON; the front door wraps it.

export type { AdaptiveCardJson } from './card-json.ts';
export { CARD_MAX_BYTES, cardBytes } from './card-json.ts';
export { linkCard } from './render/link.ts';
export { digestAdaptiveCard, rediscoverAdaptiveCard, setupAdaptiveCard } from './render/reports.ts';
export { statusAdaptiveCard } from './render/status.ts';
export { helpAdaptiveCard } from './render/help.ts';
export { noticeAdaptiveCard } from './render/notice.ts';

const VERDICTS: Verdict[] = ['approve', 'skip', 'maybe'];

/**
 * How much of each candidate's text is drawn, from the most to the least. The renderer takes the first
 * level at which the card fits the size budget (see card-json.ts), so an ordinary card shows everything
 * and only a card of ten long resumes gets shorter quotes; the full text stays on the shortlist page.
 */
const LEVELS = [
  { reasons: 5, reason: 300, quote: 300, missing: 600, note: 300, name: 120 },
  { reasons: 5, reason: 200, quote: 160, missing: 300, note: 200, name: 100 },
  { reasons: 4, reason: 150, quote: 110, missing: 200, note: 140, name: 80 },
  { reasons: 3, reason: 110, quote: 80, missing: 140, note: 100, name: 60 },
  { reasons: 2, reason: 90, quote: 60, missing: 100, note: 60, name: 50 },
  { reasons: 1, reason: 60, quote: 40, missing: 60, note: 40, name: 40 },
] as const;
type Level = (typeof LEVELS)[number];

/**
 * The live shortlist of one job for one reviewer: the job and its counts, then per candidate the rank,
 * score with its band, the reasons with their verbatim resume quotes, the missing must-haves, the
 * decisions so far, a note input, and Approve / Skip / Maybe as Universal Actions (`skima.decide`).
 * "Open full shortlist" asks the bot for a fresh personal link: the card never carries a URL. In
 * redaction mode candidates are named by rank only. `notice` is a line at the top (what a click did).
 */
export function shortlistAdaptiveCard(card: ShortlistCard, opts: ShortlistCardOptions = {}): AdaptiveCardJson {
  for (const level of LEVELS) {
    const drawn = draw(card, card.candidates.length, level, opts);
    if (cardBytes(drawn) <= CARD_BUDGET_BYTES) return drawn;
  }
  // Still too big at the tersest level (a long list, not long text): show the top ones, say how many more.
  const tersest = LEVELS[LEVELS.length - 1]!;
  for (let shown = card.candidates.length - 1; shown >= 0; shown--) {
    const drawn = draw(card, shown, tersest, opts);
    if (cardBytes(drawn) <= CARD_BUDGET_BYTES) return drawn;
  }
  throw new Error('the shortlist card does not fit Teams\' size limit even without candidates');
}

export interface ShortlistCardOptions {
  /** A line at the top: what a click did. */
  notice?: string;
  /** The short list a Skip may give a reason from (the core's `skipReasons()`), offered beside each
   * candidate as Slack's note modal offers it: optional, sent with Skip only. */
  skipReasons?: Array<{ id: string; text: string }>;
}

function draw(card: ShortlistCard, shown: number, level: Level, opts: ShortlistCardOptions): AdaptiveCardJson {
  const { notice, skipReasons = [] } = opts;
  const body: AcNode[] = [heading(clip(`Shortlist: ${card.jobTitle}`, 150)), line(countsLine(card), { isSubtle: true })];
  if (notice) body.push(line(clip(notice, 500), { color: 'accent', weight: 'bolder' }));
  const requirements = requirementsText(card.requirements ?? []);
  if (requirements) body.push(line(requirements, { isSubtle: true, size: 'small' }));
  for (const c of card.candidates.slice(0, shown)) body.push(candidateBlock(card, c, level, skipReasons));
  if (card.candidates.length === 0) body.push(line('No candidate is screened for this job yet.'));
  const more = card.candidates.length - shown;
  if (more > 0) body.push(line(`${more} more on the full shortlist.`, { isSubtle: true }, { separator: true }));
  const open = execute('Open full shortlist', VERB.openShortlist, { jobId: card.jobId }, { associatedInputs: 'none' });
  const waiting = card.counts.awaitingDecision;
  return adaptiveCard(
    body,
    [open],
    `Shortlist for ${card.jobTitle}: ${card.candidates.length} candidates, ${waiting} awaiting a decision`,
  );
}

/** What every score on the card is counted against, as on the Slack card and the page: must-haves, then
 * nice-to-haves, each with the rule that made it (or "edited") and "essential" where it is. */
export function requirementsText(requirements: CardRequirement[]): string | null {
  if (requirements.length === 0) return null;
  const item = (r: CardRequirement) => {
    return `${clip(r.label, 80)} (${requirementNotes(r)})`;
  };
  const must = requirements.filter((r) => r.mustHave);
  const nice = requirements.filter((r) => !r.mustHave);
  const lines = [`Must-haves: ${must.length ? must.map(item).join(' · ') : 'none'}`];
  if (nice.length) lines.push(`Nice-to-haves: ${nice.map(item).join(' · ')}`);
  return clip(lines.join('\n'), 1500);
}

function countsLine(card: ShortlistCard): string {
  const parts = [
    `Top ${card.candidates.length} of ${card.counts.screened} screened`,
    `${card.counts.awaitingDecision} awaiting a decision`,
  ];
  if (card.counts.unscorable) parts.push(`${card.counts.unscorable} could not be scored`);
  if (card.department) parts.push(clip(card.department, 100));
  if (card.location) parts.push(clip(card.location, 100));
  if (card.redacted) parts.push('names hidden (redaction mode)');
  return parts.join(' · ');
}

/** The candidate's name, or their rank alone in redaction mode (whatever the card model carries). */
export function candidateLabel(card: Pick<ShortlistCard, 'redacted'>, c: Pick<CandidateCard, 'rank' | 'candidateName'>): string {
  return !card.redacted && c.candidateName ? c.candidateName : `Candidate #${c.rank}`;
}

type SkipReasons = NonNullable<ShortlistCardOptions['skipReasons']>;

function candidateBlock(card: ShortlistCard, c: CandidateCard, level: Level, skipReasons: SkipReasons): AcNode {
  const items: AcNode[] = [
    para([
      run(`#${c.rank} · ${clip(candidateLabel(card, c), level.name)}`, { weight: 'bolder' }),
      run(` — ${c.score}/100 (${clip(c.band, 40)})`, { weight: 'bolder', color: 'accent' }),
    ]),
  ];
  for (const r of c.reasons.slice(0, level.reasons)) {
    items.push(para([run(`• ${clip(r.text, level.reason)} — `), run(`“${clip(r.quote, level.quote)}”`, { italic: true, isSubtle: true })], { spacing: 'small' }));
  }
  if (c.reasons.length > level.reasons) {
    items.push(line(`${c.reasons.length - level.reasons} more reasons on the full shortlist`, { isSubtle: true, size: 'small' }, { spacing: 'small' }));
  }
  if (c.missing.length) {
    items.push(line(`Missing: ${clip(c.missing.join(', '), level.missing)}`, { color: 'attention' }, { spacing: 'small' }));
  }
  const state = decisionLine(c.reviewerDecision, c.latestDecision, level.note);
  if (state) items.push(line(state, { isSubtle: true }, { spacing: 'small' }));
  items.push({
    type: 'Input.Text',
    id: noteInputId(c.applicationId),
    placeholder: 'Note (optional, sent with your choice)',
    maxLength: NOTE_MAX_CHARS,
    spacing: 'small',
  });
  if (skipReasons.length) {
    items.push({
      type: 'Input.ChoiceSet',
      id: skipReasonInputId(c.applicationId),
      style: 'compact',
      isRequired: false,
      placeholder: 'Reason, if you skip (optional)',
      choices: skipReasons.slice(0, 100).map((r) => ({ title: clip(r.text, 75), value: r.id })),
      spacing: 'small',
    });
  }
  items.push({ type: 'ActionSet', actions: [...decideButtons(card.jobId, c), ...dispositionButtons(card.jobId, c)], spacing: 'small' });
  return container(items, { separator: true, spacing: 'medium' });
}

function decisionLine(mine: CardDecision | null, latest: CardDecision | null, noteMax: number): string | null {
  const parts: string[] = [];
  if (mine) parts.push(`You: ${VERDICT_MARK[mine.verdict]}${mine.note ? ` — “${clip(mine.note, noteMax)}”` : ''}`);
  if (latest && latest.reviewerId !== mine?.reviewerId) {
    parts.push(`Latest: ${VERDICT_MARK[latest.verdict]} by ${clip(latest.reviewerName, 80)}`);
  }
  return parts.length ? parts.join(' · ') : null;
}

function decideButtons(jobId: string, c: CandidateCard): AcNode[] {
  const mine = c.reviewerDecision?.verdict;
  return VERDICTS.map((verdict) =>
    execute(
      mine === verdict ? `✓ ${VERDICT_LABEL[verdict]}` : VERDICT_LABEL[verdict],
      VERB.decide,
      { jobId, applicationId: c.applicationId, verdict },
      verdict === 'approve' ? { style: 'positive' } : {},
    ),
  );
}

/** Advance… and Archive…: each turns the card into its choices (nothing changes in Ashby until confirmed). */
function dispositionButtons(jobId: string, c: CandidateCard): AcNode[] {
  return (['advance', 'archive'] as const).map((action) =>
    execute(
      action === 'advance' ? 'Advance…' : 'Archive…',
      VERB.dispositionOpen,
      { jobId, applicationId: c.applicationId, action },
      { associatedInputs: 'none' },
    ));
}
