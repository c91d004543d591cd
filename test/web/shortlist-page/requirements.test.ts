// Editing a job's requirements on the shortlist page, through fastify's inject on both databases: the
// server-rendered form (no JavaScript needed), its CSRF and role rules, Post/Redirect/Get, the version
// line, the re-score it starts, and the shortlist that follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../../src/app.ts';
import { hashToken, mintLink } from '../../../src/core/links/links.ts';
import { csrfToken } from '../../../src/web/shortlist-page/security.ts';
import { hiringTeamOf } from '../../../src/core/people/hiring-team.ts';
import { MAY_NOT_EDIT, REQUIREMENTS_RESCORE_QUEUE } from '../../../src/core/requirements/index.ts';
import { loadShortlistPage } from '../../../src/core/shortlist/shortlist-page.ts';
import { shortlistPage } from '../../../src/web/shortlist-page/views/page.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { ashbyFieldToken, FORM, form, type PageFixture, screenedSkima } from './fixture.ts';

/** The form's fields as the page drew them: label_<n>, status_<n> (the selected option), version, csrf. */
function formFields(body: string): Record<string, string> {
  const form = /<form class="reqs"[\s\S]*?<\/form>/.exec(body)?.[0];
  if (!form) throw new Error('no requirements form on the page');
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = decode(m[2]!);
  for (const m of form.matchAll(/<select name="(status_\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1]!] = /<option value="(\w+)" selected>/.exec(m[2]!)![1]!;
  }
  return fields;
}
const decode = (s: string) => s.replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&#96;/g, '`').replace(/&amp;/g, '&');
const rowOf = (fields: Record<string, string>, label: string) =>
  Object.keys(fields).find((k) => k.startsWith('label_') && fields[k] === label)!.slice('label_'.length);

describe.each(DB_KINDS)('editing requirements on the shortlist page on %s', (kind) => {
  let f: PageFixture;
  let inject: PageFixture['h']['skima']['server']['inject'];
  let dropped: string;
  beforeAll(async () => {
    f = await screenedSkima(kind);
    inject = f.h.skima.server.inject.bind(f.h.skima.server);
    // The must-have the shortlist misses most often.
    const entries = await f.h.skima.ctx.db.shortlistEntry.findMany({ where: { jobId: f.jobId } });
    const counts = new Map<string, number>();
    for (const e of entries) {
      const s = await f.h.skima.ctx.db.score.findFirstOrThrow({ where: { applicationId: e.applicationId }, orderBy: { createdAt: 'desc' } });
      for (const m of s.missing as string[]) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    dropped = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });
  const versions = () => f.h.skima.ctx.db.jobRequirementsVersion.count({ where: { jobId: f.jobId } });

  it('shows the hiring manager the form: every requirement with how it counts and the rule that made it', async () => {
    const res = await inject({ url: `/s/${f.token}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Requirements Skima scores against');
    expect(res.body).toContain('nobody has changed them');
    const fields = formFields(res.body);
    expect(fields.version).toBe('0');
    expect(fields[`status_${rowOf(fields, dropped)}`]).toMatch(/must|essential/);
    expect(res.body).toMatch(/requirements section|cue phrase/);
  });

  it('refuses a post without the page\'s CSRF token, and stores nothing', async () => {
    const fields = formFields((await inject({ url: `/s/${f.token}` })).body);
    const { csrf: _csrf, ...rest } = fields;
    const res = await inject({ method: 'POST', url: `/s/${f.token}/requirements`, headers: FORM, payload: form(rest) });
    expect(res.statusCode).toBe(403);
    expect(await versions()).toBe(0);
  });

  it('gives the link shared in Ashby and an interviewer\'s link no form, and refuses their posts without saying more', async () => {
    const ctx = f.h.skima.ctx;
    const job = await ctx.db.job.findUniqueOrThrow({ where: { id: f.jobId } });
    await ctx.db.job.update({
      where: { id: f.jobId },
      data: { hiringTeam: [...hiringTeamOf(job), { userId: 'u-interviewer', role: 'Interviewer', firstName: 'Ivy' }] as object[] },
    });
    const interviewer = (await mintLink(ctx.db, { jobId: f.jobId, reviewerId: 'u-interviewer' }, ctx.config.linkTtlMs)).token;
    const fields = formFields((await inject({ url: `/s/${f.token}` })).body);
    for (const token of [await ashbyFieldToken(f), interviewer]) {
      const page = await inject({ url: `/s/${token}` });
      expect(page.body).toContain('Requirements Skima scores against');
      expect(page.body).not.toContain('<form class="reqs"');
      // The link's own CSRF token (a view-only page draws no form to read it from).
      const link = await ctx.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
      const res = await inject({
        method: 'POST',
        url: `/s/${token}/requirements`,
        headers: FORM,
        payload: form({ ...fields, csrf: csrfToken(ctx.secret, link.id), [`status_${rowOf(fields, dropped)}`]: 'remove' }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain(MAY_NOT_EDIT.replace(/'/g, '&#39;'));
      expect(res.body).not.toContain(f.jobTitle);
    }
    expect(await versions()).toBe(0);
  });

  it('saves a removed must-have once however often it is posted, re-scores, and the shortlist follows', async () => {
    const ctx = f.h.skima.ctx;
    const fields = formFields((await inject({ url: `/s/${f.token}` })).body);
    const payload = form({ ...fields, [`status_${rowOf(fields, dropped)}`]: 'remove' });
    const first = await inject({ method: 'POST', url: `/s/${f.token}/requirements`, headers: FORM, payload });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/s/${f.token}?saved=requirements#requirements`);
    const again = await inject({ method: 'POST', url: `/s/${f.token}/requirements`, headers: FORM, payload });
    expect(again.statusCode).toBe(303);
    expect(await versions()).toBe(1);
    const stats = (await ctx.queue.stats())[REQUIREMENTS_RESCORE_QUEUE] ?? {};
    const jobs = Object.values(stats).reduce((a, b) => a + (b ?? 0), 0);
    expect(jobs).toBe(1);

    expect(await waitForIdle(ctx, 120_000)).toBe(true);
    const page = await inject({ url: `/s/${f.token}?saved=requirements` });
    expect(page.body).toContain('Requirements saved as version 1.');
    expect(page.body).toMatch(new RegExp(`Version 1, last changed by ${f.manager.name} via\\s+the web page`));
    expect(page.body).not.toContain('Re-scoring');
    const missingLines = [...page.body.matchAll(/<p class="missing">([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    for (const line of missingLines) expect(line).not.toContain(dropped);
    const after = formFields(page.body);
    expect(after[`status_${rowOf(after, dropped)}`]).toBe('remove');
    expect(after.version).toBe('1');
  }, 180_000);

  it('shows the re-score in progress while applications wait for it', async () => {
    const ctx = f.h.skima.ctx;
    const expiresAt = new Date(Date.now() + 3600_000);
    const scope = { linkId: f.linkId, jobId: f.jobId, reviewerId: f.manager.userId, expiresAt };
    const page = await loadShortlistPage(ctx, scope);
    const body = shortlistPage({ ...page, requirementsEdit: { ...page.requirementsEdit, rescoring: 7 } }, 'x', {
      decide: '/d', act: '/a', evidence: () => '/e', save: '/s', page: '/p',
    });
    expect(body).toContain('Re-scoring 7 applications');
  });

  it('adds a requirement as version 2, and refuses a form drawn from an older version', async () => {
    const fields = formFields((await inject({ url: `/s/${f.token}` })).body);
    const add = { add_label: 'Kubernetes', add_terms: 'Kubernetes, k8s', add_status: 'essential' };
    const stale = await inject({ method: 'POST', url: `/s/${f.token}/requirements`, headers: FORM, payload: form({ ...fields, ...add, version: '0' }) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('changed since you opened them');
    const res = await inject({ method: 'POST', url: `/s/${f.token}/requirements`, headers: FORM, payload: form({ ...fields, ...add }) });
    expect(res.statusCode).toBe(303);
    const page = await inject({ url: `/s/${f.token}` });
    const after = formFields(page.body);
    expect(after.version).toBe('2');
    expect(after[`status_${rowOf(after, 'Kubernetes')}`]).toBe('essential');
    expect(page.body).toContain('added by a person; met by any of: Kubernetes, k8s');
    expect(await waitForIdle(f.h.skima.ctx, 120_000)).toBe(true);
  }, 180_000);

  it('refuses a malformed form with a page that says so', async () => {
    const fields = formFields((await inject({ url: `/s/${f.token}` })).body);
    const res = await inject({ method: 'POST', url: `/s/${f.token}/requirements`, headers: FORM, payload: form({ ...fields, status_0: 'maybe' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The requirements were not saved');
  });
});
