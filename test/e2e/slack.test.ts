// The whole Skima on loopback with Slack on: a screened shortlist reaches each hiring manager as a DM,
// and a later change to the shortlist updates that same message (chat.update), never a second post.
// With SLACK_* unset, Slack is off and the start-up log says how to turn it on.
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, waitForIdle } from '../../src/app.ts';
import { closeContext } from '../../src/core/context.ts';
import { recordDecision } from '../../src/core/decisions/decisions.ts';
import { createLogger } from '../../src/core/logger.ts';
import { hiringTeamOf } from '../../src/core/people/hiring-team.ts';
import { SHORTLIST_CHANGED_QUEUE } from '../../src/core/shortlist/shortlist.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { ashbyWithUsers, fakeSlackApi, type RecordedCall, SLACK_ENV } from '../helpers/slack.ts';
import { type SkimaHarness, startHarness, testConfig } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';
import { CoreChatServices } from '../../src/core/chat/chat-services.ts';
import { parseSlackMessageRef } from '../../src/bot/slack/services.ts';
import { pollAshby } from '../../src/core/pipeline/poll.ts';
import { resumePdf } from '../helpers/resume-pdf.ts';

describe('Slack cards, end to end', () => {
  let h: SkimaHarness;
  let calls: RecordedCall[];
  const dmOf = new Map<string, string>(); // Slack user id → DM channel

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    let ts = 0;
    ({ calls } = fakeSlackApi((method, body) => {
      if (method === 'users.lookupByEmail') return [200, { ok: true, user: { id: `U_${String(body.email).split('@')[0]!.replace('.', '_')}` } }];
      if (method === 'chat.postMessage') {
        const channel = `D${String(body.channel).slice(1)}`;
        dmOf.set(String(body.channel), channel);
        return [200, { ok: true, channel, ts: `1700000000.${String(++ts).padStart(6, '0')}` }];
      }
      return [200, { ok: true }];
    }));
    h = await startHarness('sqlite', { env: SLACK_ENV });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('DMs each job\'s hiring manager the card, then chat.updates the same message when the top-10 changes', async () => {
    const ctx = h.skima.ctx;
    const job = await ctx.db.job.findFirstOrThrow({ where: { shortlist: { some: {} } }, orderBy: { id: 'asc' } });
    const manager = hiringTeamOf(job).find((m) => m.role === 'Hiring Manager')!;
    const slackUser = `U_${manager.email!.split('@')[0]!.replace('.', '_')}`;
    const card = await waitFor('the posted card', () =>
      ctx.db.postedCard.findUnique({ where: { platform_jobId_recipient: { platform: 'slack', jobId: job.id, recipient: slackUser } } }),
    30_000);
    const ref = card.messageRef as { channel: string; ts: string };
    const posts = calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === slackUser);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts[0]!.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(JSON.stringify(posts[0]!.body.blocks)).toContain(job.title);

    // The manager skips the top candidate: the shortlist changes, and the card is redrawn in place.
    const top = await ctx.db.shortlistEntry.findFirstOrThrow({ where: { jobId: job.id, rank: 1 } });
    const postsBefore = calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === slackUser).length;
    const updatesBefore = calls.filter((c) => c.method === 'chat.update').length;
    await recordDecision(ctx, { jobId: top.jobId, applicationId: top.applicationId, reviewer: { id: manager.userId, name: 'HM' }, channel: 'slack', verdict: 'skip' });
    // The announcement of that change may be debounced to the next minute; run it now as the queue would.
    await ctx.queue.enqueue(SHORTLIST_CHANGED_QUEUE, { jobId: job.id }, { idempotencyKey: `test:${job.id}` });
    const update = await waitFor('chat.update of the same message', () =>
      calls.filter((c) => c.method === 'chat.update').slice(updatesBefore).find((c) => c.body.ts === ref.ts && c.body.channel === ref.channel),
    30_000);
    expect(JSON.stringify(update.body.blocks)).toContain(job.title);
    expect(calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === slackUser)).toHaveLength(postsBefore);
  });

  it('a hire in Ashby posts "hired" to the hiring manager once, through the webhook, however often it is seen', async () => {
    const ctx = h.skima.ctx;
    const client = ctx.ashby.client;
    const app = await ctx.db.application.findFirstOrThrow({ where: { status: 'Active' }, orderBy: { id: 'asc' }, include: { job: true, candidate: true } });
    const manager = hiringTeamOf(app.job).find((m) => m.role === 'Hiring Manager')!;
    const slackUser = `U_${manager.email!.split('@')[0]!.replace('.', '_')}`;
    const info = await client.application.info(app.id);
    const stages = await client.interviewStage.list(info.currentInterviewStage!.interviewPlanId);
    await client.application.changeStage({ applicationId: app.id, interviewStageId: stages.find((s) => s.type === 'Hired')!.id });
    const hired = (c: RecordedCall) => c.method === 'chat.postMessage' && c.body.channel === slackUser && String(c.body.text).startsWith('Hired:');
    const post = await waitFor('"hired" in the manager\'s DM', () => calls.find(hired), 30_000);
    expect(post.body.text).toBe(`Hired: ${app.candidate.name} for ${app.job.title}`);
    // Seen again by a full poll: still one message.
    await pollAshby(ctx, { full: true });
    expect(await waitForIdle(ctx, 60_000)).toBe(true);
    expect(calls.filter(hired)).toHaveLength(1);
  });

  it('a resume added through Slack gets its score back in the DM when the worker has screened it', async () => {
    const ctx = h.skima.ctx;
    const services = new CoreChatServices(ctx, 'slack', parseSlackMessageRef);
    const reviewer = (await services.resolveReviewer('renee.alvarez@northwind.example'))!;
    expect(reviewer.recruiter).toBe(true);
    const job = await ctx.db.job.findFirstOrThrow({ where: { status: 'Open' }, orderBy: { id: 'asc' } });
    const bytes = await resumePdf(['Imani Clarke', 'imani.clarke@example.org | +1 (303) 555-0188', 'Store manager, Northwind, 2018 - 2024']);
    const drop = { jobId: job.id, filename: 'Imani_Clarke.pdf', bytes };
    expect(await services.previewResume(reviewer, drop)).toMatchObject({ jobTitle: job.title, found: { name: 'Imani Clarke' } });
    expect(await services.addResume(reviewer, drop, 'U_RENEE')).toMatchObject({ status: 'added', candidateCreated: true });
    const answer = await waitFor('the score in the DM', () =>
      calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'U_RENEE'), 60_000);
    expect(String(answer.body.text)).toMatch(new RegExp(`^Imani Clarke for ${job.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(: \\d+/100| could not be scored)$`));
    expect(await ctx.db.screeningFollowUp.count()).toBe(0);
  });

  it('with SLACK_* unset, Slack is off: no route, and the log says how to turn it on', async () => {
    const database = await createTestDatabase('sqlite');
    await migrateDatabase(database.url);
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const ctx = await createAppContext(await testConfig(database), createLogger('info', sink), { ashby: ashbyWithUsers(), dataDir: '/tmp/skima-test-secret' });
    try {
      expect(ctx.chat).toEqual([]);
      const app = await buildServer(ctx);
      const res = await app.inject({ method: 'POST', url: '/slack/events', payload: {} });
      await app.close();
      expect(res.statusCode).toBe(404);
      const off = lines.find((l) => l.includes('Slack is off'));
      expect(off).toContain('SLACK_BOT_TOKEN');
      expect(off).toContain('SLACK_SIGNING_SECRET');
      expect(off).toContain('skima manifest slack --base-url');
    } finally {
      await closeContext(ctx);
      await database.drop();
    }
  });
});
