// The note modal's optional skip reason, as plain functions with fakes.
import { describe, expect, it } from 'vitest';
import type { ModalView } from '../../../src/bot/slack/block-kit.ts';
import { encodeCandidate, noteActionId, NOTE_BLOCK, NOTE_INPUT, SKIP_REASON_BLOCK, SKIP_REASON_INPUT, VERDICT_BLOCK, VERDICT_INPUT } from '../../../src/bot/slack/ids.ts';
import { addNoteAction } from '../../../src/bot/slack/listeners/actions/add-note.ts';
import { noteSubmitted } from '../../../src/bot/slack/listeners/views/note-submitted.ts';
import { fakeDeps } from './fakes.ts';

const submission = (verdict: string, reason: string | null) => ({
  type: 'view_submission',
  user: { id: 'U_DANA' },
  view: {
    callback_id: 'skima.note_modal',
    private_metadata: JSON.stringify({ j: 'job-1', a: 'app-2' }),
    state: {
      values: {
        [VERDICT_BLOCK]: { [VERDICT_INPUT]: { selected_option: { value: verdict } } },
        [SKIP_REASON_BLOCK]: { [SKIP_REASON_INPUT]: { selected_option: reason ? { value: reason } : null } },
        [NOTE_BLOCK]: { [NOTE_INPUT]: { value: '' } },
      },
    },
  },
});

describe('a Skip\'s reason in the note modal', () => {
  it('offers the short list as an optional select', async () => {
    const { deps, slack } = fakeDeps();
    const click = {
      type: 'block_actions',
      user: { id: 'U_DANA' },
      trigger_id: 'trig',
      container: { type: 'message', channel_id: 'D_DANA', message_ts: '1.1' },
      actions: [{ action_id: noteActionId(2), value: encodeCandidate('job-1', 'app-2') }],
    };
    await addNoteAction({ body: click, ack: async () => {} }, deps);
    const view = (slack.calls.find((c) => c.method === 'openModal') as { view: ModalView }).view;
    type Select = { optional: boolean; element: { options: { value: string }[] } };
    const block = view.blocks.find((b) => b.block_id === SKIP_REASON_BLOCK) as Select;
    expect(block.optional).toBe(true);
    expect(block.element.options.map((o) => o.value)).toEqual(['reason-2', 'requirements']);
  });

  it('records the reason with a Skip, and keeps the modal open when one is given with Approve', async () => {
    const { deps, services } = fakeDeps();
    const acks: unknown[] = [];
    await noteSubmitted({ body: submission('skip', 'requirements'), ack: async (r) => void acks.push(r) }, deps);
    expect(acks).toEqual([undefined]);
    expect(services.decisions[0]).toMatchObject({ applicationId: 'app-2', verdict: 'skip', skipReasonId: 'requirements' });
    const again: unknown[] = [];
    await noteSubmitted({ body: submission('approve', 'requirements'), ack: async (r) => void again.push(r) }, deps);
    expect(again).toEqual([{ response_action: 'errors', errors: { [SKIP_REASON_BLOCK]: 'A reason goes only with Skip: choose Skip, or clear the reason.' } }]);
    expect(services.decisions).toHaveLength(1);
  });
});
