// POST /slack/events through the fastify server with real Slack signatures; Slack's Web API and
// response_url intercepted with nock, asserting the exact calls Skima makes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decideActionId, encodeCandidate, NOTE_BLOCK, NOTE_INPUT, NOTE_MODAL_CALLBACK, VERDICT_BLOCK, VERDICT_INPUT } from '../../src/bot/slack/ids.ts';
import { closeContext, createContext, type AppContext } from '../../src/core/context.ts';
import { refreshShortlist } from '../../src/core/shortlist.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLogger } from '../helpers/logger.ts';
import { testConfig } from '../helpers/skima.ts';
import {
  ashbyWithUsers,
  fakeResponseUrl,
  fakeSlackApi,
  form,
  interaction,
  type RecordedCall,
  SLACK_ENV,
  signed,
  slackUserAnswer,
} from '../helpers/slack.ts';
import { waitFor } from '../helpers/wait.ts';

async function seed(ctx: AppContext) {
  const db = ctx.db;
  await db.job.create({
    data: {
      id: 'job-1',
      title: 'Store Manager',
      status: 'Open',
      hiringTeam: [{ userId: 'user-dana', role: 'Hiring Manager', email: 'dana@example.com', firstName: 'Dana', lastName: 'Lee' }],
    },
  });
  for (const [i, score] of [88, 71, 52].entries()) {
    await db.candidate.create({ data: { id: `c-${i}`, name: `Person ${i}` } });
    await db.application.create({ data: { id: `a-${i}`, candidateId: `c-${i}`, jobId: 'job-1', status: 'Active', currentScore: score, screeningState: 'scored' } });
    await db.score.create({
      data: {
        applicationId: `a-${i}`,
        score,
        reasons: [{ text: 'Retail experience', quote: 'Sales associate 2019-2023', start: 0, end: 25 }],
        missing: [],
        features: {},
        scorerVersion: 'v1',
        resumeHash: `r${i}`,
        jdHash: 'j',
      },
    });
  }
  await refreshShortlist(db, 'job-1', 10);
}

describe('POST /slack/events', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let dataDir: string;
  let calls: RecordedCall[];
  let responses: Record<string, unknown>[];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await createTestDatabase('sqlite');
    await migrateDatabase(database.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'skima-slack-'));
    const config = await testConfig(database, { ...SLACK_ENV, PUBLIC_BASE_URL: 'https://skima.test' });
    ctx = await createContext(config, testLogger(), { ashby: ashbyWithUsers(), dataDir });
    await seed(ctx);
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await closeContext(ctx);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const slack = () => {
    ({ calls } = fakeSlackApi((method, body) => {
      const user = slackUserAnswer(method, body);
      if (user) return user;
      if (method === 'chat.postMessage') return [200, { ok: true, channel: 'D_DANA', ts: '1700000000.000100' }];
      return [200, { ok: true }];
    }));
    responses = fakeResponseUrl();
  };

  const post = async (body: string, headers: Record<string, string>) => {
    const app = await buildServer(ctx);
    try {
      return await app.inject({ method: 'POST', url: '/slack/events', headers, payload: body });
    } finally {
      await app.close();
    }
  };

  let triggers = 0;
  const command = (text: string, user = 'U_DANA') =>
    form({
      command: '/skima',
      text,
      user_id: user,
      channel_id: 'C_GENERAL',
      team_id: 'T1',
      // Slack's trigger ids are unique per request; each command here is another one.
      trigger_id: `trig-${++triggers}`,
      response_url: 'https://hooks.slack.com/commands/T1/1/secret',
    });

  it('answers a signed slash command with its ack, then does the work and replaces the ack', async () => {
    slack();
    const body = command('shortlist store manager');
    const res = await post(body, signed(body));
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).toContain('Looking up that job');
    await waitFor('the result in place of the ack', () => responses.length > 0);
    expect(calls.map((c) => c.method)).toEqual(['users.info', 'chat.postMessage']);
    const dm = calls[1]!.body;
    expect(dm).toMatchObject({ channel: 'U_DANA', unfurl_links: 'false', unfurl_media: 'false' });
    expect(JSON.stringify(dm.blocks)).toContain('Person 0');
    expect(responses[0]).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(responses[0])).toContain('sent it to your DMs');
    const stored = await ctx.db.postedCard.findFirstOrThrow({ where: { platform: 'slack', jobId: 'job-1', recipient: 'U_DANA' } });
    expect(stored.messageRef).toMatchObject({ channel: 'D_DANA', ts: '1700000000.000100', reviewerId: 'user-dana' });
  });

  it('answers /skima help at once with the usage', async () => {
    slack();
    const body = command('help');
    const res = await post(body, signed(body));
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).toContain('/skima rediscover');
    expect(calls).toEqual([]);
  });

  it('refuses an expired timestamp and a bad signature with 401, calling nothing', async () => {
    slack();
    const body = command('help');
    const stale = await post(body, signed(body, { ageS: 6 * 60 }));
    expect(stale.statusCode).toBe(401);
    expect(stale.json()).toEqual({ error: 'stale_timestamp' });
    const forged = await post(body, signed(body, { secret: 'not-the-secret' }));
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({ error: 'bad_signature' });
    const tampered = await post(command('status'), signed(body));
    expect(tampered.statusCode).toBe(401);
    const unsigned = await post(body, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(unsigned.statusCode).toBe(401);
    expect(calls).toEqual([]);
  });

  it('answers Slack\'s url_verification challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const res = await post(body, signed(body, { contentType: 'application/json' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ challenge: 'abc123' });
  });

  it('a button click acks, records the decision and chat.updates the card it came from', async () => {
    slack();
    const body = interaction({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U_DANA' },
      api_app_id: 'A1',
      trigger_id: 'trig',
      container: { type: 'message', channel_id: 'D_DANA', message_ts: '1700000000.000100' },
      actions: [{ type: 'button', action_id: decideActionId('approve', 2), block_id: 'b', value: encodeCandidate('job-1', 'a-1'), action_ts: '1' }],
    });
    const res = await post(body, signed(body));
    expect(res.statusCode).toBe(200);
    const update = await waitFor('chat.update', () => calls.find((c) => c.method === 'chat.update'));
    const decision = await ctx.db.decision.findFirstOrThrow({ where: { applicationId: 'a-1' } });
    expect(decision).toMatchObject({ reviewerId: 'user-dana', reviewerName: 'Dana Lee', channel: 'slack', verdict: 'approve', rankAtDecision: 2 });
    expect(update.body).toMatchObject({ channel: 'D_DANA', ts: '1700000000.000100' });
    expect(JSON.stringify(update.body.blocks)).toContain('You: 👍 Approved');
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]); // updated, not re-posted
  });

  it('a click replayed within the signature window is answered but recorded once', async () => {
    slack();
    const body = interaction({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U_DANA' },
      api_app_id: 'A1',
      trigger_id: 'trig-replayed',
      container: { type: 'message', channel_id: 'D_DANA', message_ts: '1700000000.000100' },
      actions: [{ type: 'button', action_id: decideActionId('maybe', 3), block_id: 'b', value: encodeCandidate('job-1', 'a-0'), action_ts: '2' }],
    });
    const headers = signed(body);
    expect((await post(body, headers)).statusCode).toBe(200);
    await waitFor('the decision', () => ctx.db.decision.findFirst({ where: { applicationId: 'a-0' } }));
    // The same signed request three more times, as someone who captured it would send it.
    for (let i = 0; i < 3; i++) expect((await post(body, headers)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await ctx.db.decision.count({ where: { applicationId: 'a-0' } })).toBe(1);
    expect(await ctx.db.queueJob.count({ where: { queue: 'decision.writeback' } })).toBe(await ctx.db.decision.count());
  });

  it('a click from someone outside the hiring team records nothing', async () => {
    slack();
    const body = interaction({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U_TOM' },
      api_app_id: 'A1',
      container: { type: 'message', channel_id: 'D_TOM', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: decideActionId('skip', 1), block_id: 'b', value: encodeCandidate('job-1', 'a-0'), action_ts: '1' }],
    });
    expect((await post(body, signed(body))).statusCode).toBe(200);
    const refusal = await waitFor('the refusal', () => calls.find((c) => c.method === 'chat.postMessage'));
    expect(refusal.body.channel).toBe('U_TOM');
    expect(JSON.stringify(refusal.body)).not.toMatch(/Store Manager|Person/);
    expect(await ctx.db.decision.count({ where: { reviewerId: 'user-tom' } })).toBe(0);
    expect(calls.some((c) => c.method === 'chat.update')).toBe(false);
  });

  it('a note modal submission stores the verdict and note and updates the card', async () => {
    slack();
    const body = interaction({
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'U_DANA' },
      api_app_id: 'A1',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: NOTE_MODAL_CALLBACK,
        private_metadata: JSON.stringify({ j: 'job-1', a: 'a-2', c: { channel: 'D_DANA', ts: '1700000000.000100' } }),
        state: {
          values: {
            [VERDICT_BLOCK]: { [VERDICT_INPUT]: { type: 'radio_buttons', selected_option: { value: 'maybe' } } },
            [NOTE_BLOCK]: { [NOTE_INPUT]: { type: 'plain_text_input', value: 'Ask about weekend shifts' } },
          },
        },
      },
    });
    const res = await post(body, signed(body));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(''); // an empty ack closes the modal
    const update = await waitFor('chat.update', () => calls.find((c) => c.method === 'chat.update'));
    const decision = await ctx.db.decision.findFirstOrThrow({ where: { applicationId: 'a-2' } });
    expect(decision).toMatchObject({ verdict: 'maybe', note: 'Ask about weekend shifts', channel: 'slack', reviewerId: 'user-dana' });
    expect(JSON.stringify(update.body.blocks)).toContain('Ask about weekend shifts');
  });

  it('publishes App Home with the user\'s jobs when they open it', async () => {
    slack();
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U_DANA', channel: 'D_DANA', tab: 'home', event_ts: '1.1' },
    });
    const res = await post(body, signed(body, { contentType: 'application/json' }));
    expect(res.statusCode).toBe(200);
    const publish = await waitFor('views.publish', () => calls.find((c) => c.method === 'views.publish'));
    expect(publish.body.user_id).toBe('U_DANA');
    expect(JSON.stringify(publish.body.view)).toContain('Store Manager');
  });

  it('leaves JSON parsing of every other route alone', async () => {
    const app = await buildServer(ctx);
    app.post('/test/echo', async (req) => ({ type: typeof req.body }));
    const res = await app.inject({ method: 'POST', url: '/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":1}' });
    await app.close();
    expect(res.json()).toEqual({ type: 'object' });
  });
});
