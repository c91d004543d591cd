// Archive… from a Slack card through the real server: signed requests to /slack/events, Slack's Web API
// intercepted with nock, Ashby the sandbox. The click opens the modal with Ashby's reasons, the choice
// turns it into the confirmation, the confirmation archives the application in Ashby (once), and a DM
// shows the final count; someone off the job's team gets a refusal that names nothing.
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../src/app.ts';
import {
  ACTION,
  archiveActionId,
  DISPOSITION_CHOOSE_CALLBACK,
  encodeCandidate,
  encodeJob,
  NO_EMAIL,
  REASON_BLOCK,
  REASON_INPUT,
  TEMPLATE_BLOCK,
  TEMPLATE_INPUT,
} from '../../src/bot/slack/ids.ts';
import { hiringTeamOf } from '../../src/core/people/hiring-team.ts';
import { shortlistMessage } from '../../src/bot/slack/render/shortlist.ts';
import { buildShortlistCard } from '../../src/core/shortlist/shortlist-card.ts';
import { fakeSlackApi, interaction, type RecordedCall, SLACK_ENV, signed } from '../helpers/slack.ts';
import { type SkimaHarness, startHarness, writesFor } from '../helpers/skima.ts';
import { waitFor } from '../helpers/wait.ts';

const SLACK_USERS: Record<string, string> = { U_RENEE: 'renee.alvarez@northwind.example' };

describe('Advance and archive from a Slack card, signed, through the server', () => {
  let h: SkimaHarness;
  let calls: RecordedCall[];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    let ts = 0;
    ({ calls } = fakeSlackApi((method, body) => {
      if (method === 'users.info') {
        const email = SLACK_USERS[body.user as string];
        return [200, { ok: true, user: { id: body.user, is_bot: false, profile: { email } } }];
      }
      if (method === 'users.lookupByEmail') {
        const id = `U_${String(body.email).split('@')[0]!.replace('.', '_').toUpperCase()}`;
        SLACK_USERS[id] ??= String(body.email);
        return [200, { ok: true, user: { id } }];
      }
      if (method === 'chat.postMessage') return [200, { ok: true, channel: `D${String(body.channel).slice(1)}`, ts: `1700000001.${String(++ts).padStart(6, '0')}` }];
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

  const post = async (payload: object) => {
    const body = interaction({ team: { id: 'T1' }, api_app_id: 'A1', ...payload });
    return h.skima.server.inject({ method: 'POST', url: '/slack/events', headers: signed(body), payload: body });
  };

  it('a recruiter archives one application: modal, confirmation, one change in Ashby, the final count in a DM', async () => {
    const ctx = h.skima.ctx;
    const entry = await ctx.db.shortlistEntry.findFirstOrThrow({ orderBy: [{ jobId: 'asc' }, { rank: 'asc' }] });
    const value = encodeCandidate(entry.jobId, entry.applicationId);
    const clicked = await post({
      type: 'block_actions',
      user: { id: 'U_RENEE' },
      trigger_id: 'trig-1',
      container: { type: 'message', channel_id: 'D_RENEE', message_ts: '1700000000.000100' },
      actions: [{ type: 'button', action_id: archiveActionId(entry.rank), block_id: 'b', value, action_ts: '1' }],
    });
    expect(clicked.statusCode).toBe(200);
    const open = await waitFor('views.open', () => calls.find((c) => c.method === 'views.open'), 15_000);
    const view = open.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(DISPOSITION_CHOOSE_CALLBACK);
    const reason = (await ctx.ashby.client.archiveReason.list())[2]!;
    expect(JSON.stringify(view)).toContain(reason.text);

    const chosen = await post({
      type: 'view_submission',
      user: { id: 'U_RENEE' },
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            [REASON_BLOCK]: { [REASON_INPUT]: { type: 'static_select', selected_option: { value: reason.id } } },
            [TEMPLATE_BLOCK]: { [TEMPLATE_INPUT]: { type: 'static_select', selected_option: { value: NO_EMAIL } } },
          },
        },
      },
    });
    expect(chosen.statusCode).toBe(200);
    type Update = { response_action: string; view: { callback_id: string; private_metadata: string } };
    const update = JSON.parse(chosen.body) as Update;
    expect(update.response_action).toBe('update');
    expect(JSON.stringify(update.view)).toContain(`Archive 1 application with reason \\"${reason.text}\\"?`);
    expect(writesFor(h.sandbox, 'application.changeStage', (b) => b.applicationId === entry.applicationId)).toEqual([]);

    const confirmation = {
      type: 'view_submission',
      user: { id: 'U_RENEE' },
      view: { id: 'V1', type: 'modal', callback_id: update.view.callback_id, private_metadata: update.view.private_metadata, state: { values: {} } },
    };
    const confirmed = await post(confirmation);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toBe('');
    const final = await waitFor('the final count', () =>
      calls.find((c) => ['chat.postMessage', 'chat.update'].includes(c.method) && JSON.stringify(c.body).includes('1 archived (of 1)')), 30_000);
    expect(final.body.channel).toMatch(/RENEE/);
    const moves = writesFor(h.sandbox, 'application.changeStage', (b) => b.applicationId === entry.applicationId);
    expect(moves).toHaveLength(1);
    expect(moves[0]!.body).toMatchObject({ archiveReasonId: reason.id });
    expect(moves[0]!.body).not.toHaveProperty('archiveEmail');
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'application.archived', subjectId: entry.applicationId } });
    expect(audit.detail).toMatchObject({ channel: 'slack', rank: entry.rank });

    // Slack retrying the confirmation starts nothing new.
    await post(confirmation);
    await new Promise((r) => setTimeout(r, 500));
    expect(writesFor(h.sandbox, 'application.changeStage', (b) => b.applicationId === entry.applicationId)).toHaveLength(1);
    expect(await ctx.db.dispositionBatch.count({ where: { channel: 'slack' } })).toBe(1);
  });

  it('"Archive skipped…" on the card: one modal, one confirmation naming how many and which reason, one batch, every change in Ashby, the final count', async () => {
    const ctx = h.skima.ctx;
    const jobs = await ctx.db.job.findMany({ where: { shortlist: { some: {} } }, orderBy: { id: 'asc' } });
    const job = jobs[1] ?? jobs[0]!;
    const active = await ctx.db.application.findMany({ where: { jobId: job.id, status: 'Active' }, orderBy: { id: 'asc' } });
    // Four of them skipped in Skima (as a hiring manager's Skip leaves them).
    const skipped = active.slice(-4).map((a) => a.id);
    expect(skipped).toHaveLength(4);
    await ctx.db.application.updateMany({ where: { id: { in: skipped } }, data: { latestVerdict: 'skip' } });

    // The card offers the button, within Block Kit's limits (checkMessage throws otherwise).
    const card = await buildShortlistCard(ctx.db, job.id, { redact: false });
    expect(card.skippedActive).toBe(4);
    const message = shortlistMessage(card);
    const button = JSON.stringify(message.blocks.at(-1));
    expect(button).toContain('Archive skipped (4)…');
    expect(button).toContain(ACTION.archiveSkipped);

    const before = calls.length;
    await post({
      type: 'block_actions',
      user: { id: 'U_RENEE' },
      trigger_id: 'trig-bulk',
      container: { type: 'message', channel_id: 'D_RENEE', message_ts: '1700000000.000200' },
      actions: [{ type: 'button', action_id: ACTION.archiveSkipped, block_id: 'b', value: encodeJob(job.id), action_ts: '1' }],
    });
    const open = await waitFor('views.open', () => calls.slice(before).find((c) => c.method === 'views.open'), 15_000);
    const view = open.body.view as { callback_id: string; private_metadata: string };
    expect(JSON.stringify(view)).toContain('the 4 skipped applications of');
    const reason = (await ctx.ashby.client.archiveReason.list())[1]!;
    const chosen = await post({
      type: 'view_submission',
      user: { id: 'U_RENEE' },
      view: {
        id: 'V2', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata,
        state: { values: {
          [REASON_BLOCK]: { [REASON_INPUT]: { type: 'static_select', selected_option: { value: reason.id } } },
          [TEMPLATE_BLOCK]: { [TEMPLATE_INPUT]: { type: 'static_select', selected_option: { value: NO_EMAIL } } },
        } },
      },
    });
    type Update = { response_action: string; view: { callback_id: string; private_metadata: string } };
    const update = JSON.parse(chosen.body) as Update;
    expect(update.response_action).toBe('update');
    expect(JSON.stringify(update.view)).toContain(`Archive 4 applications with reason \\"${reason.text}\\"?`);
    expect(writesFor(h.sandbox, 'application.changeStage', (b) => skipped.includes(b.applicationId as string))).toEqual([]);

    const confirmation = {
      type: 'view_submission',
      user: { id: 'U_RENEE' },
      view: { id: 'V2', type: 'modal', callback_id: update.view.callback_id, private_metadata: update.view.private_metadata, state: { values: {} } },
    };
    await post(confirmation);
    await waitFor('the final count', () =>
      calls.slice(before).find((c) => ['chat.postMessage', 'chat.update'].includes(c.method) && JSON.stringify(c.body).includes('4 archived (of 4)')), 60_000);
    const moves = writesFor(h.sandbox, 'application.changeStage', (b) => skipped.includes(b.applicationId as string));
    expect(moves).toHaveLength(4);
    for (const m of moves) expect(m.body).toMatchObject({ archiveReasonId: reason.id });
    const batches = await ctx.db.dispositionBatch.findMany({ where: { channel: 'slack', jobId: job.id } });
    expect(batches.map((b) => [b.action, b.total, b.archiveReasonId])).toEqual([['archive', 4, reason.id]]);
    expect(await ctx.db.auditEvent.count({ where: { action: 'application.archived', subjectId: { in: skipped } } })).toBe(4);

    // Slack retrying the confirmation starts nothing new.
    await post(confirmation);
    await new Promise((r) => setTimeout(r, 500));
    expect(writesFor(h.sandbox, 'application.changeStage', (b) => skipped.includes(b.applicationId as string))).toHaveLength(4);
    expect(await ctx.db.dispositionBatch.count({ where: { channel: 'slack', jobId: job.id } })).toBe(1);
  });

  it('someone off the job\'s team is refused privately, naming nothing, and nothing opens', async () => {
    const ctx = h.skima.ctx;
    const users = [];
    for await (const u of ctx.ashby.client.user.list()) users.push(u);
    const limited = new Set(users.filter((u) => u.globalRole === 'Limited Access').map((u) => u.id));
    const jobs = await ctx.db.job.findMany({ where: { shortlist: { some: {} } }, orderBy: { id: 'asc' } });
    // Someone with Limited Access in Ashby (no recruiting role) who is not on the job's hiring team.
    const other = jobs[0]!;
    const hm = users.find((u) => limited.has(u.id) && !hiringTeamOf(other).some((m) => m.userId === u.id))!;
    SLACK_USERS.U_HM = hm.email!;
    const entry = await ctx.db.shortlistEntry.findFirstOrThrow({ where: { jobId: other.id } });
    const before = calls.length;
    await post({
      type: 'block_actions',
      user: { id: 'U_HM' },
      trigger_id: 'trig-2',
      container: { type: 'message', channel_id: 'D_HM', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: archiveActionId(1), block_id: 'b', value: encodeCandidate(other.id, entry.applicationId), action_ts: '1' }],
    });
    const refusal = await waitFor('the refusal', () => calls.slice(before).find((c) => c.method === 'chat.postMessage' && c.body.channel === 'U_HM'));
    expect(JSON.stringify(refusal.body)).not.toContain(other.title);
    expect(calls.slice(before).some((c) => c.method === 'views.open')).toBe(false);
  });
});
