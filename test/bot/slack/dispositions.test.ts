// "Advance…" and "Archive…" on a Slack card, as plain functions with fakes: the modal with the choices,
// the confirmation naming how many and which, the start (once per confirmation), the progress DM and
// the final count; refusals told privately, naming nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModalView } from '../../../src/bot/slack/block-kit.ts';
import {
  ACTION,
  advanceActionId,
  archiveActionId,
  DISPOSITION_CHOOSE_CALLBACK,
  DISPOSITION_CONFIRM_CALLBACK,
  encodeCandidate,
  encodeJob,
  NEXT_STAGE,
  NO_EMAIL,
  REASON_BLOCK,
  REASON_INPUT,
  STAGE_BLOCK,
  STAGE_INPUT,
  TEMPLATE_BLOCK,
  TEMPLATE_INPUT,
} from '../../../src/bot/slack/ids.ts';
import { archiveSkippedAction } from '../../../src/bot/slack/listeners/actions/archive-skipped.ts';
import { dispositionOpenAction } from '../../../src/bot/slack/listeners/actions/disposition-open.ts';
import { shortlistMessage } from '../../../src/bot/slack/render/shortlist.ts';
import { dispositionChosen } from '../../../src/bot/slack/listeners/views/disposition-chosen.ts';
import { dispositionConfirmed, PROGRESS_POLL } from '../../../src/bot/slack/listeners/views/disposition-confirmed.ts';
import { card, fakeDeps, shown } from './fakes.ts';

const click = (actionId: string, value: string, user = 'U_CHRIS') => ({
  type: 'block_actions',
  user: { id: user },
  trigger_id: 'trig-9',
  container: { type: 'message', channel_id: 'D_CHRIS', message_ts: '1700000000.000001' },
  actions: [{ action_id: actionId, value, type: 'button' }],
});

type Values = Record<string, Record<string, { selected_option: { value: string } | null }>>;
const submission = (view: ModalView, values: Values = {}, user = 'U_CHRIS') => ({
  type: 'view_submission',
  user: { id: user },
  view: { callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values } },
});
const pick = (value: string | null) => ({ selected_option: value ? { value } : null });
const noop = async () => {};

beforeAll(() => {
  PROGRESS_POLL.intervalMs = 1; // the fake core moves a batch on at each look
});

describe('Archive… on a card', () => {
  it('opens a modal with Ashby\'s reasons and "No email" preselected, confirms, starts once, and DMs the final count', async () => {
    const { deps, slack, services } = fakeDeps();
    await dispositionOpenAction({ body: click(archiveActionId(3), encodeCandidate('job-1', 'app-3')), ack: noop }, deps, 'archive');
    const open = slack.calls.find((c) => c.method === 'openModal');
    expect(open?.method).toBe('openModal');
    const view = (open as { view: ModalView }).view;
    expect(view.callback_id).toBe(DISPOSITION_CHOOSE_CALLBACK);
    expect(JSON.parse(view.private_metadata!)).toEqual({ j: 'job-1', a: 'app-3', x: 'archive', c: { channel: 'D_CHRIS', ts: '1700000000.000001' } });
    const json = JSON.stringify(view);
    expect(json).toContain('Person 3');
    expect(json).toContain('Withdrew');
    expect(json).toContain('Rejection: thank you for applying');
    type Select = { element: { options: { value: string }[]; initial_option: { value: string } } };
    const template = view.blocks.find((b) => b.block_id === TEMPLATE_BLOCK) as Select;
    expect(template.element.initial_option.value).toBe(NO_EMAIL);

    // Submitting without a reason keeps the modal open with the error on that field.
    const errors: unknown[] = [];
    await dispositionChosen({ body: submission(view), ack: async (r) => void errors.push(r) }, deps);
    expect(errors).toEqual([{ response_action: 'errors', errors: { [REASON_BLOCK]: 'Pick one of Ashby\'s archive reasons.' } }]);

    const acks: Array<{ response_action: string; view?: ModalView }> = [];
    const values = { [REASON_BLOCK]: { [REASON_INPUT]: pick('reason-1') }, [TEMPLATE_BLOCK]: { [TEMPLATE_INPUT]: pick(NO_EMAIL) } };
    await dispositionChosen({ body: submission(view, values), ack: async (r) => void acks.push(r as never) }, deps);
    expect(acks[0]?.response_action).toBe('update');
    const confirm = acks[0]!.view!;
    expect(confirm.callback_id).toBe(DISPOSITION_CONFIRM_CALLBACK);
    expect(JSON.stringify(confirm.blocks)).toContain('Archive 1 application with reason \\"Withdrew\\"?');
    const meta = JSON.parse(confirm.private_metadata!);
    expect(meta).toMatchObject({ j: 'job-1', a: 'app-3', x: 'archive', r: 'reason-1' });
    expect(meta).not.toHaveProperty('t'); // no email unless one was picked
    expect(services.batches.size).toBe(0); // nothing starts before the confirmation

    await dispositionConfirmed({ body: submission(confirm), ack: noop }, deps);
    expect(services.batches.size).toBe(1);
    const [batch] = [...services.batches.values()];
    expect(batch!.ask).toMatchObject({ jobId: 'job-1', applicationIds: ['app-3'], action: 'archive', archiveReasonId: 'reason-1' });
    expect(batch!.ask).not.toHaveProperty('emailTemplateId');
    const dm = slack.calls.filter((c) => c.method === 'postMessage' && c.channel === 'U_CHRIS');
    expect(shown(dm[0])).toContain('Archiving: 0 of 1 done');
    const last = slack.calls.filter((c) => c.method === 'updateMessage').map((c) => shown(c));
    expect(last.some((m) => m.includes('✅ 1 archived (of 1)'))).toBe(true);
    // The card it came from is redrawn.
    expect(slack.calls.at(-1)).toMatchObject({ method: 'updateMessage', ref: { channel: 'D_CHRIS', ts: '1700000000.000001' } });

    // Slack delivering the same confirmation again starts nothing new.
    await dispositionConfirmed({ body: submission(confirm), ack: noop }, deps);
    expect(services.batches.size).toBe(1);
  });

  it('refuses a hiring manager privately, with why, and opens nothing', async () => {
    const { deps, slack, services } = fakeDeps();
    await dispositionOpenAction({ body: click(archiveActionId(1), encodeCandidate('job-1', 'app-1'), 'U_DANA'), ack: noop }, deps, 'archive');
    expect(slack.calls.map((c) => c.method)).toEqual(['postMessage']);
    expect(shown(slack.calls[0])).toContain('Archiving needs a recruiting role in Ashby.');
    expect(services.batches.size).toBe(0);
  });

  it('on a job the clicker may not see says nothing about the job', async () => {
    const { deps, slack } = fakeDeps();
    await dispositionOpenAction({ body: click(archiveActionId(1), encodeCandidate('job-9', 'app-1'), 'U_DANA'), ack: noop }, deps, 'archive');
    expect(slack.calls.map((c) => c.method)).toEqual(['postMessage']);
    expect(shown(slack.calls[0])).not.toContain('job-9');
  });
});

describe('Advance… on a card', () => {
  it('offers the next stage (preselected) or a stage of the plan, and names the stage in the confirmation', async () => {
    const { deps, slack, services } = fakeDeps();
    await dispositionOpenAction({ body: click(advanceActionId(2), encodeCandidate('job-1', 'app-2'), 'U_DANA'), ack: noop }, deps, 'advance');
    const view = (slack.calls.find((c) => c.method === 'openModal') as { view: ModalView }).view;
    type Select = { element: { options: { value: string }[]; initial_option: { value: string } } };
    const stage = view.blocks.find((b) => b.block_id === STAGE_BLOCK) as Select;
    expect(stage.element.options.map((o) => o.value)).toEqual([NEXT_STAGE, 'stage-2', 'stage-3']);
    expect(stage.element.initial_option.value).toBe(NEXT_STAGE);
    const acks: Array<{ view?: ModalView }> = [];
    const values = { [STAGE_BLOCK]: { [STAGE_INPUT]: pick('stage-3') } };
    await dispositionChosen({ body: submission(view, values, 'U_DANA'), ack: async (r) => void acks.push(r as never) }, deps);
    expect(JSON.stringify(acks[0]!.view!.blocks)).toContain('Advance 1 application to \\"Onsite\\"?');
    await dispositionConfirmed({ body: submission(acks[0]!.view!, {}, 'U_DANA'), ack: noop }, deps);
    expect([...services.batches.values()][0]!.ask).toMatchObject({ action: 'advance', stageId: 'stage-3', reviewer: { ashbyUserId: 'user-dana' } });
    expect(slack.calls.some((c) => c.method === 'updateMessage' && shown(c).includes('✅ 1 advanced (of 1)'))).toBe(true);
  });
});

describe('Archive skipped… on a card', () => {
  it('is offered only while the job has skipped applications still active', () => {
    expect(JSON.stringify(shortlistMessage(card(3, { skippedActive: 0 })))).not.toContain(ACTION.archiveSkipped);
    expect(JSON.stringify(shortlistMessage(card(3)))).not.toContain(ACTION.archiveSkipped);
    const offered = JSON.stringify(shortlistMessage(card(10, { skippedActive: 12 })));
    expect(offered).toContain(ACTION.archiveSkipped);
    expect(offered).toContain('Archive skipped (12)…');
  });

  it('opens the archive modal for all of them; the confirmation names how many and which reason; one batch of them all; a changed set is refused', async () => {
    const { deps, slack, services } = fakeDeps();
    services.skipped.set('job-1', ['app-4', 'app-7', 'app-9']);
    services.cardFor = () => card(10, { skippedActive: 3 });
    await archiveSkippedAction({ body: click(ACTION.archiveSkipped, encodeJob('job-1')), ack: noop }, deps);
    const view = (slack.calls.find((c) => c.method === 'openModal') as { view: ModalView }).view;
    expect(JSON.parse(view.private_metadata!)).toMatchObject({ j: 'job-1', b: 1, x: 'archive' });
    expect(JSON.stringify(view)).toContain('the 3 skipped applications of Store Manager');

    const acks: unknown[] = [];
    const values = { [REASON_BLOCK]: { [REASON_INPUT]: pick('reason-2') }, [TEMPLATE_BLOCK]: { [TEMPLATE_INPUT]: pick(NO_EMAIL) } };
    await dispositionChosen({ body: submission(view, values), ack: async (a) => void acks.push(a) }, deps);
    const confirm = (acks[0] as { view: ModalView }).view;
    expect(confirm.callback_id).toBe(DISPOSITION_CONFIRM_CALLBACK);
    expect(JSON.stringify(confirm)).toContain('Archive 3 applications with reason \\"Too inexperienced\\"?');
    expect(JSON.parse(confirm.private_metadata!)).toMatchObject({ b: 1, n: 3, r: 'reason-2' });

    await dispositionConfirmed({ body: submission(confirm), ack: noop }, deps);
    await dispositionConfirmed({ body: submission(confirm), ack: noop }, deps); // Slack's retry
    expect([...services.batches.values()].map((b) => [b.ask.applicationIds, b.ask.archiveReasonId])).toEqual([
      [['app-4', 'app-7', 'app-9'], 'reason-2'],
    ]);
    expect(slack.calls.some((c) => c.method === 'updateMessage' && shown(c.message).includes('3 archived (of 3)'))).toBe(true);

    // Someone skipped another one between the confirmation and a new start: refused, nothing started.
    services.skipped.set('job-1', ['app-4', 'app-7', 'app-9', 'app-10']);
    const again = { ...JSON.parse(confirm.private_metadata!), k: 'another-key' };
    const resubmitted = submission({ ...confirm, private_metadata: JSON.stringify(again) });
    await dispositionConfirmed({ body: resubmitted, ack: noop }, deps);
    expect(services.batches.size).toBe(1);
    expect(shown(slack.calls.at(-1))).toContain('changed since you confirmed');
  });

  it('a hiring manager without a recruiting role is refused privately, and nothing opens', async () => {
    const { deps, slack, services } = fakeDeps();
    services.skipped.set('job-1', ['app-4']);
    await archiveSkippedAction({ body: click(ACTION.archiveSkipped, encodeJob('job-1'), 'U_DANA'), ack: noop }, deps);
    expect(slack.calls.some((c) => c.method === 'openModal')).toBe(false);
    expect(shown(slack.calls.at(-1))).toContain('Archiving needs a recruiting role');
  });
});
