// The calls the core's workers make of the Teams front door (cards to hiring managers, the digest),
// through the real CloudAdapter against a nocked Entra token endpoint and Connector: each failure comes
// out as the port's DeliveryError with the right kind, and a refused password pauses sending.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, type DigestReport } from '../../../src/bot/ports.ts';
import { classifyTeamsError, loggableError } from '../../../src/bot/teams/errors.ts';
import { TeamsFrontDoor } from '../../../src/bot/teams/front-door.ts';
import type { TeamsServices } from '../../../src/bot/teams/services.ts';
import { FakeServices } from '../slack/fakes.ts';
import { DANA, FakeConversations, fakeRoster } from './fakes.ts';

const APP_ID = '0b1e4a57-5b9c-4d3e-9f7a-2c6d8e1f3a5b';
const TENANT = '7d2c9e41-3f6a-4b8d-a1e5-9c0b2d4f6e8a';
const SERVICE = 'https://smba.delivery.test';
const SERVICE_URL = `${SERVICE}/teams/`;
const CONV = 'a:personal-dana';
const ACTIVITIES = `/teams/v3/conversations/${encodeURIComponent(CONV)}/activities`;

function entra(status = 200) {
  const login = nock('https://login.microsoftonline.com').persist();
  login.get(/\/common\/discovery\/instance/).reply(200, {
    tenant_discovery_endpoint: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
    metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com'] }],
  });
  login.get(`/${TENANT}/v2.0/.well-known/openid-configuration`).reply(200, {
    token_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    authorization_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
  });
  let tokens = 0;
  login.post(new RegExp(`^/${TENANT}/oauth2/v2\\.0/token`)).reply(() => {
    tokens++;
    return status === 200
      ? [200, { token_type: 'Bearer', expires_in: 3599, access_token: 'bot-token' }]
      : [status, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] }];
  });
  return { tokens: () => tokens };
}

const digest: DigestReport = {
  from: new Date('2026-11-23'), to: new Date('2026-11-30'), applicationsScreened: 40, unscorable: 1, medianTimeToScreenMs: 60_000,
  medianManagerResponseMs: null, decisions: { approve: 3, skip: 2, maybe: 1 }, followedRankingShare: 0.8,
  interviewsFromTopTen: 2, hires: 0,
  jobs: [{ jobId: 'job-1', title: 'Store Manager', screened: 40, approvals: 3 }], trends: [],
};

describe('Teams deliveries', () => {
  let services: FakeServices;
  let conversations: FakeConversations;
  let door: TeamsFrontDoor;

  beforeEach(async () => {
    nock.disableNetConnect();
    services = new FakeServices();
    conversations = new FakeConversations();
    await conversations.save({
      conversationId: CONV, scope: 'personal', userId: 'aad-dana', email: 'dana@example.com',
      reference: { channelId: 'msteams', serviceUrl: SERVICE_URL, bot: { id: `28:${APP_ID}` }, user: { id: '29:dana' }, conversation: { id: CONV, conversationType: 'personal', tenantId: TENANT } },
    });
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    door = new TeamsFrontDoor(
      { appId: APP_ID, appPassword: 'pw', tenantId: TENANT, multiTenant: false },
      services as unknown as TeamsServices, conversations, log, { roster: fakeRoster },
    );
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const deliver = () => door.deliverCard({ jobId: 'job-1', email: 'DANA@example.com', reviewer: DANA });
  const failure = (p: Promise<unknown>) =>
    p.then(() => null, (err: unknown) => (err instanceof DeliveryError ? err.failure : err));

  it('posts a new card, then updates it in place; a card gone (404 on the update) is posted afresh', async () => {
    entra();
    const connector = nock(SERVICE)
      .post(ACTIVITIES).reply(201, { id: '1:first' })
      .put(`${ACTIVITIES}/${encodeURIComponent('1:first')}`).reply(200, { id: '1:first' })
      .put(`${ACTIVITIES}/${encodeURIComponent('1:first')}`).reply(404, { error: { code: 'NotFound', message: 'gone' } })
      .post(ACTIVITIES).reply(201, { id: '1:second' });
    expect(await deliver()).toMatchObject({ posted: true, ref: { activityId: '1:first' } });
    expect(await deliver()).toMatchObject({ posted: false, ref: { activityId: '1:first' } });
    expect(await deliver()).toMatchObject({ posted: true, ref: { activityId: '1:second' } });
    expect(await services.cardRef('job-1', 'aad-dana')).toEqual({ conversationId: CONV, activityId: '1:second', serviceUrl: SERVICE_URL });
    expect(connector.isDone()).toBe(true);
  });

  it('a 429 from the Connector is rate_limited with its Retry-After', async () => {
    entra();
    nock(SERVICE).post(ACTIVITIES).times(20).reply(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '1' });
    expect(await failure(deliver())).toEqual({ kind: 'rate_limited', code: 'http_429', retryAfterMs: 1000 });
  });

  it('a 403 (the app was removed, the person left) is a recipient failure, and the conversation is forgotten', async () => {
    entra();
    nock(SERVICE).post(ACTIVITIES).reply(403, { error: { code: 'BotNotInConversationRoster' } });
    expect(await failure(deliver())).toEqual({ kind: 'recipient', code: 'http_403' });
    expect(await conversations.get(CONV)).toBeNull();
  });

  it('a hiring manager without a 1:1 chat with Skima is a recipient failure (reported by the core, then skipped)', async () => {
    expect(await failure(door.deliverCard({ jobId: 'job-1', email: 'someone@example.com', reviewer: DANA }))).toEqual({ kind: 'recipient', code: 'no_personal_chat' });
  });

  it('a refused app password is auth, reported once for status and setup, and sending pauses (no token request per card)', async () => {
    const login = entra(401);
    // Another app id than the other tests', whose token botbuilder keeps for the process.
    const appId = '5e0c3b8a-1d2f-4a6b-9c7e-0f1a2b3c4d5e';
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    door = new TeamsFrontDoor({ appId, appPassword: 'wrong', tenantId: TENANT, multiTenant: false }, services as unknown as TeamsServices, conversations, log);
    const first = await failure(deliver());
    expect(login.tokens()).toBeGreaterThan(0);
    expect(first).toMatchObject({ kind: 'auth' });
    expect(services.errors).toEqual([{ source: 'teams:auth', message: (first as { code: string }).code }]);
    const tokensAfterFirst = login.tokens();
    expect(await failure(deliver())).toMatchObject({ kind: 'auth' });
    expect(login.tokens()).toBe(tokensAfterFirst);
    expect(services.errors).toHaveLength(1);
  });

  it('posts a notice (hired, a reminder) in the person\'s 1:1 chat; without one it is a recipient failure', async () => {
    entra();
    const notice = { kind: 'hired' as const, headline: 'Hired for Store Manager', lines: ['Congratulations'], jobId: 'job-1' };
    const posted = nock(SERVICE).post(ACTIVITIES, (body) => JSON.stringify(body).includes('Hired for Store Manager')).reply(201, { id: '1:n' });
    await door.postNotice({ email: 'Dana@Example.com' }, notice);
    expect(posted.isDone()).toBe(true);
    expect(door.hiresChannel).toBe(false);
    await door.postNotice({ channel: 'hires' }, notice); // no hires channel in Teams: nothing is sent
    await expect(door.postNotice({ email: 'nobody@example.com' }, notice)).rejects.toMatchObject({ failure: { kind: 'recipient' } });
  });

  it('posts the score of a resume someone added in Teams to the chat of the user id they acted under', async () => {
    entra();
    const notice = { kind: 'screened' as const, headline: 'Imani Clarke for Store Manager: 82/100', lines: ['• 6 yrs store management'], jobId: 'job-1' };
    const posted = nock(SERVICE).post(ACTIVITIES, (body) => JSON.stringify(body).includes('Imani Clarke for Store Manager: 82/100')).reply(201, { id: '1:s' });
    await door.postNotice({ user: 'aad-dana' }, notice);
    expect(posted.isDone()).toBe(true);
    await expect(door.postNotice({ user: 'aad-nobody' }, notice)).rejects.toMatchObject({ failure: { kind: 'recipient', code: 'no_personal_chat' } });
  });

  it('posts the digest to TEAMS_DIGEST_CONVERSATION_ID, else to the channel that said "digest here", else reports there is none', async () => {
    entra();
    await expect(door.postDigest(digest)).rejects.toMatchObject({ failure: { kind: 'recipient', code: 'no_digest_conversation' } });
    expect(door.wantsDigest).toBe(false);
    const channel = '19:hiring@thread.tacv2';
    await conversations.save({ conversationId: channel, scope: 'channel', reference: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: channel, conversationType: 'channel', isGroup: true } } });
    await conversations.setDigestTarget(channel);
    await door.loadDigestTarget();
    expect(door.wantsDigest).toBe(true);
    const posted = nock(SERVICE).post(`/teams/v3/conversations/${encodeURIComponent(channel)}/activities`, (body) => JSON.stringify(body).includes('Store Manager')).reply(201, { id: '1:digest' });
    await door.postDigest(digest);
    expect(posted.isDone()).toBe(true);
  });
});

describe('loggableError', () => {
  it('keeps the kind, codes and a line of the message of a Connector error, never its request (token, card)', () => {
    const err = Object.assign(new Error('Conversation not found.\nmore'), {
      name: 'RestError', code: 'ConversationNotFound', statusCode: 404,
      request: { headers: { authorization: 'Bearer secret-token' }, body: '{"text":"Person 1, resume quote"}' },
    });
    const logged = loggableError(err);
    expect(logged).toEqual({ type: 'RestError', code: 'ConversationNotFound', statusCode: 404, message: 'Conversation not found.' });
    expect(JSON.stringify(logged)).not.toMatch(/secret-token|resume quote/);
  });
});

describe('classifyTeamsError', () => {
  it('tells a gone message from a gone conversation by what was attempted', () => {
    expect(classifyTeamsError({ statusCode: 404 }, 'update')).toEqual({ kind: 'message_gone', code: 'http_404' });
    expect(classifyTeamsError({ statusCode: 404 }, 'send')).toEqual({ kind: 'recipient', code: 'http_404' });
    expect(classifyTeamsError({ statusCode: 401 }, 'send')).toEqual({ kind: 'auth', code: 'http_401' });
    expect(classifyTeamsError({ statusCode: 400 }, 'send')).toEqual({ kind: 'other', code: 'http_400' });
    // (botbuilder's Connector client retries 5xx and network errors itself, with backoff, before it throws.)
    expect(classifyTeamsError({ name: 'RestError', statusCode: 503 }, 'send')).toEqual({ kind: 'transient', code: 'http_503' });
    expect(classifyTeamsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'update')).toEqual({ kind: 'transient', code: 'econnreset' });
    expect(classifyTeamsError({ name: 'RestError', code: 'REQUEST_SEND_ERROR' }, 'send')).toEqual({ kind: 'transient', code: 'request_send_error' });
    expect(classifyTeamsError(Object.assign(new Error('x'), { name: 'ServerError', errorCode: 'invalid_client' }), 'send')).toEqual({ kind: 'auth', code: 'token_invalid_client' });
  });
});
