// POST /api/messages through fastify and botbuilder's CloudAdapter: refused without an Authorization
// header, and with a JWT signed by a key that is not among the Bot Framework's published keys;
// accepted with one signed by a published key (so the refusals are the keys' doing, not the route's).
import Fastify, { type FastifyInstance } from 'fastify';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamsFrontDoor } from '../../../src/bot/teams/front-door.ts';
import type { TeamsServices } from '../../../src/bot/teams/services.ts';
import { connectorToken, serveBotFrameworkKeys, signingKey } from '../../helpers/bot-framework.ts';
import { FakeConversations, fakeRoster } from './fakes.ts';
import { FakeServices } from '../slack/fakes.ts';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'https://smba.example.test/teams/';
const published = signingKey('bf-key-1');
const stranger = signingKey('bf-key-1'); // the same key id, another key: a forged signature

const activity = {
  type: 'conversationUpdate',
  id: 'f:1',
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  from: { id: '29:dana', aadObjectId: 'aad-dana' },
  recipient: { id: `28:${APP_ID}`, name: 'Skima' },
  conversation: { id: 'a:personal-dana', conversationType: 'personal', tenantId: 'tenant-1' },
  membersAdded: [{ id: `28:${APP_ID}` }],
};

describe('POST /api/messages', () => {
  let app: FastifyInstance;
  let conversations: FakeConversations;

  beforeAll(async () => {
    nock.disableNetConnect();
    serveBotFrameworkKeys([published]);
    conversations = new FakeConversations();
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const door = new TeamsFrontDoor(
      { appId: APP_ID, appPassword: 'secret', tenantId: '99999999-8888-7777-6666-555555555555', multiTenant: false },
      new FakeServices() as unknown as TeamsServices,
      conversations,
      log,
      { roster: fakeRoster },
    );
    app = Fastify();
    await app.register(door.routes);
  });
  afterAll(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('refuses a request without an Authorization header with 401, before botbuilder sees it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/messages', payload: activity });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized' });
    expect(conversations.stored.size).toBe(0);
  });

  it('refuses a JWT signed by a key that is not the Bot Framework\'s with 401', async () => {
    const authorization = connectorToken(stranger, { appId: APP_ID, serviceUrl: SERVICE_URL });
    const res = await app.inject({ method: 'POST', url: '/api/messages', payload: activity, headers: { authorization } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized' });
    expect(conversations.stored.size).toBe(0);
  });

  it('refuses a Bot Framework JWT for another bot (audience) with 401', async () => {
    const authorization = connectorToken(published, { appId: '00000000-0000-0000-0000-000000000000', serviceUrl: SERVICE_URL });
    const res = await app.inject({ method: 'POST', url: '/api/messages', payload: activity, headers: { authorization } });
    expect(res.statusCode).toBe(401);
  });

  it('answers forged, tampered, expired and mangled requests with a bare 4xx (never a 5xx or a leak), storing nothing', async () => {
    const good = connectorToken(published, { appId: APP_ID, serviceUrl: SERVICE_URL });
    const [header, payload, signature] = good.slice('Bearer '.length).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const expired = Math.floor(Date.now() / 1000) - 600;
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const tokens = [
      `Bearer ${header}.${b64({ ...claims, aud: 'someone-else' })}.${signature}`, // payload changed after signing
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `Bearer ${b64({ alg: 'HS256', typ: 'JWT', kid: 'bf-key-1' })}.${payload}.${signature}`,
      connectorToken(published, { appId: APP_ID, serviceUrl: SERVICE_URL }, { exp: expired }),
      connectorToken(published, { appId: APP_ID, serviceUrl: SERVICE_URL }, { iss: 'https://sts.windows.net/evil/' }),
      connectorToken(signingKey('unknown-kid'), { appId: APP_ID, serviceUrl: SERVICE_URL }),
      'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'x'.repeat(5000)}`, 'Bearer a.b.c', `Bearer ${header}.${payload}`,
    ];
    for (const authorization of tokens) {
      const res = await app.inject({ method: 'POST', url: '/api/messages', payload: activity, headers: { authorization } });
      expect(res.statusCode, authorization.slice(0, 40)).toBe(401);
      expect(res.json()).toEqual({ error: 'unauthorized' });
    }
    // Mangled bodies with a good token: refused before the turn runs.
    for (const payloadText of ['[]', '"text"', '{}', '{"type":""}', '{"type":5}', 'null']) {
      const res = await app.inject({ method: 'POST', url: '/api/messages', payload: payloadText, headers: { 'authorization': good, 'content-type': 'application/json' } });
      expect(res.statusCode, payloadText).toBe(400);
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/messages', payload: '{"type":', headers: { 'authorization': good, 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    const form = await app.inject({ method: 'POST', url: '/api/messages', payload: 'type=message', headers: { 'authorization': good, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    expect(conversations.stored.size).toBe(0);
  });

  it('accepts a JWT signed by a published key for this app id, and the install is stored', async () => {
    const authorization = connectorToken(published, { appId: APP_ID, serviceUrl: SERVICE_URL });
    const res = await app.inject({ method: 'POST', url: '/api/messages', payload: activity, headers: { authorization } });
    expect(res.statusCode).toBe(200);
    expect(conversations.stored.get('a:personal-dana')).toMatchObject({ scope: 'personal', email: 'dana@example.com' });
  });
});
