// Every Teams command and card action through botbuilder's TestAdapter, over fakes of the core's port:
// what the person sees, what reaches the core, and what is refused (leaking nothing about other jobs).
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES } from '../../../src/bot/teams/adaptive-card.ts';
import type { RediscoverReport, Reviewer } from '../../../src/bot/ports.ts';
import { NO_ACCESS, NO_PERSONAL_CHAT, NOT_MATCHED, RECRUITERS_ONLY } from '../../../src/bot/teams/messages.ts';
import { teamsTurn } from '../../../src/bot/teams/turn.ts';
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
