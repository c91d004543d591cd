import type { DispositionChoiceList, DispositionStatus } from '../../ports.ts';
import { type Block, checkMessage, checkModal, clip, escapeMrkdwn, LIMITS, type ModalView, type SlackMessage } from '../block-kit.ts';
import {
  DISPOSITION_CHOOSE_CALLBACK,
  DISPOSITION_CONFIRM_CALLBACK,
  NEXT_STAGE,
  NO_EMAIL,
  REASON_BLOCK,
  REASON_INPUT,
  STAGE_BLOCK,
  STAGE_INPUT,
  TEMPLATE_BLOCK,
  TEMPLATE_INPUT,
} from '../ids.ts';
import type { DispositionMetadata } from '../payloads.ts';

const opt = (text: string, value: string) => ({
  text: { type: 'plain_text' as const, text: clip(text, LIMITS.optionText) },
  value,
});

/**
 * "Advance…" / "Archive…": what to pick. Advance: the stage (the next one of its plan, or one of the
 * plan's stages); archive: one of Ashby's archive reasons (required) and an email template, "No email"
 * unless the person picks one. Submitting leads to the confirmation, not to the change.
 */
export function dispositionChooseModal(
  meta: DispositionMetadata,
  label: string,
  choices: DispositionChoiceList,
): ModalView {
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${meta.x === 'advance' ? 'Advance' : 'Archive'} *${escapeMrkdwn(label)}* in Ashby`, LIMITS.sectionText) } },
  ];
  if (meta.x === 'advance') {
    const next = opt('The next stage of its interview plan', NEXT_STAGE);
    blocks.push({
      type: 'input',
      block_id: STAGE_BLOCK,
      label: { type: 'plain_text', text: 'Move to' },
      element: {
        type: 'static_select',
        action_id: STAGE_INPUT,
        placeholder: { type: 'plain_text', text: 'Pick a stage' },
        options: [next, ...choices.stages.slice(0, LIMITS.selectOptions - 1).map((s) => opt(s.title, s.id))],
        initial_option: next,
      },
    });
  } else {
    const none = opt('No email', NO_EMAIL);
    blocks.push({
      type: 'input',
      block_id: REASON_BLOCK,
      label: { type: 'plain_text', text: 'Archive reason (from Ashby)' },
      element: {
        type: 'static_select',
        action_id: REASON_INPUT,
        placeholder: { type: 'plain_text', text: 'Pick a reason' },
        options: choices.reasons.slice(0, LIMITS.selectOptions).map((r) => opt(r.text, r.id)),
      },
    });
    blocks.push({
      type: 'input',
      block_id: TEMPLATE_BLOCK,
      label: { type: 'plain_text', text: 'Rejection email' },
      hint: { type: 'plain_text', text: 'Ashby sends one only if you pick a template here.' },
      element: {
        type: 'static_select',
        action_id: TEMPLATE_INPUT,
        placeholder: { type: 'plain_text', text: 'No email' },
        options: [none, ...choices.templates.slice(0, LIMITS.selectOptions - 1).map((t) => opt(t.title, t.id))],
        initial_option: none,
      },
    });
  }
  return checkModal({
    type: 'modal',
    callback_id: DISPOSITION_CHOOSE_CALLBACK,
    title: { type: 'plain_text', text: meta.x === 'advance' ? 'Advance' : 'Archive' },
    submit: { type: 'plain_text', text: 'Continue' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks,
  });
}

/** The one confirmation: the question names how many and which stage or reason. */
export function dispositionConfirmModal(meta: DispositionMetadata, question: string): ModalView {
  return checkModal({
    type: 'modal',
    callback_id: DISPOSITION_CONFIRM_CALLBACK,
    title: { type: 'plain_text', text: 'Confirm' },
    submit: { type: 'plain_text', text: meta.x === 'advance' ? 'Yes, advance' : 'Yes, archive' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(question)}*`, LIMITS.sectionText) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Skima makes the change in Ashby as a queued job, records it in the audit log with your name, and tells you the final count here.' }] },
    ],
  });
}

/** The progress of a confirmed batch, then its final count (and why anything failed). */
export function dispositionProgressMessage(action: 'advance' | 'archive', p: DispositionStatus | null): SlackMessage {
  const verb = action === 'advance' ? 'Advancing' : 'Archiving';
  const head = !p
    ? `${verb} in Ashby…`
    : p.finished
      ? `${p.failed ? '⚠️' : '✅'} ${p.summary}`
      : `⏳ ${verb}: ${p.total - p.queued} of ${p.total} done (${p.summary})`;
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(head), LIMITS.sectionText) } }];
  if (p?.failures.length) {
    const lines = p.failures.slice(0, 10).map((why) => `• ${escapeMrkdwn(why)}`);
    if (p.failures.length > 10) lines.push(`…and ${p.failures.length - 10} more`);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(lines.join('\n'), LIMITS.contextText) }] });
  }
  return checkMessage({ text: clip(head, LIMITS.fallbackText), blocks });
}
