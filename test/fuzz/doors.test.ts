// Fuzzed input at every door, deterministic and bounded (seed SKIMA_FUZZ_SEED, default 1919): Ashby
// webhook bodies and headers, forged, mangled and replayed Slack requests, made-up and mangled
// shortlist-link tokens and forms, and resumes of random or damaged bytes. Every request is answered
// with a client status (never a 5xx, never a stack or a path), a refused request stores nothing, a
// replay records nothing, and the process is healthy afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import nock from 'nock';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAshbyBody } from '../../src/ashby/index.ts';
import { decideActionId, encodeCandidate, NOTE_BLOCK, NOTE_INPUT, NOTE_MODAL_CALLBACK, VERDICT_BLOCK, VERDICT_INPUT } from '../../src/bot/slack/ids.ts';
import { type AppContext, closeContext, createContext } from '../../src/core/context.ts';
import { mintLink } from '../../src/core/links.ts';
import { refreshShortlist } from '../../src/core/shortlist.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { testLogger } from '../helpers/logger.ts';
import { testConfig } from '../helpers/skima.ts';
import { ashbyWithUsers, fakeResponseUrl, fakeSlackApi, interaction, SLACK_ENV, signed, slackUserAnswer } from '../helpers/slack.ts';
import { sleep } from '../helpers/wait.ts';
import { Fuzz, FUZZ_SEED } from './mutate.ts';
import { applicationSubmitBody as submit } from '../helpers/webhooks.ts';

const WEBHOOK_SECRET = 'whsec_fuzz_0123456789abcdef';
const CASES = { webhooks: 150, slack: 120, links: 120, resumes: 30 };
/** What no answer may show: a stack frame, a source or module path, a driver's words. */
const LEAK = /\bat \S+ \(|\.ts:\d+|node_modules|prisma|ECONN|SQLITE_/i;

async function seed(ctx: AppContext) {
  const db = ctx.db;
  const team = (userId: string, email: string) => [{ userId, role: 'Hiring Manager', email, firstName: 'A', lastName: 'B' }];
  await db.job.create({ data: { id: 'job-1', title: 'Store Manager', status: 'Open', hiringTeam: team('user-dana', 'dana@example.com') } });
  await db.job.create({ data: { id: 'job-2', title: 'Warehouse Lead', status: 'Open', hiringTeam: team('user-tom', 'tom@example.com') } });
  for (const [id, job, score] of [['a-0', 'job-1', 88], ['a-1', 'job-1', 71], ['a-9', 'job-2', 90]] as const) {
    await db.candidate.create({ data: { id: `c-${id}`, name: `Person ${id}` } });
    await db.application.create({ data: { id, candidateId: `c-${id}`, jobId: job, status: 'Active', currentScore: score, screeningState: 'scored' } });
    await db.score.create({
      data: { applicationId: id, score, reasons: [{ text: 'Retail', quote: 'Sales associate', start: 0, end: 15 }], missing: [], features: {}, scorerVersion: 'v1', resumeHash: `r-${id}`, jdHash: 'j' },
    });
  }
  await refreshShortlist(db, 'job-1', 10);
  await refreshShortlist(db, 'job-2', 10);
}

function pdfBytes(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Alex Example. Store manager with ten years of retail experience, scheduling and inventory.');
    doc.end();
  });
}

describe.each(DB_KINDS)('fuzzed input at every door on %s (seed %#)', (kind) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let server: FastifyInstance;
  let dataDir: string;
  let linkToken: string;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    fakeSlackApi((method, body) => slackUserAnswer(method, body) ?? [200, { ok: true, channel: 'D1', ts: '1.1' }]);
    fakeResponseUrl();
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    dataDir = mkdtempSync(path.join(tmpdir(), 'skima-fuzz-'));
    const config = await testConfig(database, {
      ...SLACK_ENV,
      PUBLIC_BASE_URL: 'https://skima.test',
      LINK_RATE_LIMIT_PER_MINUTE: '100000',
      LINK_RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
    });
    const ashby = { ...ashbyWithUsers(), webhookSecret: WEBHOOK_SECRET };
    ctx = await createContext(config, testLogger(), { ashby, dataDir });
    await seed(ctx);
    linkToken = (await mintLink(ctx.db, { jobId: 'job-1', reviewerId: 'user-dana' })).token;
    server = await buildServer(ctx);
  });
  afterAll(async () => {
    await server?.close();
    await closeContext(ctx);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const stored = async () => ({
    jobs: await ctx.db.queueJob.count(),
    webhooks: await ctx.db.webhookEvent.count(),
    decisions: await ctx.db.decision.count(),
    slackDeliveries: await ctx.db.slackDelivery.count(),
  });

  /** Answers per door and status: the suite must reach every outcome it claims to check. */
  const seen = new Map<string, number>();
  async function send(what: string, options: InjectOptions, allowed: number[]) {
    const res = await server.inject(options);
    const door = what.replace(/ case \d+.*/, '');
    seen.set(`${door} ${res.statusCode}`, (seen.get(`${door} ${res.statusCode}`) ?? 0) + 1);
    expect(allowed, `${what}: answered ${res.statusCode}`).toContain(res.statusCode);
    expect(res.body, `${what}: the answer leaks internals`).not.toMatch(LEAK);
    return res;
  }

  it('webhook bodies and headers: 200 only when signed and well-formed, else 400/401/413/415 and nothing stored', async () => {
    const fuzz = new Fuzz(FUZZ_SEED);
    const contentTypes = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'];
    for (let i = 0; i < CASES.webhooks; i++) {
      const mode = fuzz.int(0, 5);
      let body: string | Buffer;
      let signature: string | undefined;
      let contentType = 'application/json';
      if (mode === 0) body = fuzz.mutate(submit(`app-${i}`));
      else if (mode === 1) body = JSON.stringify(fuzz.json(6));
      else if (mode === 2) body = fuzz.bytes(fuzz.int(0, 2000));
      else if (mode === 5) body = fuzz.nestDeep(submit(`app-${i}`));
      else body = submit(`app-${i}`);
      if (mode === 3) {
        // A forged or mangled signature on a well-formed body.
        signature = fuzz.pick([undefined, '', 'sha256=', `sha256=${fuzz.bytes(32).toString('hex')}`, signAshbyBody(body, 'another-secret'),
          signAshbyBody(body, WEBHOOK_SECRET).toUpperCase(), `sha1=${fuzz.bytes(20).toString('hex')}`, fuzz.text(80)]);
      } else {
        signature = signAshbyBody(body, WEBHOOK_SECRET);
      }
      if (mode === 4) contentType = fuzz.pick(contentTypes);
      const before = await stored();
      const headers: Record<string, string> = { 'content-type': contentType };
      if (signature !== undefined) headers['ashby-signature'] = signature;
      const res = await send(`webhook case ${i} (mode ${mode})`, { method: 'POST', url: '/webhooks/ashby', headers, payload: body }, [200, 400, 401, 413, 415]);
      if (res.statusCode !== 200) {
        const after = await stored();
        expect({ jobs: after.jobs, webhooks: after.webhooks }, `webhook case ${i} stored something`).toEqual({ jobs: before.jobs, webhooks: before.webhooks });
      }
      if (mode === 3 && signature !== signAshbyBody(body, WEBHOOK_SECRET)) expect(res.statusCode, `webhook case ${i}`).toBe(401);
    }
    for (const status of [200, 400, 401, 415]) expect(seen.get(`webhook ${status}`), `no webhook answered ${status}`).toBeGreaterThan(0);
  });

  it('Slack requests: forged ones 401 with nothing stored; mangled signed ones never 5xx; nothing on another team\'s candidate; replays record nothing', async () => {
    const fuzz = new Fuzz(FUZZ_SEED + 1);
    const click = (trigger: string, applicationId: string) => interaction({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U_DANA' },
      api_app_id: 'A1',
      trigger_id: trigger,
      container: { type: 'message', channel_id: 'D_DANA', message_ts: '1700000000.000100' },
      actions: [{ type: 'button', action_id: decideActionId(fuzz.pick(['approve', 'skip', 'maybe']), 1), block_id: 'b', value: encodeCandidate('job-1', applicationId), action_ts: '1' }],
    });
    const note = (trigger: string, applicationId: string) => interaction({
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'U_DANA' },
      trigger_id: trigger,
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: NOTE_MODAL_CALLBACK,
        private_metadata: JSON.stringify({ j: 'job-1', a: applicationId, c: { channel: 'D_DANA', ts: '1.2' } }),
        state: { values: {
          [VERDICT_BLOCK]: { [VERDICT_INPUT]: { type: 'radio_buttons', selected_option: { value: 'approve' } } },
          [NOTE_BLOCK]: { [NOTE_INPUT]: { type: 'plain_text_input', value: fuzz.text(30) } },
        } },
      },
    });
    const sent: { body: string; headers: Record<string, string> }[] = [];
    for (let i = 0; i < CASES.slack; i++) {
      const trigger = `trig-${FUZZ_SEED}-${i}`;
      // Dana may decide on job-1; a-9 is job-2's, named beside job-1 as an attacker would.
      const base = fuzz.pick([click, note])(trigger, fuzz.pick(['a-0', 'a-1', 'a-9', 'a-404']));
      const mode = fuzz.int(0, 3);
      const before = await stored();
      if (mode === 0) {
        const forged = fuzz.pick([
          signed(base, { secret: 'not-the-signing-secret' }),
          signed(base, { ageS: fuzz.int(301, 100_000) }),
          signed(base, { ageS: -fuzz.int(301, 100_000) }),
          { ...signed(base), 'x-slack-signature': `v0=${fuzz.bytes(32).toString('hex')}` },
          { ...signed(base), 'x-slack-request-timestamp': fuzz.text(10) },
          { 'content-type': 'application/x-www-form-urlencoded' },
        ]);
        await send(`forged Slack case ${i}`, { method: 'POST', url: '/slack/events', headers: forged, payload: base }, [401]);
        // Refused before its identity was even recorded (earlier requests' listeners may still be writing).
        expect((await stored()).slackDeliveries, `forged Slack case ${i} got through`).toBe(before.slackDeliveries);
        continue;
      }
      const body = mode === 1 ? fuzz.mutate(base) : mode === 2 ? `payload=${encodeURIComponent(JSON.stringify(fuzz.json(5)))}` : base;
      const headers = signed(body, { contentType: fuzz.pick(['application/x-www-form-urlencoded', 'application/json']) });
      await send(`signed Slack case ${i} (mode ${mode})`, { method: 'POST', url: '/slack/events', headers, payload: body }, [200, 400, 401, 415]);
      sent.push({ body, headers });
    }
    await sleep(1500); // listeners run after the ack
    expect(await ctx.db.decision.count({ where: { applicationId: 'a-9' } }), 'a decision on another team\'s candidate').toBe(0);
    const afterFirst = await stored();
    // Some signed requests were real decisions, so the replays below have something to repeat.
    expect(afterFirst.decisions).toBeGreaterThan(0);
    for (const [i, r] of sent.entries()) {
      await send(`replayed Slack case ${i}`, { method: 'POST', url: '/slack/events', headers: r.headers, payload: r.body }, [200, 400, 401, 415]);
    }
    await sleep(1500);
    expect((await stored()).decisions, 'replays recorded decisions').toBe(afterFirst.decisions);
  });

  it('link tokens and forms: made-up and mangled tokens 404, bad forms 400/403/404, never a decision', async () => {
    const fuzz = new Fuzz(FUZZ_SEED + 2);
    const page = await send('the real page', { url: `/s/${linkToken}`, remoteAddress: '10.9.0.1' }, [200]);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const before = await stored();
    for (let i = 0; i < CASES.links; i++) {
      const token = fuzz.pick([
        () => fuzz.bytes(fuzz.int(1, 64)).toString('base64url'),
        () => encodeURIComponent(fuzz.text(fuzz.int(1, 60))),
        () => `${linkToken.slice(0, -1)}${linkToken.endsWith('A') ? 'B' : 'A'}`,
        () => `${linkToken}${fuzz.text(1).replace(/[^\w-]/g, 'x')}`,
        () => '..%2F..%2Fetc%2Fpasswd',
        () => 'x'.repeat(fuzz.int(200, 3000)),
      ])();
      const remoteAddress = `10.${fuzz.int(0, 255)}.${fuzz.int(0, 255)}.${fuzz.int(1, 254)}`;
      const mode = fuzz.int(0, 3);
      if (mode === 0) await send(`link case ${i}`, { url: `/s/${token}`, remoteAddress }, [404, 414]);
      else if (mode === 1) await send(`evidence case ${i}`, { url: `/s/${linkToken}/evidence/${encodeURIComponent(fuzz.text(fuzz.int(1, 80)))}`, remoteAddress }, [404]);
      else {
        // A decision form: on a made-up link, or on the real one with a wrong or no CSRF token, or with
        // the right token and a made-up candidate or verdict.
        const fields: Record<string, string> = { ref: fuzz.text(fuzz.int(0, 30)), verdict: fuzz.pick(['approve', 'skip', 'maybe', 'reject', fuzz.text(5)]), note: fuzz.text(fuzz.int(0, 300)) };
        if (fuzz.chance(0.6)) fields.csrf = fuzz.chance(0.7) ? csrf : fuzz.text(43);
        const url = mode === 2 ? `/s/${linkToken}/decisions` : `/s/${token}/decisions`;
        const encoded = new URLSearchParams(fields).toString();
        const payload = fuzz.chance(0.8) ? encoded : fuzz.mutate(encoded);
        await send(`form case ${i} (mode ${mode})`, {
          method: 'POST', url, remoteAddress, payload,
          headers: { 'content-type': fuzz.pick(['application/x-www-form-urlencoded', 'application/json', 'text/plain']) },
        }, [400, 403, 404, 413, 414, 415]);
      }
    }
    expect((await stored()).decisions).toBe(before.decisions);
  });

  it('resumes of random or damaged bytes: each read ends in a result, never a throw or a hang', async () => {
    const fuzz = new Fuzz(FUZZ_SEED + 3);
    const pdf = await pdfBytes();
    for (let i = 0; i < CASES.resumes; i++) {
      const mode = fuzz.int(0, 3);
      let bytes: Buffer;
      if (mode === 0) bytes = fuzz.bytes(fuzz.int(0, 4000));
      else if (mode === 1) bytes = Buffer.concat([Buffer.from(fuzz.pick(['%PDF-1.7\n', 'PK\u0003\u0004', '<html>', '\ufeff'])), fuzz.bytes(fuzz.int(0, 4000))]);
      else {
        bytes = Buffer.from(pdf);
        const flips = mode === 2 ? fuzz.int(1, 40) : 0;
        for (let n = 0; n < flips; n++) bytes[fuzz.int(0, bytes.length - 1)] = fuzz.int(0, 255);
        if (mode === 3) bytes = bytes.subarray(0, fuzz.int(0, bytes.length - 1));
      }
      const filename = fuzz.pick(['resume.pdf', 'resume.docx', 'resume.txt', 'resume', 'r.html']);
      const result = await ctx.extractText(bytes, { filename, limits: { timeoutMs: 5_000 } });
      expect(typeof result.ok, `resume case ${i} (mode ${mode}, ${filename})`).toBe('boolean');
      if (result.ok) expect(typeof result.text).toBe('string');
      else expect(result.message, `resume case ${i}`).not.toMatch(LEAK);
    }
  });

  it('is healthy afterwards: ready, and a well-formed signed webhook is still taken', async () => {
    await send('healthz', { url: '/healthz' }, [200]);
    await send('readyz', { url: '/readyz' }, [200]);
    const body = submit('app-after-fuzz');
    const res = await send('a real webhook', { method: 'POST', url: '/webhooks/ashby', headers: { 'content-type': 'application/json', 'ashby-signature': signAshbyBody(body, WEBHOOK_SECRET) }, payload: body }, [200]);
    expect(res.json()).toMatchObject({ ok: true });
  });
});
