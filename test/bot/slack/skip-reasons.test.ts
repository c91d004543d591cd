// A Skip's optional reason, on the card (a menu beside each candidate, read when Skip is clicked) and in
// the note modal, as plain functions with fakes.
import { describe, expect, it } from 'vitest';
import { checkMessage, type ModalView, type SlackMessage } from '../../../src/bot/slack/block-kit.ts';
import {
  decideActionId,
  encodeCandidate,
  noteActionId,
  NOTE_BLOCK,
  NOTE_INPUT,
  SKIP_REASON_BLOCK,
  SKIP_REASON_INPUT,
  skipReasonActionId,
  VERDICT_BLOCK,
  VERDICT_INPUT,
} from '../../../src/bot/slack/ids.ts';
import { addNoteAction } from '../../../src/bot/slack/listeners/actions/add-note.ts';
import { decideAction } from '../../../src/bot/slack/listeners/actions/decide.ts';
import { noteSubmitted } from '../../../src/bot/slack/listeners/views/note-submitted.ts';
import { shortlistMessage } from '../../../src/bot/slack/render/shortlist.ts';
import { card, fakeDeps, shown } from './fakes.ts';

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

/** A click on a card's button, with the card's menus as Slack reports them (the message's full state). */
const cardClick = (actionId: string, applicationId: string, picked: Record<string, string | null> = {}) => ({
  type: 'block_actions',
  user: { id: 'U_DANA' },
  container: { type: 'message', channel_id: 'D_DANA', message_ts: '1.1' },
  actions: [{ action_id: actionId, value: encodeCandidate('job-1', applicationId), type: 'button' }],
  state: {
    values: Object.fromEntries(Object.entries(picked).map(([menu, value], i) => [
      `blk${i}`,
      { [menu]: { type: 'static_select', selected_option: value ? { value } : null } },
    ])),
  },
});

describe('a Skip\'s reason on the card', () => {
  const reasons = [{ id: 'reason-2', text: 'Too inexperienced' }, { id: 'requirements', text: 'Not a fit for the requirements' }];
  const menus = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))
    .flatMap((e) => (e.type === 'static_select' ? [e] : []));

  it('offers the short list beside each candidate\'s buttons, inside the limits, and nothing without a list', () => {
    const message = checkMessage(shortlistMessage(card(10), reasons));
    const ranks = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(menus(message).map((m) => m.action_id)).toEqual(ranks.map(skipReasonActionId));
    expect(menus(message)[0]!.options.map((o) => o.value)).toEqual(['reason-2', 'requirements']);
    expect(menus(message)[0]!.placeholder.text).toBe('Reason, if you skip');
    expect(menus(shortlistMessage(card(10)))).toEqual([]);
    // A long list: Ashby's first five and Skima's own; the note modal has them all.
    const many = [...Array.from({ length: 30 }, (_, i) => ({ id: `r-${i}`, text: `Reason ${i} `.repeat(20) })), reasons[1]!];
    const [first] = menus(checkMessage(shortlistMessage(card(10), many)));
    expect(first!.options.map((o) => o.value)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4', 'requirements']);
    expect(Math.max(...first!.options.map((o) => o.text.text.length))).toBeLessThanOrEqual(40);
  });

  it('Skip records the reason picked beside that candidate; another candidate\'s, or one with Approve, is not taken', async () => {
    const { deps, services, slack } = fakeDeps();
    const picked = { [skipReasonActionId(2)]: 'requirements', [skipReasonActionId(3)]: 'reason-2' };
    await decideAction({ body: cardClick(decideActionId('skip', 2), 'app-2', picked), ack: async () => {} }, deps);
    await decideAction({ body: cardClick(decideActionId('approve', 3), 'app-3', picked), ack: async () => {} }, deps);
    await decideAction({ body: cardClick(decideActionId('skip', 4), 'app-4', picked), ack: async () => {} }, deps);
    const recorded = services.decisions.map((d) => [d.applicationId, d.verdict, d.skipReasonId]);
    expect(recorded).toEqual([
      ['app-2', 'skip', 'requirements'],
      ['app-3', 'approve', undefined],
      ['app-4', 'skip', undefined],
    ]);
    // Each redraw offers the menus again, empty.
    const redraw = slack.calls.filter((c) => c.method === 'updateMessage').at(-1) as { message: SlackMessage };
    expect(menus(redraw.message)).toHaveLength(10);
    expect(menus(redraw.message).every((m) => !('initial_option' in m))).toBe(true);
  });

  it('a reason no longer on the list records nothing and says so, privately', async () => {
    const { deps, services, slack } = fakeDeps();
    const gone = { [skipReasonActionId(2)]: 'reason-gone' };
    await decideAction({ body: cardClick(decideActionId('skip', 2), 'app-2', gone), ack: async () => {} }, deps);
    expect(services.decisions).toEqual([]);
    const told = slack.calls.find((c) => c.method === 'postMessage');
    expect(told).toMatchObject({ channel: 'U_DANA' });
    expect(shown(told)).toContain('That reason is not on the list any more; pick one again. Nothing was recorded.');
  });
});
