// "Hired" and reminders through Slack's Web API stand-in (nock): the hiring manager's DM found by
// email and SLACK_HIRES_CHANNEL, each payload inside Block Kit's limits; the channel's message offers no
// button; an unreachable manager is reported, not retried.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, type AppContext } from '../../../src/core/context.ts';
import { createAppContext } from '../../../src/app.ts';
import type { ChatFrontDoor } from '../../../src/bot/ports.ts';
import { deliverNotice, fanOutHire, type NoticeJob, noticeQueue } from '../../../src/core/chat/notices.ts';
import { handleWebhookEvent } from '../../../src/core/pipeline/webhook-events.ts';
import { HIRE_ANNOUNCE_QUEUE } from '../../../src/core/chat/notices.ts';
import { collectStatus } from '../../../src/core/ops/status.ts';
import { migrateDatabase } from '../../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';
import { testConfig } from '../../helpers/skima.ts';
import { ashbyWithUsers, fakeSlackApi, SLACK_ENV, slackUserAnswer } from '../../helpers/slack.ts';

describe('notices through Slack', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let dataDir: string;
  let door: ChatFrontDoor;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await createTestDatabase('sqlite');
    await migrateDatabase(database.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'skima-notice-'));
    const config = await testConfig(database, { ...SLACK_ENV, SLACK_HIRES_CHANNEL: 'C_HIRES' });
    ctx = await createAppContext(config, testLogger(), { ashby: ashbyWithUsers(), dataDir });
    door = ctx.chat.find((d) => d.channel === 'slack')!;
    await ctx.db.job.create({
      data: {
        id: 'job-1',
        title: 'Store Manager',
        status: 'Open',
        hiringTeam: [
          { userId: 'user-dana', role: 'Hiring Manager', email: 'dana@example.com', firstName: 'Dana', lastName: 'Lee' },
          { userId: 'user-gone', role: 'Hiring Manager', email: 'gone@example.com', firstName: 'Gone' },
        ],
      },
    });
    await ctx.db.candidate.create({ data: { id: 'c-1', name: 'Ada <Lovelace>' } });
    await ctx.db.application.create({ data: { id: 'a-1', candidateId: 'c-1', jobId: 'job-1', status: 'Active' } });
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

  it('a candidateHire webhook, delivered twice, posts "hired" once to each manager and once to the channel', async () => {
    const { calls } = fakeSlackApi((method, body) =>
      slackUserAnswer(method, body) ?? [200, { ok: true, channel: String(body.channel), ts: '1700000000.000100' }]);
    const event = { action: 'candidateHire', data: { application: { id: 'a-1' } } } as never;
    await handleWebhookEvent(ctx, event);
    await handleWebhookEvent(ctx, event);
    const announce = await ctx.db.queueJob.findMany({ where: { queue: HIRE_ANNOUNCE_QUEUE } });
    expect(announce).toHaveLength(1);
    await fanOutHire(ctx, 'a-1');
    const jobs = await ctx.db.queueJob.findMany({ where: { queue: noticeQueue('slack') }, orderBy: { createdAt: 'asc' } });
    expect(jobs).toHaveLength(3);
    for (const j of jobs) await deliverNotice(ctx, door, j.payload as NoticeJob, { id: j.id });

    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((p) => p.body.channel)).toEqual(['U_DANA', 'C_HIRES']);
    type Posted = { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    const [dm, channel] = posts.map((p) => p.body as Posted);
    expect(dm!.text).toBe('Hired: Ada <Lovelace> for Store Manager');
    expect(dm!.blocks[0]!.text!.text).toBe(':tada: Hired: Ada &lt;Lovelace&gt; for Store Manager'); // escaped for mrkdwn
    expect(dm!.blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    expect(channel!.blocks.map((b) => b.type)).toEqual(['section', 'context']); // no button in a channel
    expect(channel!.text).toBe('Hired: A candidate for Store Manager'); // and no name
    // The manager Slack does not know is reported for status, and the job is not failed for it.
    const status = await collectStatus(ctx);
    expect(status.errors).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'slack:users.lookupByEmail', message: 'users_not_found' })]));
  });

  it('a 429 comes back through the queue at Retry-After', async () => {
    fakeSlackApi((method, body) => slackUserAnswer(method, body) ?? [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '9' }]);
    const job: NoticeJob = { kind: 'hired', applicationId: 'a-1', to: { email: 'dana@example.com' } };
    const before = Date.now();
    await deliverNotice(ctx, door, job, { id: 'q-429' });
    const [retry] = await ctx.db.queueJob.findMany({ where: { queue: noticeQueue('slack'), idempotencyKey: 'q-429:rate-limited' } });
    expect(retry!.payload).toMatchObject({ ...job, rateLimited: 1 });
    expect(retry!.runAt.getTime()).toBeGreaterThanOrEqual(before + 9000);
  });
});
