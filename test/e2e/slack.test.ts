// The whole Skima on loopback with Slack on: a screened shortlist reaches each hiring manager as a DM,
// and a later change to the shortlist updates that same message (chat.update), never a second post.
// With SLACK_* unset, Slack is off and the start-up log says how to turn it on.
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/core/app.ts';
import { closeContext, createContext } from '../../src/core/context.ts';
import { recordDecision } from '../../src/core/decisions.ts';
import { createLogger } from '../../src/core/logger.ts';
import { hiringTeamOf } from '../../src/core/hiring-team.ts';
import { SHORTLIST_CHANGED_QUEUE } from '../../src/core/shortlist.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { ashbyWithUsers, fakeSlackApi, type RecordedCall, SLACK_ENV } from '../helpers/slack.ts';
import { type SkimaHarness, startHarness, testConfig } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

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
    const manager = hiringTeamOf(job.hiringTeam).find((m) => m.role === 'Hiring Manager')!;
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
    const ctx = await createContext(await testConfig(database), createLogger('info', sink), { ashby: ashbyWithUsers(), dataDir: '/tmp/skima-test-secret' });
    try {
      expect(ctx.slack).toBeUndefined();
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
