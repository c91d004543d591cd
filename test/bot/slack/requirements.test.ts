// The job's requirements in Slack: drawn on the card (a context block), edited in a modal opened from
// the card's "Edit requirements" button and saved through the core; Block Kit limits hold.
import { describe, expect, it } from 'vitest';
import type { CardRequirement } from '../../../src/bot/card-model.ts';
import { checkMessage, LIMITS } from '../../../src/bot/slack/block-kit.ts';
import {
  ACTION,
  ADD_LABEL_BLOCK,
  ADD_LABEL_INPUT,
  ADD_STATUS_BLOCK,
  ADD_STATUS_INPUT,
  ADD_TERMS_BLOCK,
  ADD_TERMS_INPUT,
  encodeJob,
  REQUIREMENTS_MODAL_CALLBACK,
  requirementBlockId,
  requirementInputId,
} from '../../../src/bot/slack/ids.ts';
import { editRequirementsAction } from '../../../src/bot/slack/listeners/actions/edit-requirements.ts';
import { requirementsSubmitted } from '../../../src/bot/slack/listeners/views/requirements-submitted.ts';
import { requirementsModal } from '../../../src/bot/slack/render/requirements-modal.ts';
import { shortlistMessage } from '../../../src/bot/slack/render/shortlist.ts';
import { card, fakeDeps, shown } from './fakes.ts';

const REQS: CardRequirement[] = [
  { label: 'Point of sale (POS) systems', mustHave: true, essential: false, rule: 'requirements section', edited: false },
  { label: 'Food hygiene certificate', mustHave: true, essential: true, rule: 'requirements section', edited: false },
  { label: 'Scheduling software', mustHave: true, essential: false, rule: 'edited', edited: true },
  { label: 'Forklift <licence>', mustHave: false, essential: false, rule: 'nice-to-have section', edited: false },
];

const click = (user = 'U_DANA') => ({
  type: 'block_actions',
  user: { id: user },
  trigger_id: 'trig-9',
  container: { type: 'message', channel_id: 'D_DANA', message_ts: '1700000000.000001' },
  actions: [{ action_id: ACTION.editRequirements, value: encodeJob('job-1'), type: 'button' }],
});
const ack = async () => {};

describe('requirements on the Slack card', () => {
  it('shows must-haves and nice-to-haves in one context block, each with its rule, edits and essentials marked', () => {
    const message = shortlistMessage(card(10, { requirements: REQS }));
    expect(message.blocks).toHaveLength(24);
    const block = message.blocks[2]!;
    expect(block.type).toBe('context');
    const text = shown(block);
    expect(text).toContain('*Must-haves:* Point of sale (POS) systems _(requirements section)_ · Food hygiene certificate _(requirements section; essential)_ · Scheduling software _(edited)_');
    expect(text).toContain('*Nice-to-haves:* Forklift &lt;licence&gt; _(nice-to-have section)_');
  });

  it('says a personal quality counts where a resume shows it and is asked at interview otherwise', () => {
    const quality: CardRequirement = { label: 'Attention to detail', mustHave: true, essential: false, rule: 'requirements section', edited: false, quality: true };
    const text = shown(shortlistMessage(card(3, { requirements: [quality] })).blocks[2]!);
    expect(text).toContain('Attention to detail _(requirements section; counted when shown, else asked at interview)_');
  });

  it('stays inside the limits with forty long requirements and a full shortlist', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...REQS[0]!, label: `${'Requirement '.repeat(20)}${i}` }));
    const message = shortlistMessage(card(40, { requirements: many }));
    expect(() => checkMessage(message)).not.toThrow();
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  });

  it('draws no requirements block for a card without them', () => {
    expect(shown(shortlistMessage(card(3)))).not.toContain('Must-haves');
  });
});

describe('the requirements modal', () => {
  it('opens from the card for the job\'s hiring manager: a select per requirement, its rule, the add inputs', async () => {
    const { deps, slack } = fakeDeps();
    await editRequirementsAction({ body: click(), ack }, deps);
    const call = slack.calls[0]!;
    if (call.method !== 'openModal') throw new Error('expected a modal');
    expect(call.triggerId).toBe('trig-9');
    expect(call.view.callback_id).toBe(REQUIREMENTS_MODAL_CALLBACK);
    const meta = JSON.parse(call.view.private_metadata!);
    expect(meta).toMatchObject({ j: 'job-1', v: 2, h: expect.any(String), c: { channel: 'D_DANA', ts: '1700000000.000001' } });
    const first = call.view.blocks[1]!;
    expect(first).toMatchObject({
      type: 'input',
      block_id: requirementBlockId(0),
      label: { text: 'Point of sale (POS) systems' },
      hint: { text: 'requirements section' },
      element: { type: 'static_select', initial_option: { value: 'must' } },
    });
    expect(shown(call.view)).toContain('added by a person; met by any of: Deputy, Rota');
    expect(shown(call.view)).toContain('Version 2, last changed by Chris Doyle via web.');
  });

  it('is refused, privately, to someone who may not edit the job\'s requirements', async () => {
    const { deps, slack, services } = fakeDeps();
    services.teams.set('job-1', ['user-someone-else']);
    await editRequirementsAction({ body: click(), ack }, deps);
    expect(slack.calls.map((c) => c.method)).toEqual(['postMessage']);
    expect(shown(slack.calls[0])).not.toContain('Point of sale');
  });

  it('stays inside the view limits with the most requirements it draws', () => {
    const { services } = fakeDeps();
    const rows = Array.from({ length: 200 }, (_, i) => ({ ...services.requirements.rows[0]!, label: `Requirement ${i} ${'x'.repeat(3000)}` }));
    const view = requirementsModal({ ...services.requirements, rows }, 'job-1');
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
  });

  type Added = { label: string; terms: string; status: string };
  const submission = (meta: object, statuses: Record<number, string>, add?: Added) => ({
    type: 'view_submission',
    user: { id: 'U_DANA' },
    view: {
      callback_id: REQUIREMENTS_MODAL_CALLBACK,
      private_metadata: JSON.stringify(meta),
      state: {
        values: {
          ...Object.fromEntries(Object.entries(statuses).map(([i, s]) => [
            requirementBlockId(Number(i)),
            { [requirementInputId(Number(i))]: { type: 'static_select', selected_option: { value: s } } },
          ])),
          ...(add
            ? {
                [ADD_LABEL_BLOCK]: { [ADD_LABEL_INPUT]: { type: 'plain_text_input', value: add.label } },
                [ADD_TERMS_BLOCK]: { [ADD_TERMS_INPUT]: { type: 'plain_text_input', value: add.terms } },
                [ADD_STATUS_BLOCK]: { [ADD_STATUS_INPUT]: { type: 'static_select', selected_option: { value: add.status } } },
              }
            : {}),
        },
      },
    },
  });
  const metaOf = async (deps: ReturnType<typeof fakeDeps>['deps'], slack: ReturnType<typeof fakeDeps>['slack']) => {
    await editRequirementsAction({ body: click(), ack }, deps);
    const call = slack.calls.shift()!;
    if (call.method !== 'openModal') throw new Error('expected a modal');
    return JSON.parse(call.view.private_metadata!);
  };

  it('saves each requirement\'s status and the added one through the core, then redraws the card', async () => {
    const { deps, slack, services } = fakeDeps();
    const meta = await metaOf(deps, slack);
    const acks: unknown[] = [];
    const body = submission(meta, { 0: 'remove', 1: 'essential', 2: 'must', 3: 'nice' }, { label: 'Kubernetes', terms: 'Kubernetes, k8s', status: 'essential' });
    await requirementsSubmitted({ body, ack: async (r) => void acks.push(r) }, deps);
    expect(acks).toEqual([undefined]);
    expect(services.saved).toEqual([{
      jobId: 'job-1',
      reviewer: services.reviewersByEmail.get('dana@example.com'),
      version: 2,
      rows: [
        { label: 'Point of sale (POS) systems', status: 'remove' },
        { label: 'Food hygiene certificate', status: 'essential' },
        { label: 'Forklift licence', status: 'must' },
        { label: 'Scheduling software', status: 'nice' },
      ],
      add: { label: 'Kubernetes', status: 'essential', terms: ['Kubernetes', 'k8s'] },
    }]);
    expect(slack.calls[0]).toMatchObject({ method: 'updateMessage', ref: { channel: 'D_DANA', ts: '1700000000.000001' } });
  });

  it('keeps the modal open with the reason when the requirements changed under it or the core refuses', async () => {
    const { deps, slack, services } = fakeDeps();
    const meta = await metaOf(deps, slack);
    const acks: unknown[] = [];
    await requirementsSubmitted({ body: submission({ ...meta, h: 'other' }, {}), ack: async (r) => void acks.push(r) }, deps);
    await requirementsSubmitted({ body: submission({ ...meta, v: 1 }, {}), ack: async (r) => void acks.push(r) }, deps);
    services.saveRequirements = async () => ({ ok: false, message: 'Someone else saved the requirements at the same moment.' });
    await requirementsSubmitted({ body: submission(meta, {}), ack: async (r) => void acks.push(r) }, deps);
    expect(acks).toHaveLength(3);
    expect(shown(acks[0])).toContain('changed since this form was opened');
    expect(shown(acks[1])).toContain('changed since this form was opened');
    expect(shown(acks[2])).toContain('Someone else saved the requirements at the same moment.');
    expect(acks[0]).toMatchObject({ response_action: 'errors', errors: { [requirementBlockId(0)]: expect.any(String) } });
    expect(services.saved).toEqual([]);
    expect(slack.calls).toEqual([]);
  });
});
