// A resume dropped into Skima's Slack DM, end to end through POST /slack/events with real signatures:
// Slack's Web API and its file host intercepted with nock, Ashby the sandbox. The file is downloaded
// with the bot token, previewed, added once confirmed (once, however often it is dropped or confirmed,
// even at once), an unreadable one is answered with nothing created, and the score follows when the
// screening ends. The same set-up (no webhooks reach it) shows a hire found only by reading the
// application again announced to its hiring manager once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/ashby-sandbox/index.ts';
import { ACTION } from '../../src/bot/slack/ids.ts';
import { createAppContext } from '../../src/app.ts';
import { AshbyTargetsCache } from '../../src/core/ashby-link/ashby-fields.ts';
import { deliverNotice, fanOutHire, HIRE_ANNOUNCE_QUEUE, type NoticeJob, noticeQueue } from '../../src/core/chat/notices.ts';
import { closeContext, type AppContext } from '../../src/core/context.ts';
import { screeningFinished } from '../../src/core/intake/follow-up.ts';
import { ensureJob } from '../../src/core/pipeline/job-cache.ts';
import { processApplication } from '../../src/core/pipeline/process-application.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLogger } from '../helpers/logger.ts';
import { sandboxConnection, testConfig, writesFor } from '../helpers/skima.ts';
import { fakeSlackApi, interaction, type RecordedCall, SLACK_ENV, signed } from '../helpers/slack.ts';
import { waitFor } from '../helpers/wait.ts';
import { resumePdf, personLines } from '../helpers/resume-pdf.ts';

const person = (name: string, email: string, phone: string) =>
  personLines(name, email, phone, 'Senior Backend Engineer, Acme Corp, 2019 - 2024', 'Built Go and PostgreSQL services; Kubernetes; AWS; led a team of five.');

const RENEE = 'U_RENEE';

describe('a resume dropped into the Slack DM', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let ctx: AppContext;
  let dataDir: string;
  let job: { id: string; title: string };
  let calls: RecordedCall[];
  const files = new Map<string, { name: string; bytes: Buffer }>();
  const downloads: { path: string; authorization: string | undefined }[] = [];
  let ts = 0;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startSandbox({ port: 0, seed: 'demo', timeScale: 0.001 });
    database = await createTestDatabase('sqlite');
    await migrateDatabase(database.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'skima-drop-'));
    const config = await testConfig(database, SLACK_ENV);
    ctx = await createAppContext(config, testLogger(), { ashby: sandboxConnection(sandbox), dataDir });
    const jobs = [];
    for await (const j of ctx.ashby.client.job.list()) jobs.push(j);
    await ensureJob(ctx, jobs[2]!.id);
    job = await ctx.db.job.findUniqueOrThrow({ where: { id: jobs[2]!.id }, select: { id: true, title: true } });
    files.set('F1NADIA', { name: 'Nadia_Okoye.pdf', bytes: await resumePdf(person('Nadia Okoye', 'nadia.okoye@example.org', '+1 (720) 555-0142')) });
    files.set('F2TOMAS', { name: 'Tomas_Reyes.pdf', bytes: await resumePdf(person('Tomas Reyes', 'tomas.reyes@example.org', '+1 (720) 555-0177')) });
    files.set('F3BROKEN', { name: 'scan.pdf', bytes: Buffer.from('%PDF-1.4\n%%garbage, cut short') });
  }, 120_000);
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await closeContext(ctx);
    await sandbox.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const slack = () => {
    ({ calls } = fakeSlackApi((method, body) => {
      if (method === 'users.lookupByEmail') return [200, { ok: true, user: { id: `U_${String(body.email).split('@')[0]!.toUpperCase()}` } }];
      if (method === 'users.info') return [200, { ok: true, user: { id: body.user, profile: { email: 'renee.alvarez@northwind.example' } } }];
      if (method === 'files.info') {
        const f = files.get(String(body.file));
        if (!f) return [200, { ok: false, error: 'file_not_found' }];
        const url = `https://files.slack.com/files-pri/T1-${String(body.file)}/download/${f.name}`;
        return [200, { ok: true, file: { id: body.file, name: f.name, user: RENEE, size: f.bytes.length, mimetype: 'application/pdf', url_private_download: url } }];
      }
      if (method === 'chat.postMessage') return [200, { ok: true, channel: 'D_RENEE', ts: `1700000000.${String(++ts).padStart(6, '0')}` }];
      return [200, { ok: true }];
    }));
    nock('https://files.slack.com')
      .persist()
      .get(/^\/files-pri\/T1-(\w+)\/download\//)
      .reply(function (uri) {
        downloads.push({ path: uri, authorization: this.req.headers.authorization as string | undefined });
        const id = /T1-(\w+)\//.exec(uri)![1]!;
        return [200, files.get(id)!.bytes, { 'content-type': 'application/pdf' }];
      });
  };

  const post = async (body: string, headers: Record<string, string>) => {
    const app = await buildServer(ctx);
    try {
      return await app.inject({ method: 'POST', url: '/slack/events', headers, payload: body });
    } finally {
      await app.close();
    }
  };

  let events = 0;
  const dropFile = async (fileId: string, text: string) => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${++events}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', subtype: 'file_share', channel_type: 'im', user: RENEE, channel: 'D_RENEE', text, ts: `${events}.1`,
        files: [{ id: fileId, name: files.get(fileId)?.name ?? 'x' }] },
    });
    const res = await post(body, signed(body, { contentType: 'application/json' }));
    expect(res.statusCode).toBe(200);
  };

  let triggers = 0;
  const clickAdd = async (value: string, messageTs: string) => {
    const body = interaction({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: RENEE },
      api_app_id: 'A1',
      trigger_id: `trig-${++triggers}`,
      container: { type: 'message', channel_id: 'D_RENEE', message_ts: messageTs },
      actions: [{ type: 'button', action_id: ACTION.resumeAdd, block_id: 'b', value, action_ts: '1' }],
    });
    const res = await post(body, signed(body));
    expect(res.statusCode).toBe(200);
  };

  const posted = (n: number) => waitFor(`message ${n}`, () => calls.filter((c) => c.method === 'chat.postMessage')[n - 1]);
  const addButton = (call: RecordedCall) => {
    const blocks = call.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>;
    return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTION.resumeAdd)?.value;
  };
  const updates = () => calls.filter((c) => c.method === 'chat.update').map((c) => String(c.body.text));
  const creates = () => writesFor(sandbox, 'candidate.create', () => true).length;
  const appCreates = () => writesFor(sandbox, 'application.create', () => true).length;

  it('downloads the file with the bot token, previews it, and adds it once confirmed', async () => {
    slack();
    await dropFile('F1NADIA', `Great profile for ${job.title}`);
    const preview = await posted(1);
    expect(downloads).toEqual([expect.objectContaining({ authorization: `Bearer ${SLACK_ENV.SLACK_BOT_TOKEN}` })]);
    expect(preview.body).toMatchObject({ channel: RENEE, text: `Add this resume to ${job.title}?` });
    expect(JSON.stringify(preview.body.blocks)).toContain('Nadia Okoye');
    expect(JSON.stringify(preview.body.blocks)).toContain('Not in Ashby yet');
    expect(creates()).toBe(0);

    await clickAdd(addButton(preview)!, String(preview.body.ts ?? '1700000000.000001'));
    await waitFor('the outcome', () => updates().some((t) => t.includes('added to')));
    expect(updates()).toEqual([
      'Adding the candidate to Ashby…',
      `*Nadia Okoye* created in Ashby with this resume, and added to *${job.title}*. Skima is screening the resume; the score follows here.`,
    ]);
    expect([creates(), appCreates()]).toEqual([1, 1]);
    const [created] = writesFor(sandbox, 'candidate.create', () => true);
    expect(created!.body).toMatchObject({ name: 'Nadia Okoye', email: 'nadia.okoye@example.org' });
    const audit = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'candidate.added' } });
    expect(audit.detail).toMatchObject({ channel: 'slack', candidateCreated: true });
  });

  it('the same file dropped again attaches to the same person and creates nothing', async () => {
    slack();
    await dropFile('F1NADIA', `for ${job.title}`);
    const preview = await posted(1);
    expect(JSON.stringify(preview.body.blocks)).toContain('Ashby has *Nadia Okoye* already');
    await clickAdd(addButton(preview)!, '1700000000.000009');
    await waitFor('the outcome', () => updates().some((t) => t.includes('already')));
    expect(updates().at(-1)).toBe(`*Nadia Okoye* is on *${job.title}* already: nothing new was created. The score follows here.`);
    expect([creates(), appCreates()]).toEqual([1, 1]);
  });

  it('two confirmations at once make one candidate and one application', async () => {
    slack();
    const before = [creates(), appCreates()];
    await dropFile('F2TOMAS', `for ${job.title}`);
    const value = addButton(await posted(1))!;
    await Promise.all([clickAdd(value, '1700000000.000011'), clickAdd(value, '1700000000.000012')]);
    await waitFor('both outcomes', () => updates().filter((t) => t.includes('Tomas Reyes')).length === 2);
    expect(updates().filter((t) => t.includes('Tomas Reyes')).sort()).toEqual([
      `*Tomas Reyes* created in Ashby with this resume, and added to *${job.title}*. Skima is screening the resume; the score follows here.`,
      `*Tomas Reyes* is on *${job.title}* already: nothing new was created. The score follows here.`,
    ].sort());
    expect([creates() - before[0]!, appCreates() - before[1]!]).toEqual([1, 1]);
  });

  it('an unreadable file gets a clear answer, no buttons, and nothing is created', async () => {
    slack();
    const before = [creates(), appCreates()];
    await dropFile('F3BROKEN', `for ${job.title}`);
    const answer = await posted(1);
    expect(String(answer.body.text)).toMatch(/^Skima could not read scan\.pdf \(corrupt\): [^.]+\. Nothing was created\.$/);
    expect(addButton(answer)).toBeUndefined();
    expect([creates(), appCreates()]).toEqual(before);
  });

  it('answers with the score once the screening of the added application ends', async () => {
    slack();
    const [nadia] = writesFor(sandbox, 'application.create', () => true);
    const applicationId = (await ctx.ashby.client.candidate.search({ email: 'nadia.okoye@example.org' }))[0]!.applicationIds[0]!;
    expect(nadia).toBeDefined();
    expect(await ctx.db.screeningFollowUp.count({ where: { applicationId } })).toBe(1);
    const targets = new AshbyTargetsCache(ctx.ashby.client, ctx.log, { tag: false });
    expect(await processApplication(ctx, targets, applicationId)).toBe('scored');
    expect(await screeningFinished(ctx, applicationId)).toBe(1);
    expect(await screeningFinished(ctx, applicationId)).toBe(0); // told once
    const [job0] = await ctx.db.queueJob.findMany({ where: { queue: noticeQueue('slack') } });
    const door = ctx.chat.find((d) => d.channel === 'slack')!;
    await deliverNotice(ctx, door, job0!.payload as NoticeJob, { id: job0!.id });
    const answer = await posted(1);
    const app = await ctx.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(answer.body).toMatchObject({ channel: RENEE, text: `Nadia Okoye for ${job.title}: ${app.currentScore}/100` });
    // Its reasons and missing must-haves, as the score has them.
    const score = await ctx.db.score.findFirstOrThrow({ where: { applicationId } });
    const said = JSON.stringify(answer.body.blocks);
    for (const r of score.reasons as Array<{ text: string }>) expect(said).toContain(`• ${r.text}`);
    for (const m of score.missing as string[]) expect(said).toContain(m);
    expect((score.reasons as unknown[]).length + (score.missing as unknown[]).length).toBeGreaterThan(0);
  });

  it('a hire the poll finds (its webhook lost) is announced to the hiring manager once', async () => {
    slack();
    const targets = new AshbyTargetsCache(ctx.ashby.client, ctx.log, { tag: false });
    const [nadia] = await ctx.ashby.client.candidate.search({ email: 'nadia.okoye@example.org' });
    const applicationId = nadia!.applicationIds[0]!;
    const info = await ctx.ashby.client.application.info(applicationId);
    const stages = await ctx.ashby.client.interviewStage.list(info.currentInterviewStage!.interviewPlanId);
    // No webhook reaches this Skima: the sandbox's hire is only seen when the application is read again.
    await ctx.ashby.client.application.changeStage({ applicationId, interviewStageId: stages.find((s) => s.type === 'Hired')!.id });
    await processApplication(ctx, targets, applicationId);
    await processApplication(ctx, targets, applicationId); // seen again: stored as Hired now
    const announced = await ctx.db.queueJob.findMany({ where: { queue: HIRE_ANNOUNCE_QUEUE } });
    expect(announced.map((j) => j.payload)).toEqual([{ applicationId }]);
    expect(await fanOutHire(ctx, applicationId)).toBe(1);
    const door = ctx.chat.find((d) => d.channel === 'slack')!;
    const notices = await ctx.db.queueJob.findMany({ where: { queue: noticeQueue('slack'), idempotencyKey: { startsWith: 'hired:' } } });
    for (const j of notices) {
      await deliverNotice(ctx, door, j.payload as NoticeJob, { id: j.id });
    }
    const stored = await ctx.db.job.findUniqueOrThrow({ where: { id: job.id } });
    const team = stored.hiringTeam as Array<{ role: string; email: string }>;
    const manager = team.find((m) => /hiring manager/i.test(m.role))!;
    const post = await posted(1);
    expect(post.body).toMatchObject({ channel: `U_${manager.email.split('@')[0]!.toUpperCase()}`, text: `Hired: Nadia Okoye for ${job.title}` });
  });
});
