// The shortlist page through fastify's inject, on both databases: what a link shows, what a POST needs,
// which headers every personal page carries, and what the logs never hold.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, mintLink, revokeLinks } from '../../../src/core/links.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { pageRef } from '../../../src/core/shortlist-page.ts';
import { extractText } from '../../../src/scoring/index.ts';
import { buildServer } from '../../../src/web/server.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { ashbyFieldToken, csrfIn, FORM, form, type PageFixture, screenedSkima, shortlistRefs } from './fixture.ts';

const CSP = 'default-src \'none\'; style-src \'self\'; script-src \'self\'; img-src \'self\'; form-action \'self\'; '
  + 'frame-ancestors \'none\'; base-uri \'none\'';

describe.each(DB_KINDS)('the shortlist page on %s', (kind) => {
  let f: PageFixture;
  let inject: PageFixture['h']['skima']['server']['inject'];
  beforeAll(async () => {
    f = await screenedSkima(kind);
    const server = f.h.skima.server;
    inject = server.inject.bind(server);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('shows the job, its live shortlist with scores, reasons and quotes in context, for the reviewer by name', async () => {
    const res = await inject({ url: `/s/${f.token}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = res.body;
    const entries = await shortlistRefs(f);
    expect(entries.length).toBeGreaterThan(2);
    expect(body).toContain(`<h1>${f.jobTitle}</h1>`);
    expect(body.match(/<li class="cand/g)).toHaveLength(entries.length);
    expect(body).toContain(`Reviewing as <strong>${f.manager.name}</strong>`);
    for (const e of entries) expect(body).toContain(`id="c-${e.ref}"`);
    const top = await f.h.skima.ctx.db.application.findUniqueOrThrow({
      where: { id: entries[0]!.applicationId },
      include: { candidate: true },
    });
    expect(body).toContain(top.candidate.name!);
    expect(body).toContain(`<span class="num">${entries[0]!.score}</span>`);
    expect(body).toMatch(/<details><summary>.*“[^<]+”<\/summary>\s*<blockquote>[^<]*<mark>[^<]+<\/mark>/);
    expect(body).toContain(`class="fill w-${Math.round(entries[0]!.score)}"`);
    // Nothing that names an application or candidate by id.
    expect(body).not.toContain(top.id);
    expect(body).not.toContain(top.candidateId);
  });

  it('sends every personal page with a strict CSP, no referrer, no caching, no framing', async () => {
    for (const url of [`/s/${f.token}`, '/s/not-a-token']) {
      const res = await inject({ url });
      expect(res.headers['content-security-policy']).toBe(CSP);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    // No inline style or script for that CSP to block.
    const body = (await inject({ url: `/s/${f.token}` })).body;
    expect(body).not.toMatch(/<script|style=|<style/);
    const css = await inject({ url: '/assets/shortlist.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('changes nothing on GET', async () => {
    const db = f.h.skima.ctx.db;
    const count = async () => [await db.decision.count(), await db.auditEvent.count(), await db.shortlistEntry.count()];
    const before = await count();
    await inject({ url: `/s/${f.token}` });
    await inject({ url: `/s/${f.token}` });
    expect(await count()).toEqual(before);
  });

  it('refuses a POST without the CSRF token, with another link\'s token, or from a foreign origin', async () => {
    const db = f.h.skima.ctx.db;
    const [entry] = await shortlistRefs(f);
    const csrf = csrfIn((await inject({ url: `/s/${f.token}` })).body);
    const other = await mintLink(db, { jobId: f.jobId, reviewerId: f.manager.userId });
    const otherCsrf = csrfIn((await inject({ url: `/s/${other.token}` })).body);
    expect(otherCsrf).not.toBe(csrf);
    const post = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
      inject({ method: 'POST', url: `/s/${f.token}/decisions`, headers: { ...FORM, ...headers }, payload: form(payload) });
    const fields = { ref: entry!.ref, verdict: 'approve', note: 'forged' };
    const refused = [
      await post(fields),
      await post({ ...fields, csrf: '' }),
      await post({ ...fields, csrf: otherCsrf }),
      await post({ ...fields, csrf: `${csrf.slice(0, -1)}A` === csrf ? `${csrf.slice(0, -1)}B` : `${csrf.slice(0, -1)}A` }),
      await post({ ...fields, csrf }, { origin: 'https://evil.example' }),
      await post({ ...fields, csrf }, { referer: 'https://evil.example/page' }),
      await inject({ method: 'POST', url: `/s/${f.token}/decisions`, payload: { ...fields, csrf: 'x' } }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(refused[0]!.body).toContain('Your decision was not saved');
    expect(await db.decision.count({ where: { note: 'forged' } })).toBe(0);
  });

  it('records a decision from the form, redirects back to the page, and shows it there', async () => {
    const db = f.h.skima.ctx.db;
    const [, second] = await shortlistRefs(f);
    const csrf = csrfIn((await inject({ url: `/s/${f.token}` })).body);
    const res = await inject({
      method: 'POST',
      url: `/s/${f.token}/decisions`,
      // What Chromium sends under Referrer-Policy: no-referrer.
      headers: { ...FORM, origin: 'null' },
      payload: form({ csrf, ref: second!.ref, verdict: 'maybe', note: '  Strong on <b>tests</b>  ' }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/s/${f.token}#c-${second!.ref}`);
    const decision = await db.decision.findFirstOrThrow({ where: { applicationId: second!.applicationId } });
    expect(decision).toMatchObject({
      verdict: 'maybe',
      channel: 'web',
      reviewerId: f.manager.userId,
      reviewerName: f.manager.name,
      note: 'Strong on <b>tests</b>',
      rankAtDecision: second!.rank,
    });
    const page = (await inject({ url: `/s/${f.token}` })).body;
    expect(page).toContain('Your latest decision: <strong>Maybe</strong>');
    expect(page).toContain('Note: “Strong on &lt;b&gt;tests&lt;/b&gt;”');
    expect(page).not.toContain('<b>tests</b>');
    // The same origin as the page is welcome too.
    const own = await inject({
      method: 'POST',
      url: `/s/${f.token}/decisions`,
      headers: { ...FORM, origin: f.h.config.publicBaseUrl },
      payload: form({ csrf, ref: second!.ref, verdict: 'approve' }),
    });
    expect(own.statusCode).toBe(303);
  });

  it('refuses candidates that are not on the link\'s page, and bad forms', async () => {
    const db = f.h.skima.ctx.db;
    const elsewhere = await db.application.findFirstOrThrow({ where: { jobId: { not: f.jobId } } });
    const csrf = csrfIn((await inject({ url: `/s/${f.token}` })).body);
    const before = await db.decision.count();
    const post = (payload: Record<string, string>) =>
      inject({ method: 'POST', url: `/s/${f.token}/decisions`, headers: FORM, payload: form(payload) });
    const foreign = await post({ csrf, ref: pageRef(f.h.skima.ctx.secret, f.linkId, elsewhere.id), verdict: 'approve' });
    expect(foreign.statusCode).toBe(404);
    const [entry] = await shortlistRefs(f);
    expect((await post({ csrf, ref: entry!.ref, verdict: 'reject' })).statusCode).toBe(400);
    expect((await post({ csrf, ref: entry!.applicationId.replace(/-/g, '') + 'x'.repeat(40), verdict: 'skip' })).statusCode)
      .toBe(400);
    expect(await db.decision.count()).toBe(before);
  });

  it('makes the link written into Ashby view only, and says how to get a personal one', async () => {
    const token = await ashbyFieldToken(f);
    const page = await inject({ url: `/s/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('View only.');
    expect(page.body).toContain('skima links create');
    expect(page.body).not.toContain('<form');
    const [entry] = await shortlistRefs(f);
    const link = await f.h.skima.ctx.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(link.reviewerId).toBe('ashby');
    const { csrfToken } = await import('../../../src/web/shortlist-page/security.ts');
    const secret = f.h.skima.ctx.secret;
    const res = await inject({
      method: 'POST',
      url: `/s/${token}/decisions`,
      headers: FORM,
      payload: form({
        csrf: csrfToken(secret, link.id),
        ref: pageRef(secret, link.id, entry!.applicationId),
        verdict: 'approve',
      }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('view only');
  });

  it('answers unknown, revoked and expired links with a plain page that says how to get a new one', async () => {
    const ctx = f.h.skima.ctx;
    const revoked = await mintLink(ctx.db, { jobId: f.jobId, reviewerId: f.manager.userId });
    await revokeLinks(ctx.db, { token: revoked.token });
    const scope = { jobId: f.jobId, reviewerId: f.manager.userId };
    const expired = await mintLink(ctx.db, scope, 1000, new Date(Date.now() - 60_000));
    const cases = [
      ['x'.repeat(43), 404],
      ['short', 404],
      [revoked.token, 404],
      [expired.token, 410],
    ] as const;
    for (const [token, status] of cases) {
      const res = await inject({ url: `/s/${token}` });
      expect(res.statusCode).toBe(status);
      expect(res.body).toContain('To get a new link');
      expect(res.body).not.toContain(f.jobTitle);
      const post = await inject({ method: 'POST', url: `/s/${token}/decisions`, headers: FORM, payload: 'ref=a&verdict=skip' });
      expect(post.statusCode).toBe(status);
    }
    expect((await inject({ url: `/s/${expired.token}` })).body).toContain('This link has expired');
    // Unknown and revoked read the same: nothing says a link ever existed.
    expect((await inject({ url: `/s/${revoked.token}` })).body).toBe((await inject({ url: `/s/${'y'.repeat(43)}` })).body);
  });

  it('serves the evidence PDF by the page\'s reference only, naming the candidate, the job and the decision', async () => {
    const [entry] = await shortlistRefs(f);
    const app = await f.h.skima.ctx.db.application.findUniqueOrThrow({
      where: { id: entry!.applicationId },
      include: { candidate: true, job: true, decisions: { orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    const pdf = await inject({ url: `/s/${f.token}/evidence/${entry!.ref}` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const words = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).join('-');
    const verdict = { approve: 'Approved', skip: 'Skipped', maybe: 'Maybe' }[app.decisions[0]?.verdict ?? ''] ?? 'Undecided';
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="SKIMA_Evidence_${words(app.candidate.name!)}_${words(app.job.title)}_${verdict}.pdf"`,
    );
    const text = await extractText(pdf.rawPayload, { filename: 'e.pdf' });
    if (!text.ok) throw new Error(text.message);
    expect(text.text).toContain(app.candidate.name!);
    expect(text.text).toContain(app.job.title);
    expect(text.text).toMatch(verdict === 'Undecided' ? /Decision: none yet/ : new RegExp(`Decision: ${verdict} by `));
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await inject({ url: `/s/${f.token}/evidence/${entry!.applicationId}` })).statusCode).toBe(404);
    expect((await inject({ url: `/s/${f.token}/evidence/nope` })).statusCode).toBe(404);
  });

  it('logs route patterns, never the token or a candidate', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const ctx = { ...f.h.skima.ctx, log: createLogger('debug', sink) };
    const server = await buildServer(ctx);
    try {
      const page = await server.inject({ url: `/s/${f.token}` });
      await server.inject({ method: 'POST', url: `/s/${f.token}/decisions`, headers: FORM, payload: 'ref=a&verdict=skip' });
      await server.inject({ url: `/s/${'z'.repeat(43)}` });
      const names = (await ctx.db.candidate.findMany()).map((c) => c.name!).filter(Boolean);
      const log = lines.join('');
      expect(log).toContain('/s/:token');
      expect(log).not.toContain(f.token);
      expect(log).not.toContain(csrfIn(page.body));
      for (const name of names) expect(log).not.toContain(name);
    } finally {
      await server.close();
    }
  });
});
