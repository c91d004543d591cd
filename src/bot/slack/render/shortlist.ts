import type { CandidateCard, CardDecision, CardRequirement, ShortlistCard, Verdict } from '../../card-model.ts';
import { type Block, checkMessage, clip, escapeMrkdwn, firstFitting, LIMITS, type SlackMessage } from '../block-kit.ts';
import { requirementNotes, VERDICT_LABEL, VERDICT_MARK } from '../../chat-words.ts';
import {
  ACTION,
  advanceActionId,
  archiveActionId,
  decideActionId,
  encodeCandidate,
  encodeJob,
  noteActionId,
  skipReasonActionId,
} from '../ids.ts';

/** The short list a Skip may give a reason from (the core's `skipReasons()`). */
export type SkipReasons = Array<{ id: string; text: string }>;

const VERDICTS: Verdict[] = ['approve', 'skip', 'maybe'];
/** Blocks around the candidates: header, counts, requirements, the buttons, and the "more" line. */
const FRAME_BLOCKS = 5;

/**
 * How much of each candidate's text is drawn, from the most to the least, and how many skip reasons
 * their menu offers. Slack refuses a message whose blocks carry too much text in all (block-kit.ts,
 * MESSAGE_TEXT_BUDGET), and ten candidates with five reasons of long quotes carry three times that:
 * the card takes the first level at which it fits, as the Teams card does, so an ordinary card shows
 * everything and only a card of long resumes gets shorter quotes, then fewer reasons. The buttons and
 * the menu stay at every level; the full text stays on the shortlist page, the full list of reasons in
 * Add note.
 */
const LEVELS = [
  { reasons: 5, reason: 200, quote: 160, missing: 300, note: 200, name: 120, requirements: 3000, menu: 6, option: 40 },
  { reasons: 5, reason: 150, quote: 110, missing: 200, note: 140, name: 100, requirements: 1200, menu: 6, option: 40 },
  { reasons: 4, reason: 120, quote: 80, missing: 160, note: 100, name: 80, requirements: 800, menu: 5, option: 32 },
  { reasons: 3, reason: 100, quote: 70, missing: 120, note: 80, name: 70, requirements: 600, menu: 4, option: 30 },
  { reasons: 3, reason: 80, quote: 50, missing: 100, note: 60, name: 60, requirements: 400, menu: 4, option: 30 },
  { reasons: 2, reason: 80, quote: 50, missing: 80, note: 50, name: 50, requirements: 300, menu: 4, option: 30 },
  { reasons: 1, reason: 80, quote: 50, missing: 60, note: 40, name: 40, requirements: 200, menu: 4, option: 30 },
] as const;
type Level = (typeof LEVELS)[number];

/**
 * The shortlist DM of one reviewer: a header with the job and counts, one section per candidate
 * (rank, score, reasons with their resume quotes, missing must-haves, decisions) with Approve / Skip /
 * Maybe, Add note and the optional reason for a Skip, and a button that mints a fresh secure link on
 * click (no URL is ever posted). Drawn at the first level that fits Slack's limits; a list too long even
 * at the tersest shows its top candidates and says how many more the full shortlist has.
 */
export function shortlistMessage(card: ShortlistCard, skipReasons: SkipReasons = []): SlackMessage {
  const fits = Math.min(card.candidates.length, Math.floor((LIMITS.messageBlocks - FRAME_BLOCKS) / 2));
  const tersest = LEVELS[LEVELS.length - 1]!;
  function* drawings() {
    for (const level of LEVELS) yield draw(card, fits, level, skipReasons);
    for (let shown = fits - 1; shown >= 0; shown--) yield draw(card, shown, tersest, skipReasons);
  }
  return message(card, firstFitting(drawings()));
}

function message(card: ShortlistCard, blocks: Block[]): SlackMessage {
  const waiting = card.counts.awaitingDecision;
  const text = clip(
    `Shortlist for ${card.jobTitle}: ${card.candidates.length} candidates, ${waiting} awaiting a decision`,
    LIMITS.fallbackText,
  );
  return checkMessage({ text, blocks });
}

function draw(card: ShortlistCard, shown: number, level: Level, skipReasons: SkipReasons): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Shortlist: ${card.jobTitle}`, LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: countsLine(card) }] },
  ];
  const requirements = requirementsLine(card.requirements ?? [], level.requirements);
  if (requirements) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: requirements }] });
  for (const c of card.candidates.slice(0, shown)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: candidateText(c, level) } });
    blocks.push({
      type: 'actions',
      elements: [...candidateButtons(card.jobId, c), ...skipReasonMenu(c, skipReasons, level)],
    });
  }
  if (card.candidates.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No candidate is screened for this job yet.' } });
  }
  if (card.candidates.length > shown) {
    const more = card.candidates.length - shown;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${more} more on the full shortlist.` }] });
  }
  blocks.push({
    type: 'actions',
    elements: [{
      type: 'button',
      action_id: ACTION.openShortlist,
      text: { type: 'plain_text', text: 'Open full shortlist' },
      value: encodeJob(card.jobId),
    }, {
      type: 'button',
      action_id: ACTION.editRequirements,
      text: { type: 'plain_text', text: 'Edit requirements' },
      value: encodeJob(card.jobId),
    }, ...archiveSkippedButton(card)],
  });
  return blocks;
}

function countsLine(card: ShortlistCard): string {
  const parts = [
    `Top ${card.candidates.length} of ${card.counts.screened} screened`,
    `${card.counts.awaitingDecision} awaiting a decision`,
  ];
  if (card.counts.unscorable) parts.push(`${card.counts.unscorable} could not be scored`);
  if (card.department) parts.push(escapeMrkdwn(clip(card.department, 100)));
  if (card.location) parts.push(escapeMrkdwn(clip(card.location, 100)));
  if (card.redacted) parts.push('names hidden (redaction mode)');
  return clip(parts.join(' · '), LIMITS.contextText);
}

/** The job's requirements as Skima scores against them, compactly: must-haves, then nice-to-haves, each
 * with the rule that made it (a person's edit says so). */
export function requirementsLine(requirements: CardRequirement[], max: number = LIMITS.contextText): string | null {
  if (requirements.length === 0) return null;
  const item = (r: CardRequirement) => {
    return `${escapeMrkdwn(clip(r.label, 80))} _(${escapeMrkdwn(requirementNotes(r))})_`;
  };
  const must = requirements.filter((r) => r.mustHave);
  const nice = requirements.filter((r) => !r.mustHave);
  const lines = [`*Must-haves:* ${must.length ? must.map(item).join(' · ') : 'none'}`];
  if (nice.length) lines.push(`*Nice-to-haves:* ${nice.map(item).join(' · ')}`);
  return clip(lines.join('\n'), Math.min(max, LIMITS.contextText));
}

export function candidateLabel(c: { rank: number; candidateName?: string }): string {
  return c.candidateName ? c.candidateName : `Candidate #${c.rank}`;
}

function candidateText(c: CandidateCard, level: Level): string {
  const name = escapeMrkdwn(clip(candidateLabel(c), level.name));
  const lines = [`*#${c.rank} · ${name}* — *${c.score}*/100 (${escapeMrkdwn(clip(c.band, 40))})`];
  for (const r of c.reasons.slice(0, level.reasons)) {
    lines.push(`• ${escapeMrkdwn(clip(r.text, level.reason))} — _“${escapeMrkdwn(clip(r.quote, level.quote))}”_`);
  }
  const more = c.reasons.length - level.reasons;
  if (more > 0) lines.push(`_${more} more ${more === 1 ? 'reason' : 'reasons'} on the full shortlist_`);
  if (c.missing.length) lines.push(`Missing: ${escapeMrkdwn(clip(c.missing.join(', '), level.missing))}`);
  const state = decisionLine(c.reviewerDecision, c.latestDecision, level);
  if (state) lines.push(state);
  return clip(lines.join('\n'), LIMITS.sectionText);
}

function decisionLine(mine: CardDecision | null, latest: CardDecision | null, level: Level): string | null {
  const parts: string[] = [];
  if (mine) parts.push(`You: ${VERDICT_MARK[mine.verdict]}${mine.note ? ` — “${escapeMrkdwn(clip(mine.note, level.note))}”` : ''}`);
  if (latest && latest.reviewerId !== mine?.reviewerId) {
    parts.push(`Latest: ${VERDICT_MARK[latest.verdict]} by ${escapeMrkdwn(clip(latest.reviewerName, level.name))}`);
  }
  return parts.length ? parts.join(' · ') : null;
}

function candidateButtons(jobId: string, c: CandidateCard) {
  const value = encodeCandidate(jobId, c.applicationId);
  const mine = c.reviewerDecision?.verdict;
  return [
    ...VERDICTS.map((v) => ({
      type: 'button' as const,
      action_id: decideActionId(v, c.rank),
      text: { type: 'plain_text' as const, text: mine === v ? `✓ ${VERDICT_LABEL[v]}` : VERDICT_LABEL[v] },
      value,
      ...(v === 'approve' ? { style: 'primary' as const } : {}),
    })),
    {
      type: 'button' as const,
      action_id: noteActionId(c.rank),
      text: { type: 'plain_text' as const, text: 'Add note' },
      value,
    },
    // Moves in Ashby, each through a modal and a confirmation (roles are checked on click).
    { type: 'button' as const, action_id: advanceActionId(c.rank), text: { type: 'plain_text' as const, text: 'Advance…' }, value },
    { type: 'button' as const, action_id: archiveActionId(c.rank), text: { type: 'plain_text' as const, text: 'Archive…' }, value },
  ];
}

/** Beside the buttons, as the Teams card and the page offer it: a reason picked here goes with a Skip
 * clicked after it (read from the message's state), and with no other verdict. A card carries ten
 * menus, so each offers a few short options (as many as the level allows: Ashby's first reasons, and
 * Skima's own, which the list ends with); the note modal offers the whole list. */
function skipReasonMenu(c: CandidateCard, reasons: SkipReasons, level: Level) {
  if (reasons.length === 0) return [];
  const offered = reasons.length <= level.menu
    ? reasons
    : [...reasons.slice(0, level.menu - 1), reasons.at(-1)!];
  return [{
    type: 'static_select' as const,
    action_id: skipReasonActionId(c.rank),
    placeholder: { type: 'plain_text' as const, text: 'Reason, if you skip' },
    options: offered.map((r) => ({
      text: { type: 'plain_text' as const, text: clip(r.text, level.option) },
      value: r.id,
    })),
  }];
}

/** "Archive skipped…", only while the job has skipped applications still active: opens the archive
 * modal for all of them (one confirmation, one batch). */
function archiveSkippedButton(card: ShortlistCard) {
  const n = card.skippedActive ?? 0;
  if (n === 0) return [];
  return [{
    type: 'button' as const,
    action_id: ACTION.archiveSkipped,
    text: { type: 'plain_text' as const, text: `Archive skipped (${n})…` },
    value: encodeJob(card.jobId),
  }];
}
