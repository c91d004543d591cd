// POST /webhooks/ashby through fastify's inject: every answer Ashby can get, and what it means.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AshbyClient, signAshbyBody } from '../../src/ashby/index.ts';
import { closeContext, createContext, type AppContext } from '../../src/core/context.ts';
import { WEBHOOK_QUEUE } from '../../src/core/pipeline/webhook-events.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLogger } from '../helpers/logger.ts';
import { testConfig } from '../helpers/skima.ts';
import { applicationSubmitBody as submit } from '../helpers/webhooks.ts';

const SECRET = 'whsec_test_0123456789abcdef';

async function contextOn(database: TestDatabase): Promise<AppContext> {
  await migrateDatabase(database.url);
  const config = await testConfig(database);
  // Ashby itself is never called by the intake: the client points nowhere.
  const client = new AshbyClient({ apiKey: 'unused', baseUrl: 'http://127.0.0.1:9' });
  return createContext(config, testLogger(), {
    ashby: { client, webhookSecret: SECRET, close: async () => {} },
    dataDir: '/tmp/skima-test-secret',
  });
}

const ping = JSON.stringify({ action: 'ping', webhookActionId: 'wa-ping-1', data: { webhookActionType: 'ping' } });

describe('POST /webhooks/ashby', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    ctx = await contextOn(database);
  });
  afterAll(async () => {
    await closeContext(ctx);
    await database.drop();
  });

  const post = async (body: string, signature?: string) => {
    const app = await buildServer(ctx);
    const res = await app.inject({
      method: 'POST',
      url: '/webhooks/ashby',
      headers: { 'content-type': 'application/json', ...(signature ? { 'ashby-signature': signature } : {}) },
      payload: body,
    });
    await app.close();
    return res;
  };

  it('accepts a signed event, queues it once, and answers duplicates 200 without a second job', async () => {
    const body = submit('app-1');
    const first = await post(body, signAshbyBody(body, SECRET));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ ok: true, duplicate: false });
    const again = await post(body, signAshbyBody(body, SECRET));
    expect(again.json()).toEqual({ ok: true, duplicate: true });
    expect((await ctx.queue.stats())[WEBHOOK_QUEUE]).toEqual({ queued: 1 });
    expect(await ctx.db.webhookEvent.count({ where: { webhookActionId: 'wa-app-1' } })).toBe(1);
  });

  it('answers Skima\'s own write echoing back as applicationUpdate without queueing anything', async () => {
    await ctx.db.job.create({ data: { id: 'job-1', title: 'Store Manager', status: 'Open' } });
    await ctx.db.candidate.create({ data: { id: 'cand-app-7' } });
    await ctx.db.application.create({
      data: { id: 'app-7', candidateId: 'cand-app-7', jobId: 'job-1', status: 'Active', screeningState: 'scored' },
    });
    const before = (await ctx.queue.stats())[WEBHOOK_QUEUE]?.queued ?? 0;
    const echo = submit('app-7').replace('applicationSubmit', 'applicationUpdate');
    const res = await post(echo, signAshbyBody(echo, SECRET));
    expect(res.json()).toEqual({ ok: true, duplicate: false });
    expect((await ctx.queue.stats())[WEBHOOK_QUEUE]?.queued ?? 0).toBe(before);
    // A real change (here: archived in Ashby) is queued.
    const archived = echo.replace('"status":"Active"', '"status":"Archived"');
    await post(archived, signAshbyBody(archived, SECRET));
    expect((await ctx.queue.stats())[WEBHOOK_QUEUE]?.queued ?? 0).toBe(before + 1);
  });

  it('refuses a missing, forged or tampered signature with 401 and queues nothing', async () => {
    const body = submit('app-2');
    expect((await post(body)).statusCode).toBe(401);
    expect((await post(body, signAshbyBody(body, 'another-secret'))).statusCode).toBe(401);
    const tampered = body.replace('Sam Doe', 'Eve Doe');
    const res = await post(tampered, signAshbyBody(body, SECRET));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'bad_signature' });
    expect(await ctx.db.webhookEvent.count({ where: { webhookActionId: 'wa-app-2' } })).toBe(0);
  });

  it('answers malformed JSON and payloads of the wrong shape with 400', async () => {
    const broken = '{"action": "applicationSubmit", ';
    expect((await post(broken, signAshbyBody(broken, SECRET))).json()).toMatchObject({ error: 'malformed_json' });
    const wrong = JSON.stringify({ action: 'applicationSubmit', webhookActionId: 'wa-x', data: {} });
    const res = await post(wrong, signAshbyBody(wrong, SECRET));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_payload' });
  });

  it('refuses a signed body nested 20,000 deep with 400 (not 503, which Ashby would retry for days)', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const body = submit('app-deep').replace('"status":"Active"', `"status":"Active","extra":${deep}`);
    const before = await ctx.db.queueJob.count();
    const res = await post(body, signAshbyBody(body, SECRET));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_payload' });
    expect(await ctx.db.queueJob.count()).toBe(before);
    expect(await ctx.db.webhookEvent.count({ where: { webhookActionId: 'wa-app-deep' } })).toBe(0);
    // An unknown action nested as deep is refused as well, before anything reads it.
    const unknown = `{"action":"somethingNew","webhookActionId":"wa-deep-2","data":${deep}}`;
    expect((await post(unknown, signAshbyBody(unknown, SECRET))).statusCode).toBe(400);
  });

  it('acknowledges ping and unknown actions without queueing', async () => {
    const unknown = JSON.stringify({ action: 'interviewScheduleUpdate', webhookActionId: 'wa-u', data: {} });
    const res = await post(unknown, signAshbyBody(unknown, SECRET));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, ignored: 'interviewScheduleUpdate' });
    expect((await post(ping, signAshbyBody(ping, SECRET))).statusCode).toBe(200);
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = JSON.stringify({ action: 'ping', webhookActionId: 'wa-big', data: { pad: 'x'.repeat(300 * 1024) } });
    expect((await post(huge, signAshbyBody(huge, SECRET))).statusCode).toBe(413);
  });
});

describe('POST /webhooks/ashby when the database is down', () => {
  it('answers 503 so that Ashby retries', async () => {
    const database = await createTestDatabase('postgresql');
    const ctx = await contextOn(database);
    const app = await buildServer(ctx);
    await database.drop();
    const body = submit('app-9');
    const res = await app.inject({
      method: 'POST',
      url: '/webhooks/ashby',
      headers: { 'content-type': 'application/json', 'ashby-signature': signAshbyBody(body, SECRET) },
      payload: body,
    });
    expect(res.statusCode).toBe(503);
    await app.close();
    await ctx.db.$disconnect();
  });
});
