// Card delivery as durable queue jobs: DM, update in place, re-post when the message is gone, and what
// each Slack failure leads to (retry at Retry-After, skip and report, stop sending on a dead token).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, type AppContext } from '../../../src/core/context.ts';
import { createAppContext } from '../../../src/app.ts';
import type { ChatFrontDoor } from '../../../src/bot/ports.ts';
import { type CardJob, cardQueue, cardShortlistListener, deliverCard, postDigest } from '../../../src/core/chat/chat-cards.ts';
import { refreshShortlist } from '../../../src/core/shortlist/shortlist.ts';
import { collectStatus } from '../../../src/core/ops/status.ts';
import { migrateDatabase } from '../../../src/db/migrate.ts';
import { DB_KINDS, createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';
import { testConfig } from '../../helpers/skima.ts';
import { ashbyWithUsers, fakeSlackApi, type RecordedCall, SLACK_ENV, type SlackAnswer, slackUserAnswer } from '../../helpers/slack.ts';

const SLACK_CARD_QUEUE = cardQueue('slack');
const DANA_JOB: CardJob = {
  jobId: 'job-1',
  email: 'dana@example.com',
  reviewer: { ashbyUserId: 'user-dana', name: 'Dana Lee', recruiter: false },
};

describe.each(DB_KINDS)('Slack card delivery on %s', (kind) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let dataDir: string;
  let door: ChatFrontDoor;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'skima-slack-'));
    const config = await testConfig(database, { ...SLACK_ENV, SLACK_DIGEST_CHANNEL: 'C_DIGEST' });
    ctx = await createAppContext(config, testLogger(), { ashby: ashbyWithUsers(), dataDir });
    door = ctx.chat.find((d) => d.channel === 'slack')!;
    await ctx.db.job.create({
      data: {
        id: 'job-1',
        title: 'Store Manager',
        status: 'Open',
        hiringTeam: [
          { userId: 'user-dana', role: 'Hiring Manager', email: 'dana@example.com', firstName: 'Dana', lastName: 'Lee' },
          { userId: 'user-chris', role: 'Recruiter', email: 'chris@example.com' },
        ],
      },
    });
    await ctx.db.candidate.create({ data: { id: 'c-0', name: 'Person 0' } });
    await ctx.db.application.create({ data: { id: 'a-0', candidateId: 'c-0', jobId: 'job-1', status: 'Active', currentScore: 80 } });
    await ctx.db.score.create({
      data: { applicationId: 'a-0', score: 80, reasons: [], missing: [], features: {}, scorerVersion: 'v1', resumeHash: 'r', jdHash: 'j' },
    });
    await refreshShortlist(ctx.db, 'job-1', 10);
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

  let ts = 0;
  type Override = (method: string, body: Record<string, unknown>) => SlackAnswer | undefined;
  const slack = (override: Override = () => undefined) => {
    const { calls } = fakeSlackApi((method, body) => {
      const o = override(method, body);
      if (o) return o;
      const user = slackUserAnswer(method, body);
      if (user) return user;
      if (method === 'chat.postMessage') return [200, { ok: true, channel: 'D_DANA', ts: `1700000000.00000${++ts}` }];
      return [200, { ok: true }];
    });
    return calls;
  };
  const methods = (calls: RecordedCall[]) => calls.map((c) => c.method);
  const slackJobs = () => ctx.db.queueJob.findMany({ where: { queue: SLACK_CARD_QUEUE }, orderBy: { createdAt: 'asc' } });
  const stored = async () =>
    (await ctx.db.postedCard.findUniqueOrThrow({ where: { platform_jobId_recipient: { platform: 'slack', jobId: 'job-1', recipient: 'U_DANA' } } })).messageRef;

  it('a shortlist change queues one delivery per hiring manager (not the recruiter)', async () => {
    await cardShortlistListener(ctx, door)('job-1');
    const jobs = await slackJobs();
    expect(jobs.map((j) => j.payload)).toEqual([DANA_JOB]);
    await ctx.db.queueJob.deleteMany({ where: { queue: SLACK_CARD_QUEUE } });
  });

  it('DMs the card found by email, then updates the same message in place', async () => {
    const calls = slack();
    await deliverCard(ctx, door, DANA_JOB, { id: 'q1' });
    expect(methods(calls)).toEqual(['users.lookupByEmail', 'chat.postMessage']);
    expect(calls[0]!.body).toMatchObject({ email: 'dana@example.com' });
    expect(calls[1]!.body).toMatchObject({ channel: 'U_DANA', unfurl_links: 'false', unfurl_media: 'false' });
    const first = await stored();
    await deliverCard(ctx, door, DANA_JOB, { id: 'q2' });
    expect(methods(calls)).toEqual(['users.lookupByEmail', 'chat.postMessage', 'users.lookupByEmail', 'chat.update']);
    expect(calls[3]!.body).toMatchObject({ channel: 'D_DANA', ts: (first as { ts: string }).ts });
  });

  it('re-posts and records the new message when the old one is gone', async () => {
    const before = (await stored()) as { ts: string };
    const calls = slack((method) => (method === 'chat.update' ? [200, { ok: false, error: 'message_not_found' }] : undefined));
    await deliverCard(ctx, door, DANA_JOB, { id: 'q3' });
    expect(methods(calls)).toEqual(['users.lookupByEmail', 'chat.update', 'chat.postMessage']);
    const after = (await stored()) as { ts: string };
    expect(after.ts).not.toBe(before.ts);
  });

  it('on a 429 comes back at Retry-After through the queue, counting the attempts', async () => {
    slack((method) => (method === 'chat.update' ? [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' }] : undefined));
    const startedAt = Date.now();
    await deliverCard(ctx, door, DANA_JOB, { id: 'q4' });
    const [retry] = await slackJobs();
    expect(retry!.payload).toEqual({ ...DANA_JOB, rateLimited: 1 });
    expect(retry!.runAt.getTime()).toBeGreaterThanOrEqual(startedAt + 7000);
    await ctx.db.queueJob.deleteMany({ where: { queue: SLACK_CARD_QUEUE } });
  });

  it('skips a hiring manager with no Slack account and reports it in /skima status', async () => {
    slack();
    await deliverCard(ctx, door, { ...DANA_JOB, email: 'nobody@example.com' }, { id: 'q5' });
    const status = await collectStatus(ctx);
    expect(status.errors).toContainEqual(expect.objectContaining({ source: 'slack:users.lookupByEmail', message: 'users_not_found' }));
    expect(JSON.stringify(status)).not.toContain('nobody@example.com');
  });

  it('posts the weekly digest to SLACK_DIGEST_CHANNEL with counts and job titles, no names', async () => {
    const calls = slack();
    await postDigest(ctx, door);
    expect(methods(calls)).toEqual(['chat.postMessage']);
    expect(calls[0]!.body).toMatchObject({ channel: 'C_DIGEST', unfurl_links: 'false' });
    expect(JSON.stringify(calls[0]!.body.blocks)).toContain('applications screened');
    expect(JSON.stringify(calls[0]!.body)).not.toContain('Person 0');
  });

  it('stops calling Slack once the token is revoked, and says so in /skima status', async () => {
    const calls = slack((method) => (method === 'users.lookupByEmail' ? [200, { ok: false, error: 'token_revoked' }] : undefined));
    await expect(deliverCard(ctx, door, DANA_JOB, { id: 'q6' })).rejects.toThrow(/token_revoked/);
    await expect(deliverCard(ctx, door, DANA_JOB, { id: 'q7' })).rejects.toThrow(/token_revoked/);
    expect(methods(calls)).toEqual(['users.lookupByEmail']);
    const status = await collectStatus(ctx);
    expect(status.errors).toContainEqual(expect.objectContaining({ source: 'slack:auth', count: 1 }));
  });
});
