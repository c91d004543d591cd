// The whole Skima on loopback with Teams on, driven over HTTP as the Bot Framework Connector drives it:
// activities signed with a key the test publishes as the Bot Framework's (nock serves the OpenID
// metadata and keys), the bot's token from a nocked Entra token endpoint, and every reply and card
// update arriving at a Connector stand-in at the activities' serviceUrl, asserted call by call.
// A hiring manager installs Skima, gets their job's card unasked, approves a candidate with a note: the
// decision reaches the Ashby sandbox "via Teams" and the card is updated in place.
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/app.ts';
import { postDigest } from '../../src/core/chat/chat-cards.ts';
import { RECRUITING_GLOBAL_ROLES } from '../../src/core/disposition/roles.ts';
import { hiringTeamOf } from '../../src/core/people/hiring-team.ts';
import { SHORTLIST_CHANGED_QUEUE } from '../../src/core/shortlist/shortlist.ts';
import { connectorToken, serveBotFrameworkKeys, signingKey } from '../helpers/bot-framework.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';
import { resumePdf } from '../helpers/resume-pdf.ts';

const APP_ID = '0b1e4a57-5b9c-4d3e-9f7a-2c6d8e1f3a5b';
const TENANT = '7d2c9e41-3f6a-4b8d-a1e5-9c0b2d4f6e8a';
const SERVICE = 'https://smba.connector.test';
const SERVICE_URL = `${SERVICE}/teams/`;
const key = signingKey('bf-e2e');
/** The recruiter's OneDrive, where Teams keeps a file sent to the bot (nocked). */
const FILES = 'https://northwind-my.sharepoint.com';

interface ConnectorCall {
  method: string;
  /** The id the stand-in gave a new activity. */
  id?: string;
  path: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

describe('Teams, end to end over HTTP', () => {
  let h: SkimaHarness;
  const calls: ConnectorCall[] = [];
  const tokenRequests: string[] = [];
  let nextActivity = 0;
  let member: { id: string; aadObjectId: string; email: string; name: string };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveBotFrameworkKeys([key]);
    // Microsoft Entra: MSAL's authority discovery, then the client-credentials token for the bot.
    nock('https://login.microsoftonline.com').persist()
      .get(/\/common\/discovery\/instance/).reply(200, {
        'tenant_discovery_endpoint': `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        'metadata': [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }],
      })
      .get(`/${TENANT}/v2.0/.well-known/openid-configuration`).reply(200, {
        token_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
        authorization_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        end_session_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/logout`,
        jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      })
      .post(new RegExp(`^/${TENANT}/oauth2/v2\\.0/token(\\?|$)`)).reply(200, (_uri, body) => {
        tokenRequests.push(String(body));
        return { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'bot-token-1' };
      });
    // The Connector stand-in: the roster, new activities (POST …/activities) and replies to one
    // (POST …/activities/{replyToId}), and updates (PUT …/activities/{id}), each recorded.
    type Interceptor = { req: { headers: Record<string, string> } };
    const record = (method: string) => function (this: Interceptor, path: string, body: unknown) {
      const authorization = this.req.headers.authorization;
      calls.push({ method, path, body: (body ?? {}) as Record<string, unknown>, authorization });
    };
    nock(SERVICE).persist()
      .get(/\/teams\/v3\/conversations\/[^/]+\/members\/[^/]+$/).reply(200, function (path) {
        record('GET').call(this as never, path, undefined);
        return member;
      })
      .post(/\/teams\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/).reply(201, function (path, body) {
        record('POST').call(this as never, path, body);
        const id = `1:activity-${++nextActivity}`;
        calls.at(-1)!.id = id;
        return { id };
      })
      .put(/\/teams\/v3\/conversations\/[^/]+\/activities\/[^/]+$/).reply(200, function (path, body) {
        record('PUT').call(this as never, path, body);
        return { id: path.split('/').pop() };
      });
    h = await startHarness('sqlite', {
      env: { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'app-password-1', TEAMS_TENANT_ID: TENANT },
    });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function post(activity: Record<string, unknown>) {
    const res = await fetch(`${h.skima.address}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': connectorToken(key, { appId: APP_ID, serviceUrl: SERVICE_URL }) },
      body: JSON.stringify({ channelId: 'msteams', serviceUrl: SERVICE_URL, timestamp: new Date().toISOString(), ...activity }),
    });
    return { status: res.status, body: res.status === 200 && res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
  }

  it('a hiring manager installs Skima, gets their job\'s card unasked, approves with a note: written to Ashby via Teams, card updated in place', { timeout: 90_000 }, async () => {
    const ctx = h.skima.ctx;
    const job = await ctx.db.job.findFirstOrThrow({ where: { shortlist: { some: {} } }, orderBy: { id: 'asc' } });
    const manager = hiringTeamOf(job).find((m) => m.role === 'Hiring Manager')!;
    member = { id: '29:manager', aadObjectId: 'aad-manager-1', email: manager.email!.toUpperCase(), name: 'The Manager' };
    const conversationId = 'a:1personal-manager';
    const conversation = { id: conversationId, conversationType: 'personal', tenantId: TENANT };
    const user = { id: '29:manager', aadObjectId: 'aad-manager-1' };
    const bot = { id: `28:${APP_ID}`, name: 'Skima' };

    // 1. Installed in the manager's personal scope: the reference is stored with their roster email, and
    // they are greeted with the commands.
    const install = await post({ type: 'installationUpdate', action: 'add', id: 'f:install', from: user, recipient: bot, conversation });
    expect(install.status).toBe(200);
    const activities = `/teams/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /teams/v3/conversations/${encodeURIComponent(conversationId)}/members/29%3Amanager`,
      `POST ${activities}/${encodeURIComponent('f:install')}`, // the greeting, a reply to the install
    ]);
    expect(JSON.stringify(calls[1]!.body)).toContain('shortlist <job>');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toContain(`client_id=${APP_ID}`);
    expect(tokenRequests[0]).toContain('scope=https%3A%2F%2Fapi.botframework.com%2F.default');
    expect(calls[0]!.authorization).toBe('Bearer bot-token-1');

    // 2. Their job's card follows in their 1:1 chat, proactively (a queued card job, not the request).
    const posted = await waitFor('the card POSTed to the Connector', () =>
      calls.find((c) => c.method === 'POST' && JSON.stringify(c.body).includes('skima.decide')), 30_000);
    expect(posted.path).toBe(activities);
    expect(posted.authorization).toBe('Bearer bot-token-1');
    const attachment = (posted.body.attachments as { contentType: string; content: { version: string } }[])[0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.version).toBe('1.5');
    expect(JSON.stringify(attachment.content)).toContain(job.title);
    const activityId = posted.id!.slice(2);
    // Saved once the Connector has answered with the new activity's id.
    const stored = await waitFor('the posted card\'s ref', () =>
      ctx.db.postedCard.findUnique({ where: { platform_jobId_recipient: { platform: 'teams', jobId: job.id, recipient: 'aad-manager-1' } } }), 10_000);
    expect(stored.messageRef).toMatchObject({ conversationId, activityId: `1:${activityId}`, serviceUrl: SERVICE_URL });

    // 3. Approve the top candidate with a note: the invoke is answered at once with the updated card.
    const top = await ctx.db.shortlistEntry.findFirstOrThrow({
      where: { jobId: job.id, rank: 1 },
      include: { application: true },
    });
    const click = await post({
      type: 'invoke', name: 'adaptiveCard/action', id: 'f:click-1', from: user, recipient: bot, conversation, replyToId: `1:${activityId}`,
      value: { action: { type: 'Action.Execute', verb: 'skima.decide', data: { jobId: job.id, applicationId: top.applicationId, verdict: 'approve', [`note_${top.applicationId}`]: 'Strong on the must-haves' } } },
    });
    expect(click.status).toBe(200);
    expect(click.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
    expect(JSON.stringify(click.body)).toContain('Approve recorded with your note');

    // The decision reaches the Ashby sandbox, as written "via Teams".
    const note = await waitFor('the feedback note in Ashby', () =>
      writesFor(h.sandbox, 'candidate.createNote', (b) => b.candidateId === top.application.candidateId)[0], 30_000);
    expect(JSON.stringify(note.body)).toContain('Strong on the must-haves');
    expect(JSON.stringify(note.body)).toContain('via Teams');
    const decision = await ctx.db.decision.findFirstOrThrow({ where: { applicationId: top.applicationId } });
    expect(decision).toMatchObject({ channel: 'teams', verdict: 'approve', reviewerId: manager.userId });

    // 4. The top-10 changed: the posted card is updated in place (PUT), never posted again.
    const postsBefore = calls.filter((c) => c.method === 'POST').length;
    await ctx.queue.enqueue(SHORTLIST_CHANGED_QUEUE, { jobId: job.id }, { idempotencyKey: `test:${job.id}:2` });
    const put = await waitFor('the card PUT in place', () => calls.find((c) => c.method === 'PUT'), 30_000);
    expect(put.path).toBe(`/teams/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(`1:${activityId}`)}`);
    expect(put.body).toMatchObject({ type: 'message', id: `1:${activityId}` });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(postsBefore);
    expect(tokenRequests).toHaveLength(1); // the token is cached between calls
  });

  it('"@Skima digest here" in a channel (a recruiter) makes it the weekly digest\'s; the digest job posts there', async () => {
    const ctx = h.skima.ctx;
    let recruiterEmail: string | undefined;
    for await (const u of ctx.ashby.client.user.list()) {
      if (u.isEnabled && u.email && RECRUITING_GLOBAL_ROLES.has(u.globalRole)) recruiterEmail ??= u.email;
    }
    member = { id: '29:recruiter', aadObjectId: 'aad-recruiter-1', email: recruiterEmail!, name: 'The Recruiter' };
    const channelId = '19:hiring@thread.tacv2';
    const conversation = { id: channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT };
    const bot = { id: `28:${APP_ID}`, name: 'Skima' };
    const before = calls.length;
    const said = await post({
      type: 'message', id: 'f:digest-here', text: '<at>Skima</at> digest here', from: { id: '29:recruiter', aadObjectId: 'aad-recruiter-1' },
      recipient: bot, conversation, entities: [{ type: 'mention', text: '<at>Skima</at>', mentioned: bot }],
    });
    expect(said.status).toBe(200);
    const channelActivities = `/teams/v3/conversations/${encodeURIComponent(channelId)}/activities`;
    const answer = calls.slice(before).find((c) => c.method === 'POST')!;
    expect(answer.path).toBe(`${channelActivities}/${encodeURIComponent('f:digest-here')}`);
    expect(JSON.stringify(answer.body)).toContain('comes to this channel every Monday');
    const door = ctx.chat.find((d) => d.channel === 'teams')!;
    await postDigest(ctx, door);
    const digest = calls.at(-1)!;
    expect(`${digest.method} ${digest.path}`).toBe(`POST ${channelActivities}`);
    expect(JSON.stringify(digest.body)).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('a recruiter sends a resume in the 1:1 chat: previewed, added to Ashby on Add, and its score follows in the chat once screened', { timeout: 90_000 }, async () => {
    const ctx = h.skima.ctx;
    member = { id: '29:renee', aadObjectId: 'aad-renee-1', email: 'renee.alvarez@northwind.example', name: 'Renee' };
    const conversationId = 'a:1personal-renee';
    const conversation = { id: conversationId, conversationType: 'personal', tenantId: TENANT };
    const user = { id: '29:renee', aadObjectId: 'aad-renee-1' };
    const bot = { id: `28:${APP_ID}`, name: 'Skima' };
    const activities = `/teams/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    const job = await ctx.db.job.findFirstOrThrow({ where: { status: 'Open' }, orderBy: { id: 'asc' } });
    const pdf = await resumePdf(['Imani Clarke', 'imani.clarke@example.org | +1 (303) 555-0188', 'Store manager, Northwind, 2018 - 2024']);
    const path = '/personal/renee/_layouts/15/download.aspx?UniqueId=9f1c&tempauth=v1.e2e';
    nock(FILES).persist().get(path).reply(200, pdf, { 'content-type': 'application/octet-stream' });
    const before = calls.length;

    // 1. The file, as Teams sends it: "Reading …" at once (a reply), then the preview in its place (PUT).
    const dropped = await post({
      type: 'message', id: 'f:drop-1', text: `for ${job.title}`, from: user, recipient: bot, conversation,
      attachments: [
        { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'Imani_Clarke.pdf', content: { downloadUrl: `${FILES}${path}`, uniqueId: '9f1c', fileType: 'pdf' } },
        { contentType: 'text/html', content: `<p>for ${job.title}</p>` },
      ],
    });
    expect(dropped.status).toBe(200);
    const reading = await waitFor('"Reading …"', () => calls.slice(before).find((c) => c.method === 'POST' && JSON.stringify(c.body).includes('Reading Imani_Clarke.pdf')), 10_000);
    expect(reading.path).toBe(`${activities}/${encodeURIComponent('f:drop-1')}`);
    const preview = await waitFor('the preview', () => calls.slice(before).find((c) => c.method === 'PUT' && JSON.stringify(c.body).includes('skima.resumeAdd')), 30_000);
    expect(preview.path).toBe(`${activities}/${encodeURIComponent(reading.id!)}`);
    expect(JSON.stringify(preview.body)).toContain('Not in Ashby yet');
    type Button = { verb: string; data: Record<string, string> };
    const card = (preview.body.attachments as { content: { actions: Button[] } }[])[0]!.content;
    const add = card.actions.find((a) => a.verb === 'skima.resumeAdd')!;

    // 2. Add: the card says "Adding …" at once, then what was created; one candidate in the sandbox.
    const click = await post({
      type: 'invoke', name: 'adaptiveCard/action', id: 'f:add-1', from: user, recipient: bot, conversation, replyToId: reading.id,
      value: { action: { type: 'Action.Execute', verb: add.verb, data: add.data } },
    });
    expect(click.status).toBe(200);
    expect(JSON.stringify(click.body)).toContain('Adding the candidate to Ashby');
    const done = await waitFor('what was created', () => calls.slice(before).find((c) => c.method === 'PUT' && JSON.stringify(c.body).includes('created in Ashby')), 30_000);
    expect(JSON.stringify(done.body)).toContain(`Imani Clarke created in Ashby with this resume, and added to ${job.title}`);
    expect(writesFor(h.sandbox, 'candidate.create', (b) => JSON.stringify(b).includes('imani.clarke@example.org'))).toHaveLength(1);

    // 3. Screened by the worker: the score comes to the same chat, a new message (not a reply).
    const score = await waitFor('the score in the 1:1 chat', () =>
      calls.slice(before).find((c) => c.method === 'POST' && c.path === activities && JSON.stringify(c.body).includes('Imani Clarke for')), 60_000);
    expect(JSON.stringify(score.body)).toMatch(new RegExp(`Imani Clarke for ${job.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(: \\d+/100| could not be scored)`));
    expect(await ctx.db.screeningFollowUp.count()).toBe(0);
  });

  it('refuses an unsigned POST with 401 and a JWT for another bot with 401', async () => {
    const unsigned = await fetch(`${h.skima.address}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' });
    expect(unsigned.status).toBe(401);
    const other = await fetch(`${h.skima.address}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': connectorToken(key, { appId: '00000000-0000-0000-0000-000000000001', serviceUrl: SERVICE_URL }) },
      body: JSON.stringify({ type: 'message', text: 'status', channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: 'x' }, from: { id: '29:x' } }),
    });
    expect(other.status).toBe(401);
  });
});
