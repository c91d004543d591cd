// The core side of the chat port, as Slack uses it: who a Slack email is in Ashby, what they may see, and the rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext, type AppContext } from '../../../src/core/context.ts';
import { resolveLink } from '../../../src/core/links/links.ts';
import { refreshShortlist } from '../../../src/core/shortlist/shortlist.ts';
import type { SlackMessageRef } from '../../../src/bot/slack/services.ts';
import { parseSlackMessageRef } from '../../../src/bot/slack/services.ts';
import { cardQueue } from '../../../src/core/chat/chat-cards.ts';
import { CoreChatServices } from '../../../src/core/chat/chat-services.ts';
import { migrateDatabase } from '../../../src/db/migrate.ts';
import { DB_KINDS, createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';
import { testConfig } from '../../helpers/skima.ts';
import { ashbyWithUsers } from '../../helpers/slack.ts';

describe.each(DB_KINDS)('the Slack services of the core on %s', (kind) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let dataDir: string;
  let services: CoreChatServices<SlackMessageRef>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'skima-slack-'));
    ctx = await createContext(await testConfig(database, { PUBLIC_BASE_URL: 'https://skima.test' }), testLogger(), {
      ashby: ashbyWithUsers(),
      dataDir,
    });
    services = new CoreChatServices(ctx, 'slack', parseSlackMessageRef);
    await ctx.db.job.create({
      data: { id: 'job-1', title: 'Store Manager', status: 'Open', hiringTeam: [{ userId: 'user-dana', role: 'Hiring Manager' }] },
    });
    await ctx.db.job.create({
      data: { id: 'job-2', title: 'Store Assistant', status: 'Open', hiringTeam: [{ userId: 'user-tom', role: 'Hiring Manager' }] },
    });
    for (const [i, score] of [90, 70].entries()) {
      await ctx.db.candidate.create({ data: { id: `c-${i}`, name: `Person ${i}` } });
      await ctx.db.application.create({
        data: { id: `a-${i}`, candidateId: `c-${i}`, jobId: 'job-1', status: 'Active', currentScore: score },
      });
      await ctx.db.score.create({
        data: { applicationId: `a-${i}`, score, reasons: [], missing: [], features: {}, scorerVersion: 'v1', resumeHash: 'r', jdHash: 'j' },
      });
    }
    await refreshShortlist(ctx.db, 'job-1', 10);
  });
  afterAll(async () => {
    await closeContext(ctx);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('matches a Slack email to an Ashby user, any case; an admin is a recruiter, a hiring manager is not', async () => {
    expect(await services.resolveReviewer('Dana@Example.com')).toEqual({ ashbyUserId: 'user-dana', name: 'Dana Lee', recruiter: false });
    expect(await services.resolveReviewer('chris@example.com')).toMatchObject({ ashbyUserId: 'user-chris', recruiter: true });
    expect(await services.resolveReviewer('stranger@example.com')).toBeNull();
  });

  it('shows a job to its hiring team and to recruiters only; an unknown job to nobody', async () => {
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    const chris = (await services.resolveReviewer('chris@example.com'))!;
    expect(await services.canSeeJob(dana, 'job-1')).toBe(true);
    expect(await services.canSeeJob(dana, 'job-2')).toBe(false);
    expect(await services.canSeeJob(chris, 'job-2')).toBe(true);
    expect(await services.canSeeJob(chris, 'job-404')).toBe(false);
    expect((await services.findJobs(dana, 'store')).map((j) => j.id)).toEqual(['job-1']);
    expect((await services.findJobs(chris, 'store')).map((j) => j.id).sort()).toEqual(['job-1', 'job-2']);
  });

  it('lists App Home jobs with what awaits the reviewer', async () => {
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    expect(await services.homeJobs(dana)).toEqual([
      { id: 'job-1', title: 'Store Manager', status: 'Open', shortlisted: 2, awaitingDecision: 2, awaitingYou: 2 },
    ]);
    expect(await services.recordDecision({ jobId: 'job-1', applicationId: 'a-1', reviewer: dana, verdict: 'maybe', note: 'call' })).toBe(true);
    expect(await services.recordDecision({ jobId: 'job-1', applicationId: 'a-404', reviewer: dana, verdict: 'maybe' })).toBe(false);
    expect((await services.homeJobs(dana))[0]).toMatchObject({ awaitingDecision: 1, awaitingYou: 1 });
    const card = await services.buildCard('job-1', dana);
    expect(card.candidates.find((c) => c.applicationId === 'a-1')!.reviewerDecision).toMatchObject({ verdict: 'maybe', note: 'call' });
  });

  it('refuses a decision on another team\'s application named beside the reviewer\'s own job', async () => {
    await ctx.db.candidate.create({ data: { id: 'c-tom', name: 'Tom\'s candidate' } });
    await ctx.db.application.create({ data: { id: 'a-tom', candidateId: 'c-tom', jobId: 'job-2', status: 'Active' } });
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    expect(await services.canSeeJob(dana, 'job-1')).toBe(true);
    expect(await services.recordDecision({ jobId: 'job-1', applicationId: 'a-tom', reviewer: dana, verdict: 'approve' })).toBe(false);
    expect(await ctx.db.decision.count({ where: { applicationId: 'a-tom' } })).toBe(0);
  });

  it('recognises a Slack request identity seen before, across service instances (processes)', async () => {
    expect(await services.firstDelivery('block_actions:trig-1')).toBe(true);
    expect(await services.firstDelivery('block_actions:trig-1')).toBe(false);
    expect(await new CoreChatServices(ctx, 'slack', parseSlackMessageRef).firstDelivery('block_actions:trig-1')).toBe(false);
    expect(await services.firstDelivery('event:Ev1')).toBe(true);
  });

  it('mints a working link scoped to the job and reviewer, lasting a day at most', async () => {
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    const link = await services.mintShortlistUrl('job-1', dana);
    expect(link.url).toMatch(/^https:\/\/skima\.test\/s\/[\w-]{43}$/);
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600 * 1000);
    const check = await resolveLink(ctx.db, link.url.split('/s/')[1]!);
    expect(check).toMatchObject({ ok: true, jobId: 'job-1', reviewerId: 'user-dana' });
  });

  it('mints a rediscovery link with the filters for a recruiter, lasting a day at most; refuses a hiring manager', async () => {
    const chris = (await services.resolveReviewer('chris@example.com'))!;
    const link = await services.mintRediscoverUrl('job-1', chris, ['min:70', 'job:store-manager', 'active']);
    if ('refused' in link) throw new Error(link.refused);
    expect(link.url).toMatch(/^https:\/\/skima\.test\/rd\/[\w-]{43}\?min=70&job=store-manager&active=on$/);
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600 * 1000);
    const token = /\/rd\/([\w-]{43})/.exec(link.url)![1]!;
    expect(await resolveLink(ctx.db, token, new Date(), ['rediscover', 'rediscover-view'])).toMatchObject({ ok: true, kind: 'rediscover', jobId: 'job-1', reviewerId: 'user-chris' });
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    expect(await services.mintRediscoverUrl('job-1', dana, [])).toEqual({ refused: 'Rediscovery is for recruiters and admins.' });
  });

  it('queues a card redraw for later as a durable slack.card job', async () => {
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    const notBefore = new Date(Date.now() + 30_000);
    await services.queueCardRefresh({ jobId: 'job-1', recipient: 'U_DANA', reviewer: dana, notBefore });
    const job = await ctx.db.queueJob.findFirstOrThrow({ where: { queue: cardQueue('slack') } });
    expect(job.payload).toEqual({ jobId: 'job-1', recipient: 'U_DANA', reviewer: dana });
    expect(job.runAt.getTime()).toBe(notBefore.getTime());
  });

  it('remembers where a card was posted, one per job and Slack user', async () => {
    const dana = (await services.resolveReviewer('dana@example.com'))!;
    expect(await services.cardRef('job-1', 'U_DANA')).toBeNull();
    await services.saveCardRef('job-1', 'U_DANA', { channel: 'D1', ts: '1.1' }, dana);
    await services.saveCardRef('job-1', 'U_DANA', { channel: 'D1', ts: '2.2' }, dana);
    expect(await services.cardRef('job-1', 'U_DANA')).toEqual({ channel: 'D1', ts: '2.2' });
    expect(await ctx.db.postedCard.count()).toBe(1);
  });
});
