import type { RequirementsForEdit, RequirementStatus } from '../../ports.ts';
import { type Block, checkModal, clip, escapeMrkdwn, LIMITS, type ModalView } from '../block-kit.ts';
import {
  ADD_LABEL_BLOCK,
  ADD_LABEL_INPUT,
  ADD_STATUS_BLOCK,
  ADD_STATUS_INPUT,
  ADD_TERMS_BLOCK,
  ADD_TERMS_INPUT,
  requirementBlockId,
  requirementInputId,
  REQUIREMENTS_MODAL_CALLBACK,
} from '../ids.ts';
import type { SlackMessageRef } from '../services.ts';

export const STATUS_LABEL: Record<RequirementStatus, string> = {
  must: 'Must-have',
  essential: 'Essential must-have',
  nice: 'Nice-to-have',
  remove: 'Not a requirement',
};
const STATUSES: RequirementStatus[] = ['must', 'essential', 'nice', 'remove'];
const option = (s: RequirementStatus) => ({ text: { type: 'plain_text' as const, text: STATUS_LABEL[s] }, value: s });
/** Blocks besides the requirements: the intro, the three "add" inputs, the note under them. */
const OTHER_BLOCKS = 5;
export const MAX_MODAL_REQUIREMENTS = LIMITS.viewBlocks - OTHER_BLOCKS;

/** What the modal carries to its submission: the job, the version shown, the rows' fingerprint. */
export interface RequirementsModalMeta {
  j: string;
  v: number;
  /** A fingerprint of the labels shown, so a submission is read against the rows it was drawn from. */
  h: string;
  c?: SlackMessageRef;
}

/** A short fingerprint of the rows' labels (FNV-1a), to tell that the rows changed under an open modal. */
export function rowsFingerprint(labels: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of labels.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * "Edit requirements": one select per requirement (must-have, essential, nice-to-have, not a
 * requirement), the rule that made it as the hint, and inputs to add one. Saved through the core.
 */
export function requirementsModal(req: RequirementsForEdit, jobId: string, card?: SlackMessageRef): ModalView {
  const rows = req.rows.slice(0, MAX_MODAL_REQUIREMENTS);
  const h = rowsFingerprint(rows.map((r) => r.label));
  const meta: RequirementsModalMeta = { j: jobId, v: req.version, h, ...(card ? { c: card } : {}) };
  const intro = [
    `*${escapeMrkdwn(clip(req.jobTitle, 200))}*: what Skima scores every application against. Saving re-scores them.`,
    req.lastEdit
      ? `Version ${req.version}, last changed by ${escapeMrkdwn(req.lastEdit.by)} via ${req.lastEdit.channel}.`
      : 'As Skima read them from the job description; nobody has changed them.',
  ];
  if (req.notApplying.length) {
    intro.push(`No longer in the description (kept, not applied): ${escapeMrkdwn(req.notApplying.join('; '))}`);
  }
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(intro.join('\n'), LIMITS.sectionText) } }];
  rows.forEach((r, i) => {
    blocks.push({
      type: 'input',
      block_id: requirementBlockId(i),
      label: { type: 'plain_text', text: clip(r.label, LIMITS.inputLabel) },
      hint: { type: 'plain_text', text: clip(r.added ? `added by a person${r.terms.length ? `; met by any of: ${r.terms.join(', ')}` : ''}` : r.rule, LIMITS.inputLabel) },
      element: { type: 'static_select', action_id: requirementInputId(i), options: STATUSES.map(option), initial_option: option(r.status) },
    });
  });
  blocks.push(
    {
      type: 'input',
      block_id: ADD_LABEL_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'Add a requirement' },
      hint: { type: 'plain_text', text: 'As you would write it: "Kubernetes", "5+ years of Go".' },
      element: { type: 'plain_text_input', action_id: ADD_LABEL_INPUT, max_length: 120 },
    },
    {
      type: 'input',
      block_id: ADD_TERMS_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'Met by any of (optional)' },
      hint: { type: 'plain_text', text: 'Comma-separated: "AWS, GCP, Azure".' },
      element: { type: 'plain_text_input', action_id: ADD_TERMS_INPUT, max_length: 400 },
    },
    {
      type: 'input',
      block_id: ADD_STATUS_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'The new requirement counts as' },
      element: { type: 'static_select', action_id: ADD_STATUS_INPUT, options: STATUSES.slice(0, 3).map(option), initial_option: option('must') },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Your name and the change are recorded in Skima\'s audit log.' }] },
  );
  return checkModal({
    type: 'modal',
    callback_id: REQUIREMENTS_MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'Edit requirements' },
    submit: { type: 'plain_text', text: 'Save and re-score' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks,
  });
}
