// The Slack listeners as plain functions, driven with fakes: what they ack, say and call.
import { describe, expect, it } from 'vitest';
import { SlackDeliveryError } from '../../../src/bot/slack/errors.ts';
import { UsageError } from '../../../src/bot/ports.ts';
import { addToJobActionId, decideActionId, encodeCandidate, encodeJob, encodePastCandidate, noteActionId, NOTE_BLOCK, NOTE_INPUT, NOTE_MODAL_CALLBACK, VERDICT_BLOCK, VERDICT_INPUT } from '../../../src/bot/slack/ids.ts';
import { addNoteAction } from '../../../src/bot/slack/listeners/actions/add-note.ts';
import { addToJobAction } from '../../../src/bot/slack/listeners/actions/add-to-job.ts';
import { decideAction } from '../../../src/bot/slack/listeners/actions/decide.ts';
import { openRediscoverAction } from '../../../src/bot/slack/listeners/actions/open-rediscover.ts';
import { openReportAction } from '../../../src/bot/slack/listeners/actions/open-report.ts';
import { openShortlistAction } from '../../../src/bot/slack/listeners/actions/open-shortlist.ts';
import { sendCardAction } from '../../../src/bot/slack/listeners/actions/send-card.ts';
import { skimaCommand } from '../../../src/bot/slack/listeners/commands/skima.ts';
import { appUninstalled, tokensRevoked } from '../../../src/bot/slack/listeners/events/access-revoked.ts';
import { appHomeOpened } from '../../../src/bot/slack/listeners/events/app-home-opened.ts';
import { noteSubmitted } from '../../../src/bot/slack/listeners/views/note-submitted.ts';
import { candidate, card, fakeDeps, fakeIo, shown } from './fakes.ts';

const command = (text: string, user = 'U_DANA') => ({
  command: '/skima',
  text,
  user_id: user,
  channel_id: 'C_GENERAL',
  trigger_id: 'trig-1',
  response_url: 'https://hooks.slack.com/commands/T1/1/x',
});

const click = (actionId: string, value: string, user = 'U_DANA') => ({
  type: 'block_actions',
  user: { id: user },
  trigger_id: 'trig-2',
  container: { type: 'message', channel_id: 'D_DANA', message_ts: '1700000000.000001' },
  actions: [{ action_id: actionId, value, type: 'button' }],
});

const acker = () => {
  let n = 0;
  return {
    ack: async () => void n++,
    get count() {
      return n;
    },
  };
};

describe('/skima', () => {
  it('answers help, an empty command and an unknown subcommand with the usage', async () => {
    for (const text of ['help', '', 'frobnicate now']) {
      const { deps } = fakeDeps();
      const io = fakeIo();
      await skimaCommand({ command: command(text), ...io }, deps);
      expect(io.acks).toHaveLength(1);
      expect(shown(io.acks[0])).toContain('/skima shortlist <job>');
      if (text === 'frobnicate now') expect(shown(io.acks[0])).toContain('I don\'t know `frobnicate`');
      expect(io.responses).toHaveLength(0);
    }
  });

  it('asks which job when shortlist has none, and refuses malformed setup arguments', async () => {
    const { deps } = fakeDeps();
    const io = fakeIo();
    await skimaCommand({ command: command('shortlist'), ...io }, deps);
    expect(shown(io.acks[0])).toContain('Say which job');
    await skimaCommand({ command: command('setup now please'), ...io }, deps);
    expect(shown(io.acks[1])).toContain('takes nothing, or `fix`');
  });

  it('shortlist: acks at once, then DMs the card and says so in place of the ack', async () => {
    const { deps, slack, services } = fakeDeps();
    const io = fakeIo();
    await skimaCommand({ command: command('shortlist store manager'), ...io }, deps);
    expect(shown(io.acks[0])).toContain('Looking up that job');
    expect(slack.calls).toHaveLength(1);
    expect(slack.calls[0]).toMatchObject({ method: 'postMessage', channel: 'U_DANA' });
    expect(services.refs.get('job-1:U_DANA')).toEqual({ channel: 'D_DANA', ts: '1700000000.000001' });
    expect(io.responses[0]).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(shown(io.responses[0])).toContain('sent it to your DMs');
    // Asked again: the same DM is updated, not re-posted.
    await skimaCommand({ command: command('shortlist job-1'), ...io }, deps);
    expect(slack.calls[1]).toMatchObject({ method: 'updateMessage', ref: { channel: 'D_DANA', ts: '1700000000.000001' } });
  });

  it('shortlist: a job the user may not see reads exactly like a job that does not exist', async () => {
    const { deps, slack, services } = fakeDeps();
    services.teams.set('job-2', ['user-someone-else']);
    const hidden = fakeIo();
    await skimaCommand({ command: command('shortlist store assistant'), ...hidden }, deps);
    const missing = fakeIo();
    await skimaCommand({ command: command('shortlist night baker'), ...missing }, deps);
    expect(shown(hidden.responses[0])).toEqual(shown(missing.responses[0]));
    expect(shown(hidden.responses[0])).not.toContain('Assistant');
    expect(slack.calls).toHaveLength(0);
  });

  it('a Slack user with no Ashby account gets told why, and nothing else', async () => {
    const { deps, slack } = fakeDeps();
    const io = fakeIo();
    await skimaCommand({ command: command('shortlist store manager', 'U_EVE'), ...io }, deps);
    expect(shown(io.responses[0])).toContain('couldn\'t match your Slack account');
    expect(slack.calls).toHaveLength(0);
  });

  it('status: recruiters and admins only; shows queues and recorded Slack errors', async () => {
    const { deps } = fakeDeps();
    const manager = fakeIo();
    await skimaCommand({ command: command('status'), ...manager }, deps);
    expect(shown(manager.responses[0])).toContain('recruiting or admin role');
    const recruiter = fakeIo();
    await skimaCommand({ command: command('status', 'U_CHRIS'), ...recruiter }, deps);
    expect(shown(recruiter.acks[0])).toContain('Checking Skima');
    expect(shown(recruiter.responses[0])).toContain('slack.card: 2 queued, 0 running, 1 retrying, 0 dead');
    expect(shown(recruiter.responses[0])).toContain('slack:chat.postMessage: ratelimited (3×');
  });

  it('digest: posts counts to the channel it was run in; says how to invite the app when it is not a member', async () => {
    const { deps, slack, services } = fakeDeps();
    const io = fakeIo();
    await skimaCommand({ command: command('digest', 'U_CHRIS'), ...io }, deps);
    expect(slack.calls[0]).toMatchObject({ method: 'postMessage', channel: 'C_GENERAL' });
    expect(shown(slack.calls[0])).toContain('120');
    expect(shown(slack.calls[0])).not.toContain('Person');
    expect(shown(io.responses[0])).toContain('Posted the digest');

    slack.failNext = new SlackDeliveryError({ kind: 'recipient', code: 'not_in_channel' }, 'chat.postMessage');
    const again = fakeIo();
    await skimaCommand({ command: command('digest', 'U_CHRIS'), ...again }, deps);
    expect(shown(again.responses[0])).toContain('/invite @Skima');
    expect(services.errors).toEqual([{ source: 'slack:digest', message: 'not_in_channel' }]);
  });

  it('rediscover: splits the job from the filters, answers only the recruiter, explains bad filters', async () => {
    const { deps, services } = fakeDeps();
    const asked: [string, string[]][] = [];
    services.rediscover = async (jobId, words) => {
      asked.push([jobId, words]);
      if (words.includes('min:abc')) throw new UsageError('min: must be a number from 0 to 100');
      return {
        job: { id: jobId, title: 'Store Manager' },
        considered: 40,
        candidates: [{
          candidateId: 'c1', pastApplicationId: 'p1', pastJobTitle: 'Cashier', pastStatus: 'Archived', archiveReason: 'Position filled',
          score: 81, band: 'strong', reasons: [{ text: 'POS', quote: 'ran the till' }], missing: [], lastActivityAt: new Date(),
          candidateName: 'Past Person',
        }],
      };
    };
    const manager = fakeIo();
    await skimaCommand({ command: command('rediscover store manager'), ...manager }, deps);
    expect(shown(manager.responses[0])).toContain('recruiting or admin role');
    const io = fakeIo();
    await skimaCommand({ command: command('rediscover store manager min:70 since:180d', 'U_CHRIS'), ...io }, deps);
    expect(asked).toEqual([['job-1', ['min:70', 'since:180d']]]);
    expect(io.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(shown(io.responses[0])).toContain('Past Person');
    expect(shown(io.responses[0])).toContain('1 qualified past candidates out of 40 considered');
    // Each one has "Add to job", behind a confirmation, naming the job and the candidate by id only.
    const { blocks } = io.responses[0] as { blocks: { accessory?: Record<string, unknown> }[] };
    const block = blocks.find((b) => b.accessory);
    expect(block?.accessory).toMatchObject({
      type: 'button',
      action_id: 'skima.add_to_job.0',
      value: JSON.stringify({ j: 'job-1', c: 'c1' }),
      confirm: { confirm: { text: 'Add to job' }, deny: { text: 'Cancel' } },
    });
    // "Open in browser" carries the job and the filter words, nothing about a person.
    const open = blocks.at(-1) as unknown as { type: string; elements: Record<string, unknown>[] };
    expect(open.type).toBe('actions');
    expect(open.elements[0]).toMatchObject({
      action_id: 'skima.open_rediscover',
      value: JSON.stringify({ j: 'job-1', f: ['min:70', 'since:180d'] }),
    });
    const bad = fakeIo();
    await skimaCommand({ command: command('rediscover store manager min:abc', 'U_CHRIS'), ...bad }, deps);
    expect(shown(bad.responses[0])).toContain('min: must be a number');
    expect(shown(bad.responses[0])).toContain('/skima rediscover');
    // Every filter word ends the job's title, the past-application ones and hired as well.
    await skimaCommand({ command: command('rediscover store manager job:cashier hired reason:withdrew', 'U_CHRIS'), ...fakeIo() }, deps);
    expect(asked.at(-1)).toEqual(['job-1', ['job:cashier', 'hired', 'reason:withdrew']]);
  });

  it('Add to job: a recruiter adds once (a second click changes nothing); a hiring manager is refused', async () => {
    const { deps, slack, services } = fakeDeps();
    const value = encodePastCandidate('job-1', 'cand-7');
    const told = () => slack.calls.map((c) => (c.method === 'postMessage' ? shown(c.message) : ''));
    const ack = acker();
    await addToJobAction({ body: click(addToJobActionId(0), value, 'U_CHRIS'), ack: ack.ack }, deps);
    expect(ack.count).toBe(1);
    await addToJobAction({ body: click(addToJobActionId(0), value, 'U_CHRIS'), ack: acker().ack }, deps);
    expect([...services.added.get('job-1')!]).toEqual(['cand-7']);
    expect(told()[0]).toContain('Added to *Store Manager* in Ashby, with a note saying why (81/100)');
    expect(told()[1]).toContain('Already an application on *Store Manager* in Ashby: nothing changed.');
    // Dana manages the job but does not recruit: refused before the services are asked.
    await addToJobAction({ body: click(addToJobActionId(0), encodePastCandidate('job-1', 'cand-8'), 'U_DANA'), ack: acker().ack }, deps);
    expect(told()[2]).toContain('recruiting or admin role');
    expect(services.added.get('job-1')!.has('cand-8')).toBe(false);
    // A value Skima did not write is ignored.
    await addToJobAction({ body: click(addToJobActionId(0), '{"j":"job-1"}', 'U_CHRIS'), ack: acker().ack }, deps);
    expect(slack.calls).toHaveLength(3);
  });

  it('setup fix: recruiters run the checks with fixing on', async () => {
    const { deps, services } = fakeDeps();
    const runs: boolean[] = [];
    services.setup = async ({ fix }) => {
      runs.push(fix);
      return [{ id: 'tag', title: 'Tag', status: 'fixed', detail: 'created SKIMA Screened' }];
    };
    const io = fakeIo();
    await skimaCommand({ command: command('setup fix', 'U_CHRIS'), ...io }, deps);
    expect(runs).toEqual([true]);
    expect(shown(io.responses[0])).toContain('🔧 *Tag*: created SKIMA Screened');
  });

  it('a failing command is answered and reported, never left spinning', async () => {
    const { deps, services } = fakeDeps();
    services.setup = async () => {
      throw new Error('boom');
    };
    const io = fakeIo();
    await skimaCommand({ command: command('setup', 'U_CHRIS'), ...io }, deps);
    expect(shown(io.responses[0])).toContain('`/skima setup` failed');
    expect(services.errors).toEqual([{ source: 'slack:/skima setup', message: 'Error' }]);
  });
});

describe('card buttons', () => {
  it('a decision acks, is recorded for the clicker, and redraws the card in place', async () => {
    const { deps, slack, services } = fakeDeps();
    services.cardFor = () => card(3, { candidates: [candidate(1, { reviewerDecision: { verdict: 'approve', note: null, reviewerId: 'user-dana', reviewerName: 'Dana Lee', channel: 'slack', at: new Date() } }), candidate(2), candidate(3)] });
    const a = acker();
    await decideAction({ body: click(decideActionId('approve', 1), encodeCandidate('job-1', 'app-1')), ack: a.ack }, deps);
    expect(a.count).toBe(1);
    expect(services.decisions).toEqual([{ jobId: 'job-1', applicationId: 'app-1', reviewer: services.reviewersByEmail.get('dana@example.com'), verdict: 'approve' }]);
    expect(slack.calls).toHaveLength(1);
    expect(slack.calls[0]).toMatchObject({ method: 'updateMessage', ref: { channel: 'D_DANA', ts: '1700000000.000001' } });
    expect(shown(slack.calls[0])).toContain('You: 👍 Approved');
    expect(shown(slack.calls[0])).toContain('✓ Approve');
  });

  it('a decision on a job the clicker may not see records nothing and says nothing about the job', async () => {
    const { deps, slack, services } = fakeDeps();
    await decideAction({ body: click(decideActionId('skip', 1), encodeCandidate('job-9', 'app-1')), ack: acker().ack }, deps);
    expect(services.decisions).toEqual([]);
    expect(slack.calls).toHaveLength(1);
    expect(slack.calls[0]).toMatchObject({ method: 'postMessage', channel: 'U_DANA' });
    expect(shown(slack.calls[0])).not.toContain('job-9');
  });

  it('a card redraw Slack rate-limits is queued for after Retry-After; one it refuses is reported', async () => {
    const { deps, slack, services } = fakeDeps();
    slack.failNext = new SlackDeliveryError({ kind: 'rate_limited', code: 'ratelimited', retryAfterMs: 9000 }, 'chat.update');
    const before = Date.now();
    await decideAction({ body: click(decideActionId('maybe', 2), encodeCandidate('job-1', 'app-2')), ack: acker().ack }, deps);
    expect(services.decisions).toHaveLength(1);
    expect(services.queued).toEqual([{ jobId: 'job-1', slackUserId: 'U_DANA', reviewerId: 'user-dana', notBefore: expect.any(Date) }]);
    expect(services.queued[0]!.notBefore!.getTime()).toBeGreaterThanOrEqual(before + 9000);
    expect(services.errors).toEqual([]);

    slack.failNext = new SlackDeliveryError({ kind: 'other', code: 'invalid_blocks' }, 'chat.update');
    await decideAction({ body: click(decideActionId('maybe', 2), encodeCandidate('job-1', 'app-2')), ack: acker().ack }, deps);
    expect(services.errors).toEqual([{ source: 'slack:chat.update', message: 'invalid_blocks' }]);
  });

  it('Add note opens a modal with the verdict preselected and the card to update in its metadata', async () => {
    const { deps, slack } = fakeDeps();
    await addNoteAction({ body: click(noteActionId(1), encodeCandidate('job-1', 'app-1')), ack: acker().ack }, deps);
    expect(slack.calls).toHaveLength(1);
    const call = slack.calls[0]!;
    if (call.method !== 'openModal') throw new Error('expected a modal');
    expect(call.triggerId).toBe('trig-2');
    expect(call.view.callback_id).toBe(NOTE_MODAL_CALLBACK);
    expect(JSON.parse(call.view.private_metadata!)).toEqual({ j: 'job-1', a: 'app-1', c: { channel: 'D_DANA', ts: '1700000000.000001' } });
    expect(shown(call.view)).toContain('Person 1');
  });

  it('Open full shortlist mints a fresh link per click and DMs it to the clicker only', async () => {
    const { deps, slack, services } = fakeDeps();
    await openShortlistAction({ body: click('skima.open_shortlist', encodeJob('job-1')), ack: acker().ack }, deps);
    await openShortlistAction({ body: click('skima.open_shortlist', encodeJob('job-1')), ack: acker().ack }, deps);
    expect(services.links).toEqual([{ jobId: 'job-1', reviewerId: 'user-dana' }, { jobId: 'job-1', reviewerId: 'user-dana' }]);
    expect(slack.calls.map((c) => c.method === 'postMessage' && c.channel)).toEqual(['U_DANA', 'U_DANA']);
    expect(shown(slack.calls[0])).toContain('https://skima.test/s/token-1');
    expect(shown(slack.calls[1])).toContain('https://skima.test/s/token-2');
  });

  it('the digest\'s Open the report mints a report link per click for a recruiter, DMed to them alone', async () => {
    const { deps, slack, services } = fakeDeps();
    await openReportAction({ body: click('skima.open_report', '', 'U_CHRIS'), ack: acker().ack }, deps);
    expect(services.reportLinks).toEqual(['user-chris']);
    expect(slack.calls.map((c) => c.method === 'postMessage' && c.channel)).toEqual(['U_CHRIS']);
    expect(shown(slack.calls[0])).toContain('https://skima.test/r/token-1');
  });

  it('Open the report refuses a hiring manager and a stranger, privately, and mints nothing', async () => {
    const { deps, slack, services } = fakeDeps();
    await openReportAction({ body: click('skima.open_report', '', 'U_DANA'), ack: acker().ack }, deps);
    await openReportAction({ body: click('skima.open_report', '', 'U_EVE'), ack: acker().ack }, deps);
    expect(services.reportLinks).toEqual([]);
    expect(slack.calls.map((c) => c.method === 'postMessage' && c.channel)).toEqual(['U_DANA', 'U_EVE']);
    expect(shown(slack.calls[0])).toContain('recruiters and admins');
    expect(shown(slack.calls[1])).not.toContain('https://');
  });

  it('Open in browser mints a rediscovery link with the filters for a recruiter, DMed to them alone; a hiring manager gets none', async () => {
    const { deps, slack, services } = fakeDeps();
    const value = JSON.stringify({ j: 'job-1', f: ['min:70', 'dept:ops'] });
    await openRediscoverAction({ body: click('skima.open_rediscover', value, 'U_CHRIS'), ack: acker().ack }, deps);
    expect(services.rediscoverLinks).toEqual([{ jobId: 'job-1', reviewerId: 'user-chris', words: ['min:70', 'dept:ops'] }]);
    expect(slack.calls.map((c) => c.method === 'postMessage' && c.channel)).toEqual(['U_CHRIS']);
    expect(shown(slack.calls[0])).toContain('https://skima.test/rd/token-1?min=70');
    await openRediscoverAction({ body: click('skima.open_rediscover', value, 'U_DANA'), ack: acker().ack }, deps);
    await openRediscoverAction({ body: click('skima.open_rediscover', '{"j":1}', 'U_CHRIS'), ack: acker().ack }, deps);
    expect(services.rediscoverLinks).toHaveLength(1);
    expect(shown(slack.calls[1])).toContain('recruiting or admin role');
    expect(slack.calls).toHaveLength(2);
  });

  it('App Home "Send me the shortlist" posts the card to the clicker\'s DM', async () => {
    const { deps, slack } = fakeDeps();
    await sendCardAction({ body: click('skima.send_card.0', encodeJob('job-1')), ack: acker().ack }, deps);
    expect(slack.calls[0]).toMatchObject({ method: 'postMessage', channel: 'U_DANA' });
  });
});

describe('the note modal', () => {
  const submission = (verdict: string | null, note: string, meta: object = { j: 'job-1', a: 'app-3', c: { channel: 'D_DANA', ts: '1.2' } }) => ({
    type: 'view_submission',
    user: { id: 'U_DANA' },
    view: {
      callback_id: NOTE_MODAL_CALLBACK,
      private_metadata: JSON.stringify(meta),
      state: {
        values: {
          [VERDICT_BLOCK]: { [VERDICT_INPUT]: { type: 'radio_buttons', selected_option: verdict ? { value: verdict } : null } },
          [NOTE_BLOCK]: { [NOTE_INPUT]: { type: 'plain_text_input', value: note } },
        },
      },
    },
  });

  it('records the verdict with the note and updates the card it came from', async () => {
    const { deps, slack, services } = fakeDeps();
    const acks: unknown[] = [];
    await noteSubmitted({ body: submission('maybe', '  Ask about weekend shifts  '), ack: async (r) => void acks.push(r) }, deps);
    expect(acks).toEqual([undefined]);
    expect(services.decisions).toEqual([
      { jobId: 'job-1', applicationId: 'app-3', reviewer: services.reviewersByEmail.get('dana@example.com'), verdict: 'maybe', note: 'Ask about weekend shifts' },
    ]);
    expect(slack.calls[0]).toMatchObject({ method: 'updateMessage', ref: { channel: 'D_DANA', ts: '1.2' } });
  });

  it('without a verdict the modal stays open with an error on that field', async () => {
    const { deps, services } = fakeDeps();
    const acks: unknown[] = [];
    await noteSubmitted({ body: submission(null, 'note'), ack: async (r) => void acks.push(r) }, deps);
    expect(acks).toEqual([{ response_action: 'errors', errors: { [VERDICT_BLOCK]: 'Choose Approve, Maybe or Skip.' } }]);
    expect(services.decisions).toEqual([]);
  });
});

describe('App Home', () => {
  it('shows the reviewer\'s jobs with shortlist state and pending decisions', async () => {
    const { deps, slack } = fakeDeps();
    await appHomeOpened({ event: { type: 'app_home_opened', user: 'U_DANA', tab: 'home' } }, deps);
    expect(slack.calls[0]).toMatchObject({ method: 'publishHome', userId: 'U_DANA' });
    expect(shown(slack.calls[0])).toContain('10 on the shortlist · 7 awaiting a decision · 9 awaiting yours');
  });

  it('explains the email match to someone Skima cannot place, listing nothing', async () => {
    const { deps, slack } = fakeDeps();
    await appHomeOpened({ event: { type: 'app_home_opened', user: 'U_EVE', tab: 'home' } }, deps);
    expect(shown(slack.calls[0])).toContain('could not match your Slack account');
    expect(shown(slack.calls[0])).not.toContain('Store Manager');
  });
});

describe('Slack withdrawing access', () => {
  it('stops sending when the app is uninstalled or its bot token revoked, and ignores revoked user tokens', async () => {
    const { deps, revoked } = fakeDeps();
    await tokensRevoked({ event: { type: 'tokens_revoked', tokens: { oauth: ['U_DANA'] } } }, deps);
    await tokensRevoked({ event: { type: 'tokens_revoked' } }, deps); // malformed: nothing
    expect(revoked).toEqual([]);
    await tokensRevoked({ event: { type: 'tokens_revoked', tokens: { bot: ['B_SKIMA'] } } }, deps);
    await appUninstalled(deps);
    expect(revoked).toEqual(['tokens_revoked', 'app_uninstalled']);
  });
});
