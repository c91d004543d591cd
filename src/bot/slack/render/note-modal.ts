import type { Verdict } from '../../card-model.ts';
import { checkModal, clip, type ModalView } from '../block-kit.ts';
import { NOTE_BLOCK, NOTE_INPUT, NOTE_MODAL_CALLBACK, SKIP_REASON_BLOCK, SKIP_REASON_INPUT, VERDICT_BLOCK, VERDICT_INPUT } from '../ids.ts';
import type { SlackMessageRef } from '../services.ts';
import { VERDICT_LABEL } from '../../chat-words.ts';

export interface NoteModalContext {
  jobId: string;
  applicationId: string;
  /** The card the note was started from, updated once the note is saved. */
  card?: SlackMessageRef;
}

const VERDICTS: Verdict[] = ['approve', 'maybe', 'skip'];
const option = (v: Verdict) => ({ text: { type: 'plain_text' as const, text: VERDICT_LABEL[v] }, value: v });

/** "Add note": a verdict (radio buttons, the reviewer's current one preselected), for a Skip an optional
 * reason from Skima's short list, and a note. */
export function noteModal(
  ctx: NoteModalContext,
  label: string,
  current?: Verdict,
  skipReasons: Array<{ id: string; text: string }> = [],
): ModalView {
  const reasonBlock = skipReasons.length
    ? [{
        type: 'input' as const,
        block_id: SKIP_REASON_BLOCK,
        optional: true,
        label: { type: 'plain_text' as const, text: 'Reason, if you skip (optional)' },
        hint: { type: 'plain_text' as const, text: 'Written to Ashby with your decision and counted in the weekly digest.' },
        element: {
          type: 'static_select' as const,
          action_id: SKIP_REASON_INPUT,
          placeholder: { type: 'plain_text' as const, text: 'No reason' },
          options: skipReasons.slice(0, 100).map((r) => ({ text: { type: 'plain_text' as const, text: clip(r.text, 75) }, value: r.id })),
        },
      }]
    : [];
  return checkModal({
    type: 'modal',
    callback_id: NOTE_MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'Add a note' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify({ j: ctx.jobId, a: ctx.applicationId, ...(ctx.card ? { c: ctx.card } : {}) }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(`Your decision on *${label}*`, 3000) } },
      {
        type: 'input',
        block_id: VERDICT_BLOCK,
        label: { type: 'plain_text', text: 'Decision' },
        element: {
          type: 'radio_buttons',
          action_id: VERDICT_INPUT,
          options: VERDICTS.map(option),
          ...(current ? { initial_option: option(current) } : {}),
        },
      },
      ...reasonBlock,
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        label: { type: 'plain_text', text: 'Note (written to Ashby)' },
        element: { type: 'plain_text_input', action_id: NOTE_INPUT, multiline: true, max_length: 2000 },
      },
    ],
  });
}
