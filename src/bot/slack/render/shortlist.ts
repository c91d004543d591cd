import type { CandidateCard, CardDecision, CardRequirement, ShortlistCard, Verdict } from '../../card-model.ts';
import { type Block, checkMessage, clip, escapeMrkdwn, LIMITS, type SlackMessage } from '../block-kit.ts';
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
const QUOTE_MAX = 160;

/**
 * The shortlist DM of one reviewer: a header with the job and counts, one section per candidate
 * (rank, score, reasons with their resume quotes, missing must-haves, decisions) with Approve / Skip /
 * Maybe, Add note and the optional reason for a Skip, and a button that mints a fresh secure link on
 * click (no URL is ever posted).
 */
export function shortlistMessage(card: ShortlistCard, skipReasons: SkipReasons = []): SlackMessage {
  const fits = Math.floor((LIMITS.messageBlocks - FRAME_BLOCKS) / 2);
  const shown = card.candidates.slice(0, fits);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Shortlist: ${card.jobTitle}`, LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: countsLine(card) }] },
  ];
  const requirements = requirementsLine(card.requirements ?? []);
  if (requirements) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: requirements }] });
  for (const c of shown) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: candidateText(c) } });
    blocks.push({ type: 'actions', elements: [...candidateButtons(card.jobId, c), ...skipReasonMenu(c, skipReasons)] });
  }
  if (card.candidates.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No candidate is screened for this job yet.' } });
  }
  if (card.candidates.length > shown.length) {
    const more = card.candidates.length - shown.length;
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
  const waiting = card.counts.awaitingDecision;
  const text = clip(
    `Shortlist for ${card.jobTitle}: ${card.candidates.length} candidates, ${waiting} awaiting a decision`,
    LIMITS.fallbackText,
  );
  return checkMessage({ text, blocks });
}

function countsLine(card: ShortlistCard): string {
  const parts = [
    `Top ${card.candidates.length} of ${card.counts.screened} screened`,
    `${card.counts.awaitingDecision} awaiting a decision`,
  ];
  if (card.counts.unscorable) parts.push(`${card.counts.unscorable} could not be scored`);
  if (card.department) parts.push(escapeMrkdwn(card.department));
  if (card.location) parts.push(escapeMrkdwn(card.location));
  if (card.redacted) parts.push('names hidden (redaction mode)');
  return clip(parts.join(' · '), LIMITS.contextText);
}

/** The job's requirements as Skima scores against them, compactly: must-haves, then nice-to-haves, each
 * with the rule that made it (a person's edit says so). */
export function requirementsLine(requirements: CardRequirement[]): string | null {
  if (requirements.length === 0) return null;
  const item = (r: CardRequirement) => {
    return `${escapeMrkdwn(clip(r.label, 80))} _(${escapeMrkdwn(requirementNotes(r))})_`;
  };
  const must = requirements.filter((r) => r.mustHave);
  const nice = requirements.filter((r) => !r.mustHave);
  const lines = [`*Must-haves:* ${must.length ? must.map(item).join(' · ') : 'none'}`];
  if (nice.length) lines.push(`*Nice-to-haves:* ${nice.map(item).join(' · ')}`);
  return clip(lines.join('\n'), LIMITS.contextText);
}

export function candidateLabel(c: { rank: number; candidateName?: string }): string {
  return c.candidateName ? c.candidateName : `Candidate #${c.rank}`;
}

function candidateText(c: CandidateCard): string {
  const lines = [`*#${c.rank} · ${escapeMrkdwn(candidateLabel(c))}* — *${c.score}*/100 (${escapeMrkdwn(c.band)})`];
  for (const r of c.reasons.slice(0, 5)) {
    lines.push(`• ${escapeMrkdwn(clip(r.text, 200))} — _“${escapeMrkdwn(clip(r.quote, QUOTE_MAX))}”_`);
  }
  if (c.missing.length) lines.push(`Missing: ${escapeMrkdwn(clip(c.missing.join(', '), 300))}`);
  const state = decisionLine(c.reviewerDecision, c.latestDecision);
  if (state) lines.push(state);
  return clip(lines.join('\n'), LIMITS.sectionText);
}

function decisionLine(mine: CardDecision | null, latest: CardDecision | null): string | null {
  const parts: string[] = [];
  if (mine) parts.push(`You: ${VERDICT_MARK[mine.verdict]}${mine.note ? ` — “${escapeMrkdwn(clip(mine.note, 200))}”` : ''}`);
  if (latest && latest.reviewerId !== mine?.reviewerId) {
    parts.push(`Latest: ${VERDICT_MARK[latest.verdict]} by ${escapeMrkdwn(latest.reviewerName)}`);
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

/** A card carries ten menus: a few short options each keeps it far from Slack's size limits (the note
 * modal offers the whole list). */
const CARD_SKIP_REASONS = 6;
const CARD_SKIP_REASON_TEXT = 40;

/** Beside the buttons, as the Teams card and the page offer it: a reason picked here goes with a Skip
 * clicked after it (read from the message's state), and with no other verdict. Ashby's first reasons,
 * and Skima's own, which the list ends with. */
function skipReasonMenu(c: CandidateCard, reasons: SkipReasons) {
  if (reasons.length === 0) return [];
  const offered = reasons.length <= CARD_SKIP_REASONS
    ? reasons
    : [...reasons.slice(0, CARD_SKIP_REASONS - 1), reasons.at(-1)!];
  return [{
    type: 'static_select' as const,
    action_id: skipReasonActionId(c.rank),
    placeholder: { type: 'plain_text' as const, text: 'Reason, if you skip' },
    options: offered.map((r) => ({
      text: { type: 'plain_text' as const, text: clip(r.text, CARD_SKIP_REASON_TEXT) },
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
