// Every Teams command and card action through botbuilder's TestAdapter, over fakes of the core's port:
// what the person sees, what reaches the core, and what is refused (leaking nothing about other jobs).
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES } from '../../../src/bot/teams/adaptive-card.ts';
import type { RediscoverReport, Reviewer } from '../../../src/bot/ports.ts';
import { NO_ACCESS, NO_PERSONAL_CHAT, NOT_MATCHED, RECRUITERS_ONLY } from '../../../src/bot/teams/messages.ts';
import { teamsTurn } from '../../../src/bot/teams/turn.ts';
import { showDispositionProgress } from '../../../src/bot/teams/show-progress.ts';
import { cardOf, channel, from, type Harness, harness, personalChat, textOf } from './fakes.ts';
import { adaptiveCardValidator, cardErrors } from './schemas.ts';

let h: Harness;
let turn: ReturnType<typeof teamsTurn>;

beforeEach(() => {
  h = harness();
  turn = teamsTurn(h.deps, { digestScheduled: () => false });
});

// Every Adaptive Card any handler sent (messages, and invoke answers that replace the clicked card) is a
// valid Adaptive Card 1.5 under Teams' 28 KB.
afterEach(() => {
  const validate = adaptiveCardValidator();
  const cards = h.sent.flatMap((a) => {
    const body = a.type === 'invokeResponse' ? (a.value as { body: { type: string; value: unknown } }).body : undefined;
    if (body?.type === 'application/vnd.microsoft.card.adaptive') return [body.value];
    return (a.attachments ?? []).map((att) => att.content as unknown);
  });
  for (const card of cards) {
    expect(validate(card), cardErrors(validate)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(CARD_MAX_BYTES);
  }
});

let nextId = 0;
async function send(user: string, where: ReturnType<typeof personalChat>, over: Partial<Activity>) {
  await h.adapter.processActivity(from(user, where, { id: `act-${++nextId}`, ...over }), turn);
  await h.deps.background.idle();
}
const say = (user: string, text: string, where = personalChat(user)) => send(user, where, { type: 'message', text });
const click = (user: string, verb: string, data: object, id?: string) =>
  h.adapter.processActivity(from(user, personalChat(user), {
    type: 'invoke', name: 'adaptiveCard/action', id: id ?? `click-${++nextId}`, value: { action: { type: 'Action.Execute', verb, data } },
  }), turn);
type InvokeBody = { statusCode: number; type: string; value: unknown };
const invokeBody = (a: Partial<Activity>) => (a.value as { status: number; body: InvokeBody }).body;
const installed = (user: string) => send(user, personalChat(user), {
  type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Skima' }],
});

describe('install and conversation references', () => {
  it('stores the 1:1 chat with the person\'s Entra id and roster email when the app is installed, and forgets it on removal', async () => {
    await send('29:dana', personalChat('29:dana'), { type: 'installationUpdate', action: 'add' });
    const stored = await h.conversations.personal({ email: 'dana@example.com' });
    expect(stored).toMatchObject({ conversationId: 'a:personal-29:dana', scope: 'personal', userId: 'aad-dana', email: 'dana@example.com' });
    expect(stored!.reference).toMatchObject({ serviceUrl: 'https://smba.example.test/teams/', conversation: { id: 'a:personal-29:dana' } });
    expect(stored!.reference).not.toHaveProperty('activityId');
    await send('29:dana', personalChat('29:dana'), { type: 'installationUpdate', action: 'remove' });
    expect(await h.conversations.personal({ email: 'dana@example.com' })).toBeNull();
  });

  it('installed for a hiring manager: greets them and queues their jobs\' cards for this chat; an unmatched person is told why', async () => {
    await send('29:dana', personalChat('29:dana'), { type: 'installationUpdate', action: 'add' });
    expect(JSON.stringify(cardOf(h.sent[0]!))).toContain('shortlist <job>');
    expect(h.services.queued).toEqual([{ jobId: 'job-1', slackUserId: 'aad-dana', reviewerId: 'user-dana', notBefore: undefined }]);
    const anyOpenJob = { id: 'job-2', title: 'Any open job', status: 'Open', shortlisted: 3, awaitingDecision: 3, awaitingYou: 3 };
    Object.assign(h.services, { homeJobs: async (r: Reviewer) => (r.recruiter ? [anyOpenJob] : []) });
    await send('29:chris', personalChat('29:chris'), { type: 'installationUpdate', action: 'add' });
    expect(h.services.queued).toHaveLength(1); // a recruiter on no hiring team is not sent every open job
    await send('29:eve', personalChat('29:eve'), { type: 'installationUpdate', action: 'add' });
    expect(JSON.stringify(cardOf(h.sent[2]!))).toContain('couldn\'t match your Teams account');
  });

  it('stores a team channel when the bot is added to the team (no person, no roster call)', async () => {
    await send('29:chris', channel(), { type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Skima' }] });
    expect(await h.conversations.get('19:general@thread.tacv2')).toMatchObject({ scope: 'channel' });
    expect((await h.conversations.get('19:general@thread.tacv2'))!.userId).toBeUndefined();
  });
});

describe('commands', () => {
  it('help, an empty message and an unknown word answer with the commands', async () => {
    await say('29:dana', 'help');
    await say('29:dana', 'frobnicate');
    expect(JSON.stringify(cardOf(h.sent[0]!))).toContain('shortlist <job>');
    expect(JSON.stringify(cardOf(h.sent[1]!))).toContain('I don\'t know \\"frobnicate\\"');
    // Messaging the bot stores the chat too, so cards can follow.
    expect(await h.conversations.personal({ userId: 'aad-dana' })).not.toBeNull();
  });

  it('shortlist <job>: answers "working on it", posts the card in the 1:1 chat, then replaces the first answer; a second ask updates the card in place', async () => {
    await installed('29:dana');
    await say('29:dana', 'shortlist store manager');
    expect(h.sent).toHaveLength(2);
    expect(h.sent[0]!.text).toBe('Shortlist for **Store Manager**: here it is, below.');
    expect(JSON.stringify(cardOf(h.sent[1]!))).toContain('Store Manager');
    const ref = await h.services.cardRef('job-1', 'aad-dana');
    expect(ref).toMatchObject({ conversationId: 'a:personal-29:dana', activityId: h.sent[1]!.id, serviceUrl: 'https://smba.example.test/teams/' });

    const before = h.services.cardFor('job-1');
    h.services.cardFor = () => ({ ...before, jobTitle: 'Store Manager (updated)' });
    await say('29:dana', 'shortlist job-1');
    expect(h.sent).toHaveLength(3); // the answer; the card was updated, not posted again
    expect(JSON.stringify(cardOf(h.sent[1]!))).toContain('Store Manager (updated)');
    expect(h.sent[2]!.text).toContain('refreshed its card');
  });

  it('shortlist with an @mention in a channel sends the card to the 1:1 chat, never to the channel', async () => {
    await installed('29:dana');
    h.sent.length = 0;
    await say('29:dana', '<at>Skima</at> shortlist store manager', channel());
    const inChannel = h.sent.filter((a) => a.conversation?.id === '19:general@thread.tacv2');
    expect(inChannel.map((a) => a.text)).toEqual(['Shortlist for **Store Manager**: I\'ve sent it to our 1:1 chat.']);
    expect(h.sent.filter((a) => a.conversation?.id === 'a:personal-29:dana' && cardOf(a))).toHaveLength(1);
  });

  it('shortlist refuses alike an unmatched person, a job of someone else and a job that does not exist', async () => {
    await say('29:eve', 'shortlist store manager');
    await installed('29:dana');
    await say('29:dana', 'shortlist store assistant');
    await say('29:dana', 'shortlist no-such-job');
    expect(h.sent.map((a) => a.text)).toEqual([NOT_MATCHED, NO_ACCESS, NO_ACCESS]);
  });

  it('shortlist without a stored 1:1 chat (typed in a channel only) says how to get one', async () => {
    await say('29:dana', '<at>Skima</at> shortlist store manager', channel());
    expect(h.sent.map((a) => a.text)).toEqual([NO_PERSONAL_CHAT]);
  });

  it('rediscover: recruiters get the past candidates with "Add to job"; anyone else is refused', async () => {
    h.services.rediscover = async (jobId: string): Promise<RediscoverReport> => ({
      job: { id: jobId, title: 'Store Manager' },
      considered: 120,
      candidates: [{
        candidateId: 'cand-7', pastApplicationId: 'app-old', pastJobTitle: 'Cashier', pastStatus: 'Archived', archiveReason: 'Withdrew',
        score: 81, band: 'strong', reasons: [{ text: 'Shift lead', quote: 'shift lead for 6' }], missing: [], lastActivityAt: new Date('2026-06-01'),
      }],
    });
    await say('29:chris', 'rediscover store manager min:70');
    const results = JSON.stringify(cardOf(h.sent[0]!));
    expect(results).toContain('skima.addToJob');
    expect(results).toContain('cand-7');
    await say('29:dana', 'rediscover store manager');
    expect(h.sent[1]!.text).toBe(RECRUITERS_ONLY);
  });

  it('setup: the core\'s checks (Ashby\'s and the front doors\') for recruiters; "setup fix" asks the core to fix; other words get the usage', async () => {
    const asked: boolean[] = [];
    const setup = h.services.setup.bind(h.services);
    h.services.setup = async (opts) => {
      asked.push(opts.fix);
      return [...(await setup(opts)), { id: 'teams.signin', title: 'Teams sign-in', status: 'ok', detail: 'a token was issued' }];
    };
    await say('29:chris', 'setup');
    const shown = JSON.stringify(cardOf(h.sent[0]!));
    expect(shown).toContain('API key');
    expect(shown).toContain('Teams sign-in');
    await say('29:chris', 'setup fix');
    expect(asked).toEqual([false, true]);
    h.sent.splice(1, 1);
    await say('29:chris', 'setup please');
    expect(JSON.stringify(cardOf(h.sent[1]!))).toContain('\\"setup\\" takes nothing');
    await say('29:dana', 'setup');
    expect(h.sent[2]!.text).toBe(RECRUITERS_ONLY);
  });

  it('status: recruiters and admins only', async () => {
    await say('29:chris', 'status');
    expect(JSON.stringify(cardOf(h.sent[0]!))).toContain('ratelimited');
    await say('29:dana', 'status');
    expect(h.sent[1]!.text).toBe(RECRUITERS_ONLY);
  });

  it('digest posts the numbers where asked; "digest here" in a channel makes it the weekly digest\'s', async () => {
    await say('29:chris', '<at>Skima</at> digest', channel());
    expect(JSON.stringify(cardOf(h.sent[0]!))).toMatch(/screened/i);
    await say('29:chris', '<at>Skima</at> digest here', channel('19:hiring@thread.tacv2'));
    expect(h.conversations.digest).toBe('19:hiring@thread.tacv2');
    expect(h.sent[1]!.text).toContain('comes to this channel every Monday');
    await say('29:chris', 'digest here');
    expect(h.sent[2]!.text).toContain('is for a team channel');
    await say('29:dana', '<at>Skima</at> digest here', channel());
    expect(h.sent[3]!.text).toBe(RECRUITERS_ONLY);
    expect(h.conversations.digest).toBe('19:hiring@thread.tacv2');
  });

  it('a replayed message (same activity id) is answered once', async () => {
    await send('29:dana', personalChat('29:dana'), { type: 'message', text: 'help', id: 'same' });
    await send('29:dana', personalChat('29:dana'), { type: 'message', text: 'help', id: 'same' });
    expect(h.sent).toHaveLength(1);
  });

  it('a failure in a slow command replaces "working on it" with what failed, and reports it for status', async () => {
    h.services.status = async () => {
      throw new Error('database away');
    };
    await say('29:chris', 'status');
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.text).toBe('Sorry, "status" failed (Error). "status" lists recent errors.');
    expect(h.services.errors).toContainEqual({ source: 'teams:status', message: 'Error' });
  });
});

describe('card actions (adaptiveCard/action invokes)', () => {
  it('Approve with a note: recorded for the clicker in the core, answered at once with the redrawn card', async () => {
    await click('29:dana', 'skima.decide', { 'jobId': 'job-1', 'applicationId': 'app-3', 'verdict': 'approve', 'note_app-3': ' Strong on POS ', 'note_app-4': 'not this one' });
    expect(h.services.decisions).toEqual([
      { jobId: 'job-1', applicationId: 'app-3', reviewer: { ashbyUserId: 'user-dana', name: 'Dana Lee', recruiter: false }, verdict: 'approve', note: 'Strong on POS' },
    ]);
    const body = invokeBody(h.sent[0]!);
    expect(h.sent[0]!.type).toBe('invokeResponse');
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(body.value)).toContain('Approve recorded with your note');
  });

  it('a replayed click is answered with the card but not recorded twice', async () => {
    await click('29:dana', 'skima.decide', { jobId: 'job-1', applicationId: 'app-1', verdict: 'skip' }, 'click-same');
    await click('29:dana', 'skima.decide', { jobId: 'job-1', applicationId: 'app-1', verdict: 'skip' }, 'click-same');
    expect(h.services.decisions).toHaveLength(1);
    expect(invokeBody(h.sent[1]!).type).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('refuses an unmatched clicker, and a job the clicker may not see exactly as one that does not exist', async () => {
    await click('29:eve', 'skima.decide', { jobId: 'job-1', applicationId: 'app-1', verdict: 'approve' });
    await click('29:dana', 'skima.decide', { jobId: 'job-2', applicationId: 'app-1', verdict: 'approve' });
    await click('29:dana', 'skima.decide', { jobId: 'job-404', applicationId: 'app-1', verdict: 'approve' });
    expect(h.services.decisions).toEqual([]);
    expect(h.sent.map((a) => invokeBody(a))).toEqual([
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: NOT_MATCHED },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: NO_ACCESS },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: NO_ACCESS },
    ]);
  });

  it('Open full shortlist mints a fresh personal link, sent as a card with Action.OpenUrl; the shortlist card stays', async () => {
    await click('29:dana', 'skima.openShortlist', { jobId: 'job-1' });
    expect(h.services.links).toEqual([{ jobId: 'job-1', reviewerId: 'user-dana' }]);
    const link = cardOf(h.sent[0]!)!;
    expect(link.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open', url: 'https://skima.test/s/token-1' }]);
    expect(invokeBody(h.sent[1]!).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(invokeBody(h.sent[1]!).value)).not.toContain('token-1');
  });

  it('Add to job: recruiters add once (a second click says so), anyone else is refused', async () => {
    await click('29:chris', 'skima.addToJob', { jobId: 'job-1', candidateId: 'cand-7' });
    await click('29:chris', 'skima.addToJob', { jobId: 'job-1', candidateId: 'cand-7' });
    await click('29:dana', 'skima.addToJob', { jobId: 'job-1', candidateId: 'cand-8' });
    expect(h.sent.map((a) => textOf(a))).toEqual([
      expect.stringContaining('Added to Store Manager in Ashby'),
      expect.stringContaining('Already an application on Store Manager'),
      expect.stringContaining(RECRUITERS_ONLY),
    ]);
    expect([...h.services.added.get('job-1')!]).toEqual(['cand-7']);
  });

  it('an unknown verb or malformed data is answered (never left spinning) and changes nothing', async () => {
    await click('29:dana', 'skima.nuke', { jobId: 'job-1' });
    await click('29:dana', 'skima.decide', { jobId: 'job-1', applicationId: 'app-1', verdict: 'hire' });
    expect(h.services.decisions).toEqual([]);
    expect(h.sent.map((a) => invokeBody(a).type)).toEqual(['application/vnd.microsoft.activity.message', 'application/vnd.microsoft.activity.message']);
  });
});

describe('Advance… / Archive… and skip reasons on the card', () => {
  type CardAction = { verb?: string; data?: Record<string, string>; title: string };
  type Card = { body: Array<Record<string, unknown>>; actions?: CardAction[] };
  const cardIn = (a: Partial<Activity>) => invokeBody(a).value as Card;
  const inputs = (c: Card) => c.body.filter((n) => String(n.type).startsWith('Input.'));
  const confirmData = (c: Card) => c.actions!.find((a) => a.verb === 'skima.disposition.confirm')!.data!;
  const clickOn = (user: string, verb: string, data: object, over: Partial<Activity> = {}) =>
    h.adapter.processActivity(from(user, personalChat(user), {
      type: 'invoke', name: 'adaptiveCard/action', id: `click-${++nextId}`, value: { action: { type: 'Action.Execute', verb, data } }, ...over,
    }), turn);

  it('Advance: the stages (next one preselected), then the one confirmation, then the batch starts and the card shows its progress', async () => {
    await clickOn('29:dana', 'skima.disposition.open', { jobId: 'job-1', applicationId: 'app-3', action: 'advance' });
    const choose = cardIn(h.sent[0]!);
    expect(JSON.stringify(choose)).toContain('Advance Person 3 in Ashby');
    expect(inputs(choose)).toEqual([expect.objectContaining({
      type: 'Input.ChoiceSet', id: 'dispoStage', value: 'next',
      choices: [{ title: 'The next stage of its interview plan', value: 'next' }, { title: 'Phone screen', value: 'stage-2' }, { title: 'Onsite', value: 'stage-3' }],
    })]);
    expect(h.services.batches.size).toBe(0); // nothing changes before the confirmation

    await clickOn('29:dana', 'skima.disposition.choose', { jobId: 'job-1', applicationId: 'app-3', action: 'advance', dispoStage: 'stage-3' });
    const confirm = cardIn(h.sent[1]!);
    expect(JSON.stringify(confirm)).toContain('Advance 1 application to \\"Onsite\\"?');
    expect(confirmData(confirm)).toMatchObject({ jobId: 'job-1', applicationId: 'app-3', action: 'advance', stageId: 'stage-3', key: expect.any(String) });
    expect(h.services.batches.size).toBe(0);

    await clickOn('29:dana', 'skima.disposition.confirm', confirmData(confirm), { replyToId: 'card-msg-1' });
    expect([...h.services.batches.values()].map((b) => b.ask)).toEqual([
      { reviewer: { ashbyUserId: 'user-dana', name: 'Dana Lee', recruiter: false }, jobId: 'job-1', applicationIds: ['app-3'], action: 'advance', stageId: 'stage-3' },
    ]);
    expect(JSON.stringify(cardIn(h.sent[2]!))).toMatch(/Advancing: \d of 1 done|1 advanced \(of 1\)/);
    // The core is told which message shows the progress, so the final count reaches it from any process.
    const [batchId, ref] = [...h.services.follows.entries()][0]!;
    expect(ref).toEqual({ conversationId: 'a:personal-29:dana', activityId: 'card-msg-1', serviceUrl: 'https://smba.example.test/teams/', jobId: 'job-1', batchId, action: 'advance' });
  });

  it('Archive: the reason is required (asked again without one), the email only when picked, then one batch with that reason', async () => {
    await clickOn('29:chris', 'skima.disposition.open', { jobId: 'job-1', applicationId: 'app-2', action: 'archive' });
    const choose = cardIn(h.sent[0]!);
    expect(inputs(choose)).toEqual([
      expect.objectContaining({ id: 'dispoReason', isRequired: true, choices: [{ title: 'Withdrew', value: 'reason-1' }, { title: 'Too inexperienced', value: 'reason-2' }] }),
      expect.objectContaining({ id: 'dispoTemplate', value: 'none', choices: [{ title: 'No email', value: 'none' }, { title: 'Rejection: thank you for applying', value: 'tpl-1' }] }),
    ]);
    expect(inputs(choose)[0]).not.toHaveProperty('value'); // no reason is preselected

    const target = { jobId: 'job-1', applicationId: 'app-2', action: 'archive' };
    await clickOn('29:chris', 'skima.disposition.choose', { ...target, dispoTemplate: 'none' });
    expect(JSON.stringify(cardIn(h.sent[1]!))).toContain('Pick one of Ashby\'s archive reasons.');
    await clickOn('29:chris', 'skima.disposition.choose', { ...target, dispoReason: 'reason-2', dispoTemplate: 'none' });
    const confirm = cardIn(h.sent[2]!);
    expect(JSON.stringify(confirm)).toContain('Archive 1 application with reason \\"Too inexperienced\\"?');
    expect(confirmData(confirm)).not.toHaveProperty('emailTemplateId');
    await clickOn('29:chris', 'skima.disposition.confirm', confirmData(confirm));
    expect([...h.services.batches.values()].map((b) => b.ask)).toEqual([
      expect.objectContaining({ jobId: 'job-1', applicationIds: ['app-2'], action: 'archive', archiveReasonId: 'reason-2' }),
    ]);
    expect([...h.services.batches.values()][0]!.ask).not.toHaveProperty('emailTemplateId');

    await clickOn('29:chris', 'skima.disposition.choose', { ...target, dispoReason: 'reason-1', dispoTemplate: 'tpl-1' });
    expect(JSON.stringify(cardIn(h.sent[4]!))).toContain('and send the rejection email you picked');
    expect(confirmData(cardIn(h.sent[4]!))).toMatchObject({ archiveReasonId: 'reason-1', emailTemplateId: 'tpl-1' });
  });

  it('refuses a hiring manager on another job (as a job that does not exist) and an archive without a recruiting role: saying why, starting nothing', async () => {
    h.services.teams.set('job-2', ['user-someone-else']);
    await clickOn('29:dana', 'skima.disposition.open', { jobId: 'job-2', applicationId: 'app-1', action: 'advance' });
    await clickOn('29:dana', 'skima.disposition.confirm', { jobId: 'job-2', applicationId: 'app-1', action: 'advance', key: 'k-forged' });
    await clickOn('29:dana', 'skima.disposition.open', { jobId: 'job-404', applicationId: 'app-1', action: 'advance' });
    await clickOn('29:dana', 'skima.disposition.open', { jobId: 'job-1', applicationId: 'app-1', action: 'archive' });
    await clickOn('29:dana', 'skima.disposition.confirm', { jobId: 'job-1', applicationId: 'app-1', action: 'archive', archiveReasonId: 'reason-1', key: 'k-2' });
    expect(h.sent.map((a) => invokeBody(a))).toEqual([
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: NO_ACCESS },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: NO_ACCESS },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: NO_ACCESS },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Archiving needs a recruiting role in Ashby.' },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Archiving needs a recruiting role in Ashby.' },
    ]);
    expect(h.services.batches.size).toBe(0);
  });

  it('a replayed confirmation (same Execute again, or its card clicked twice) starts one batch and shows its progress each time', async () => {
    const data = { jobId: 'job-1', applicationId: 'app-1', action: 'archive', archiveReasonId: 'reason-1', key: 'k-once' };
    const again = from('29:chris', personalChat('29:chris'), {
      type: 'invoke', name: 'adaptiveCard/action', id: 'click-replayed', replyToId: 'card-msg-2', value: { action: { type: 'Action.Execute', verb: 'skima.disposition.confirm', data } },
    });
    await h.adapter.processActivity(again, turn);
    await h.adapter.processActivity(again, turn);
    await clickOn('29:chris', 'skima.disposition.confirm', data, { replyToId: 'card-msg-2' });
    expect(h.services.batches.size).toBe(1);
    expect(h.sent).toHaveLength(3);
    for (const a of h.sent) expect(invokeBody(a).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(cardIn(h.sent[2]!))).toContain('1 archived (of 1)');
  });

  it('the final count is drawn into the card the batch was confirmed on, in place, when the core asks (no click needed)', async () => {
    await installed('29:chris');
    await say('29:chris', 'shortlist store manager');
    const posted = h.sent.find((a) => cardOf(a) && a.conversation?.id === 'a:personal-29:chris')!;
    const data = { jobId: 'job-1', applicationId: 'app-1', action: 'archive', archiveReasonId: 'reason-1', key: 'k-final' };
    await clickOn('29:chris', 'skima.disposition.confirm', data, { replyToId: posted.id });
    const ref = [...h.services.follows.values()][0]!;
    const final = { total: 1, done: 0, unchanged: 0, failed: 1, queued: 0, finished: true, summary: '0 archived, 1 failed (of 1)', failures: ['Its stage changed in Ashby since you confirmed (now "Onsite"); left as it is.'] };
    await showDispositionProgress(h.deps.connector, h.conversations, ref, final);
    const shownNow = JSON.stringify(cardOf(h.sent.find((a) => a.id === posted.id)!));
    expect(shownNow).toContain('⚠️ 0 archived, 1 failed (of 1)');
    expect(shownNow).toContain('Its stage changed in Ashby since you confirmed');
    expect(shownNow).not.toContain('Refresh');
    await expect(showDispositionProgress(h.deps.connector, h.conversations, { activityId: 'x' }, final)).rejects.toThrow(/bad_progress_ref/);
  });

  it('Skip offers the optional reason beside each candidate; the one picked is stored with the decision, and only with Skip', async () => {
    await click('29:dana', 'skima.decide', { 'jobId': 'job-1', 'applicationId': 'app-2', 'verdict': 'skip', 'skipReason_app-2': 'requirements', 'skipReason_app-3': 'reason-2' });
    await click('29:dana', 'skima.decide', { 'jobId': 'job-1', 'applicationId': 'app-3', 'verdict': 'approve', 'skipReason_app-3': 'reason-2' });
    await click('29:dana', 'skima.decide', { 'jobId': 'job-1', 'applicationId': 'app-4', 'verdict': 'skip', 'skipReason_app-4': 'reason-gone' });
    const reasonOf = (d: object) => (d as { skipReasonId?: string }).skipReasonId;
    const stored = h.services.decisions.map((d) => [d.applicationId, d.verdict, reasonOf(d)]);
    expect(stored).toEqual([
      ['app-2', 'skip', 'requirements'],
      ['app-3', 'approve', undefined],
    ]);
    const redrawn = JSON.stringify(invokeBody(h.sent[0]!).value);
    expect(redrawn).toContain('Skip recorded with your reason');
    expect(redrawn).toContain('"id":"skipReason_app-1"');
    expect(redrawn).toContain('Not a fit for the requirements');
    expect(invokeBody(h.sent[2]!)).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('not saved') });
  });
});
