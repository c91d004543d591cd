// Advance and archive from the shortlist page through fastify's inject, on both databases, against the
// Ashby sandbox: pick, confirm once, watch the progress to the final count; bulk and "all skipped";
// roles and refusals that leak nothing; CSRF like the decision form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintLink } from '../../../src/core/links/links.ts';
import { ARCHIVE_NEEDS_RECRUITER, NOT_ON_TEAM } from '../../../src/core/disposition/roles.ts';
import { hiringTeamOf } from '../../../src/core/people/hiring-team.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { writesFor } from '../../helpers/skima.ts';
import { waitFor } from '../../helpers/wait.ts';
import { actProgressPage } from '../../../src/web/shortlist-page/views/act.ts';
import { csrfIn, FORM, type PageFixture, screenedSkima, shortlistRefs } from './fixture.ts';

const TTL = 3_600_000;
/** A urlencoded body with repeated fields. */
const body = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();
const attr = (html: string, name: string) => new RegExp(`name="${name.replace(/[[\]]/g, '\\$&')}" value="([^"]*)"`).exec(html)?.[1];
const options = (html: string, select: string) => {
  const m = new RegExp(`<select id="${select}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  return [...(m?.[1] ?? '').matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((o) => ({ value: o[1]!, text: o[2]! }));
};

describe.each(DB_KINDS)('advance and archive on the shortlist page on %s', (kind) => {
  let f: PageFixture;
  let inject: PageFixture['h']['skima']['server']['inject'];
  let csrf: string;
  beforeAll(async () => {
    f = await screenedSkima(kind);
    const server = f.h.skima.server;
    inject = server.inject.bind(server);
    csrf = csrfIn((await inject({ url: `/s/${f.token}` })).body);
  });
  afterAll(async () => {
    await f?.close();
  });

  const post = (path: string, fields: Array<[string, string]>, token = f.token) =>
    inject({ method: 'POST', url: `/s/${token}${path}`, headers: { ...FORM, origin: 'null' }, payload: body(fields) });

  /** Follows a started batch to its final count, as the meta refresh would. */
  async function finalPage(location: string) {
    return waitFor('the final count', async () => {
      const res = await inject({ url: location });
      expect(res.statusCode).toBe(200);
      return res.body.includes('<h1>Done</h1>') ? res.body : undefined;
    }, 30_000);
  }

  it('offers Advance… and Archive… per candidate, checkboxes and a bulk form, to the link\'s reviewer only', async () => {
    const page = (await inject({ url: `/s/${f.token}` })).body;
    const refs = await shortlistRefs(f);
    for (const r of refs) {
      expect(page).toContain(`name="sel[]" value="${r.ref}" form="bulk"`);
    }
    expect(page.match(/value="advance">Advance…</g)).toHaveLength(refs.length);
    expect(page.match(/value="archive">Archive…</g)).toHaveLength(refs.length);
    expect(page).toContain('Archive selected…');
  });

  it('refuses by role, saying why and naming nothing: someone off the team, a hiring manager archiving', async () => {
    const ctx = f.h.skima.ctx;
    const users = [];
    for await (const u of ctx.ashby.client.user.list()) users.push(u);
    const jobs = await ctx.db.job.findMany();
    const team = hiringTeamOf(jobs.find((j) => j.id === f.jobId)!);
    const outsider = users.find((u) => u.globalRole === 'Limited Access' && !team.some((m) => m.userId === u.id))!;
    const outsiderLink = (await mintLink(ctx.db, { jobId: f.jobId, reviewerId: outsider.id }, TTL)).token;
    const outsiderCsrf = csrfIn((await inject({ url: `/s/${outsiderLink}` })).body);
    const outsiderLinkRow = await ctx.db.shareLink.findFirstOrThrow({
      where: { reviewerId: outsider.id, jobId: f.jobId },
    });
    const [first] = await shortlistRefs(f, outsiderLinkRow.id);
    const refused = await post('/act', [['csrf', outsiderCsrf], ['ref', first!.ref], ['action', 'advance']], outsiderLink);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(NOT_ON_TEAM.replace(/'/g, '&#39;'));
    expect(refused.body).not.toContain(f.jobTitle);

    // The same person made a hiring manager of the job (Limited Access in Ashby): may advance, may not archive.
    const job = jobs.find((j) => j.id === f.jobId)!;
    await ctx.db.job.update({
      where: { id: f.jobId },
      data: { hiringTeam: [...team, { userId: outsider.id, role: 'Hiring Manager', email: outsider.email ?? null }] as object[] },
    });
    const token = outsiderLink;
    const page = (await inject({ url: `/s/${token}` })).body;
    const ref = /name="sel\[\]" value="([^"]+)"/.exec(page)?.[1];
    expect(ref).toBeDefined();
    const hmCsrf = csrfIn(page);
    const archive = await post('/act', [['csrf', hmCsrf], ['ref', ref!], ['action', 'archive']], token);
    expect(archive.statusCode).toBe(403);
    expect(archive.body).toContain(ARCHIVE_NEEDS_RECRUITER.replace(/'/g, '&#39;'));
    const advance = await post('/act', [['csrf', hmCsrf], ['ref', ref!], ['action', 'advance']], token);
    expect(advance.statusCode).toBe(200);
    await ctx.db.job.update({ where: { id: f.jobId }, data: { hiringTeam: job.hiringTeam as object } });
  });

  it('needs the CSRF token, a known candidate, and a reason Ashby has', async () => {
    const [first] = await shortlistRefs(f);
    expect((await post('/act', [['ref', first!.ref], ['action', 'archive']])).statusCode).toBe(403);
    expect((await post('/act', [['csrf', csrf], ['ref', 'not-a-ref-on-this-page'], ['action', 'archive']])).statusCode).toBe(404);
    expect((await post('/act', [['csrf', csrf], ['action', 'archive']])).statusCode).toBe(400);
    const bad = await post('/act/confirm', [['csrf', csrf], ['ref', first!.ref], ['action', 'archive'], ['reason', 'made-up']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Pick one of Ashby&#39;s archive reasons.');
    expect((await post('/act/start', [['csrf', csrf], ['ref', first!.ref], ['action', 'advance']])).statusCode).toBe(400);
  });
  it('advances one candidate to a stage picked from its plan, after one confirmation, and shows the final count', async () => {
    const ctx = f.h.skima.ctx;
    const [first] = await shortlistRefs(f);
    const opts = await post('/act', [['csrf', csrf], ['ref', first!.ref], ['action', 'advance']]);
    expect(opts.statusCode).toBe(200);
    const info = await ctx.ashby.client.application.info(first!.applicationId);
    const plan = await ctx.ashby.client.interviewStage.list(info.currentInterviewStage!.interviewPlanId);
    const stages = options(opts.body, 'stage');
    expect(stages[0]).toEqual({ value: '', text: 'The next stage of each one\'s interview plan' });
    const offered = plan.filter((s) => s.type !== 'Archived').sort((a, b) => a.orderInInterviewPlan - b.orderInInterviewPlan);
    expect(stages.slice(1).map((s) => s.value)).toEqual(offered.map((s) => s.id));
    const target = offered.find((s) => s.id !== info.currentInterviewStage!.id && s.type === 'Active')!;
    // Nothing changes before the confirmation.
    expect(writesFor(f.h.sandbox, 'application.changeStage', (b) => b.applicationId === first!.applicationId)).toEqual([]);

    const confirm = await post('/act/confirm', [['csrf', csrf], ['sel[]', first!.ref], ['action', 'advance'], ['stage', target.id]]);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Advance 1 application to &quot;${target.title}&quot;?`);
    const key = attr(confirm.body, 'key')!;
    const fields: Array<[string, string]> = [['csrf', csrf], ['sel[]', first!.ref], ['action', 'advance'], ['stage', target.id], ['key', key]];
    const started = await post('/act/start', fields);
    expect(started.statusCode).toBe(303);
    const location = started.headers.location as string;
    expect(location).toMatch(new RegExp(`^/s/${f.token}/act/web-[A-Za-z0-9_-]+$`));
    const done = await finalPage(location);
    expect(done).toContain('1 advanced (of 1)');
    expect(done).not.toContain('http-equiv="refresh"');
    expect((await ctx.ashby.client.application.info(first!.applicationId)).currentInterviewStage!.id).toBe(target.id);
    const entry = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: 'application.advanced', subjectId: first!.applicationId } });
    expect(entry.actor).toBe(f.manager.userId);
    expect(entry.detail).toMatchObject({ channel: 'web', stageId: target.id, rank: first!.rank });
    // The same confirmation submitted again (a double click, a resubmitted form) starts nothing new.
    const again = await post('/act/start', fields);
    expect(again.headers.location).toBe(location);
    expect(writesFor(f.h.sandbox, 'application.changeStage', (b) => b.applicationId === first!.applicationId)).toHaveLength(1);
  });

  it('archives several selected at once with one reason, no email unless picked, and counts them', async () => {
    const ctx = f.h.skima.ctx;
    const picked = (await shortlistRefs(f)).slice(1, 4);
    const sel = picked.map((p): [string, string] => ['sel[]', p.ref]);
    const opts = await post('/act', [['csrf', csrf], ...sel, ['action', 'archive']]);
    expect(opts.statusCode).toBe(200);
    const reasons = options(opts.body, 'reason').filter((o) => o.value);
    const live = (await ctx.ashby.client.archiveReason.list()).filter((r) => !r.isArchived);
    expect(reasons.map((r) => r.value)).toEqual(live.map((r) => r.id));
    const templates = options(opts.body, 'template');
    expect(templates[0]).toEqual({ value: '', text: 'No email' });
    expect(templates.length).toBeGreaterThan(1);

    const reason = live[1]!;
    const confirm = await post('/act/confirm', [['csrf', csrf], ...sel, ['action', 'archive'], ['reason', reason.id], ['template', '']]);
    expect(confirm.body).toContain(`Archive 3 applications with reason &quot;${reason.text}&quot;?`);
    expect(confirm.body).not.toContain('rejection email');
    const started = await post('/act/start', [['csrf', csrf], ...sel, ['action', 'archive'], ['reason', reason.id], ['key', attr(confirm.body, 'key')!]]);
    expect(started.statusCode).toBe(303);
    const done = await finalPage(started.headers.location as string);
    expect(done).toContain('3 archived (of 3)');
    expect(done).toMatch(/<dd class="n-done">3<\/dd>/);
    const moves = writesFor(f.h.sandbox, 'application.changeStage', (b) => picked.some((p) => p.applicationId === b.applicationId));
    expect(moves).toHaveLength(3);
    for (const m of moves) {
      expect(m.body).toMatchObject({ archiveReasonId: reason.id });
      expect(m.body).not.toHaveProperty('archiveEmail');
    }
  });

  it('archives every skipped candidate of the job with the reason picked', async () => {
    const ctx = f.h.skima.ctx;
    // Two still active in Ashby (the earlier tests archived some and advanced one).
    const active = [];
    for (const r of await shortlistRefs(f)) {
      if ((await ctx.ashby.client.application.info(r.applicationId)).status === 'Active') active.push(r);
    }
    const skip = active.slice(-2);
    expect(skip).toHaveLength(2);
    for (const s of skip) {
      const res = await post('/decisions', [['csrf', csrf], ['ref', s.ref], ['verdict', 'skip']]);
      expect(res.statusCode).toBe(303);
    }
    const page = (await inject({ url: `/s/${f.token}` })).body;
    expect(page).toContain('Archive all 2 skipped…');
    const reason = (await ctx.ashby.client.archiveReason.list())[0]!;
    const confirm = await post('/act/confirm', [['csrf', csrf], ['skipped', '1'], ['action', 'archive'], ['reason', reason.id]]);
    expect(confirm.body).toContain(`Archive 2 applications with reason &quot;${reason.text}&quot;?`);
    const started = await post('/act/start', [['csrf', csrf], ['skipped', '1'], ['action', 'archive'], ['reason', reason.id], ['key', attr(confirm.body, 'key')!]]);
    expect(await finalPage(started.headers.location as string)).toContain('2 archived (of 2)');
    for (const s of skip) expect((await ctx.ashby.client.application.info(s.applicationId)).status).toBe('Archived');
  });

  it('shows a batch only to the link that started it', async () => {
    const ctx = f.h.skima.ctx;
    const mine = await ctx.db.dispositionBatch.findFirstOrThrow({ where: { actorId: f.manager.userId } });
    expect((await inject({ url: `/s/${f.token}/act/${mine.id}` })).statusCode).toBe(200);
    const other = (await mintLink(ctx.db, { jobId: f.jobId, reviewerId: f.manager.userId }, TTL)).token;
    // The same person's other link may see it (it is theirs, on this job); a colleague's may not.
    expect((await inject({ url: `/s/${other}/act/${mine.id}` })).statusCode).toBe(200);
    const team = hiringTeamOf((await ctx.db.job.findUniqueOrThrow({ where: { id: f.jobId } })));
    const colleague = team.find((m) => m.userId !== f.manager.userId)!;
    const theirs = (await mintLink(ctx.db, { jobId: f.jobId, reviewerId: colleague.userId }, TTL)).token;
    const res = await inject({ url: `/s/${theirs}/act/${mine.id}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(f.jobTitle);
  });
});

describe('the progress page', () => {
  const base = { batchId: 'web-x', action: 'archive', total: 3, unchanged: 0, failures: [] };
  it('refreshes itself while applications are pending, and stops at the final count', () => {
    const pending = actProgressPage({ ...base, queued: 2, done: 1, failed: 0, finished: false, named: [] }, '1 archived', '/s/t');
    expect(pending).toContain('<meta http-equiv="refresh" content="2">');
    expect(pending).toContain('<dd class="n-pending">2</dd>');
    const failed = { label: 'Ada <Quill>', why: 'Ashby refused it (x).' };
    const done = actProgressPage({ ...base, queued: 0, done: 2, failed: 1, finished: true, named: [failed] }, 'final', '/s/t');
    expect(done).not.toContain('http-equiv');
    expect(done).toContain('<li>Ada &lt;Quill&gt;: Ashby refused it (x).</li>');
  });
});

describe.each(DB_KINDS)('a Skip with a reason on the shortlist page on %s', (kind) => {
  let f: PageFixture;
  beforeAll(async () => {
    f = await screenedSkima(kind);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('offers the short list of reasons, stores the one picked with the skip, and refuses one with Approve', async () => {
    const ctx = f.h.skima.ctx;
    const inject = f.h.skima.server.inject.bind(f.h.skima.server);
    const page = (await inject({ url: `/s/${f.token}` })).body;
    expect(page).toContain('<option value="requirements">Not a fit for the requirements</option>');
    const csrf = csrfIn(page);
    const [first, second] = await shortlistRefs(f);
    const post = (fields: Array<[string, string]>) =>
      inject({ method: 'POST', url: `/s/${f.token}/decisions`, headers: { ...FORM, origin: 'null' }, payload: body(fields) });
    const ok = await post([['csrf', csrf], ['ref', first!.ref], ['verdict', 'skip'], ['skip_reason', 'requirements']]);
    expect(ok.statusCode).toBe(303);
    const d = await ctx.db.decision.findFirstOrThrow({ where: { applicationId: first!.applicationId } });
    expect(d).toMatchObject({ verdict: 'skip', skipReason: 'Not a fit for the requirements', channel: 'web' });
    const refused = await post([['csrf', csrf], ['ref', second!.ref], ['verdict', 'approve'], ['skip_reason', 'requirements']]);
    expect(refused.statusCode).toBe(400);
    expect(await ctx.db.decision.count({ where: { applicationId: second!.applicationId } })).toBe(0);
    // No reason picked is a plain skip.
    expect((await post([['csrf', csrf], ['ref', second!.ref], ['verdict', 'skip'], ['skip_reason', '']])).statusCode).toBe(303);
    const plain = await ctx.db.decision.findFirstOrThrow({ where: { applicationId: second!.applicationId } });
    expect(plain.skipReason).toBeNull();
  });
});
