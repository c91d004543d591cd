// The rediscovery page behind personal links, through app.inject(): the link rules, the filters as a
// form, a hiring manager's reading-only link, "Add to job" (CSRF, confirmation, idempotent) against
// the Ashby sandbox, and the downloads read back (the XLSX with exceljs).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, mintLink, revokeLinks } from '../../../src/core/links/links.ts';
import { createRediscoverLink } from '../../../src/core/rediscovery/rediscover-links.ts';
import { csrfToken } from '../../../src/web/shortlist-page/security.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { csrfOf, type RediscoverFixture, rediscoverFixture, refsOf } from './fixture.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DB_KINDS)('the rediscovery page on %s', (kind) => {
  let f: RediscoverFixture;
  beforeAll(async () => {
    f = await rediscoverFixture(kind);
  });
  afterAll(async () => {
    await f?.close();
  });
  const get = (url: string) => f.app.inject({ method: 'GET', url });
  const post = (token: string, fields: Record<string, string>) =>
    f.app.inject({ method: 'POST', url: `/rd/${token}/add`, headers: FORM, payload: new URLSearchParams(fields).toString() });
  const creates = () => f.sandbox.control.writes.filter((w) => w.endpoint === 'application.create');

  it('lists past candidates with score, reasons with quotes and past history, as a personal page', async () => {
    const res = await get(`/rd/${f.recruiterToken}?min=0`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain('form-action \'self\'');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const body = res.body;
    expect(body).not.toMatch(/<script/i);
    expect(body).toContain('<h1>Past candidates for Store Manager</h1>');
    // Active elsewhere is left out by default: Ada, Cleo and Dan, out of the three considered.
    expect(body).toContain('3 qualified past candidates out of 3 considered');
    for (const name of ['Ada Archived', 'Cleo Filled', 'Dan Lead']) expect(body).toContain(name);
    expect(body).not.toContain('Ben Busy');
    expect(body).toMatch(/\d+\/100<\/span>/);
    expect(body).toMatch(/<li>[^<]+ <q>[^<]+<\/q><\/li>/);
    expect(body).toContain('<dt>Past job</dt><dd>Cashier</dd>');
    expect(body).toContain('<dt>Status</dt><dd>Archived (Onsite)</dd>');
    expect(body).toContain('<dt>Archive reason</dt><dd>Withdrew</dd>');
    expect(body).toMatch(/<dt>Last activity<\/dt><dd><time datetime=/);
    expect(refsOf(body)).toHaveLength(3);
    // The filter form reads back the filters; the downloads carry the same ones, and nothing else.
    expect(body).toContain('name="min" value="0"');
    expect(body).toContain(`href="/rd/${f.recruiterToken}/rediscovery.csv?min=0"`);
    // No candidate id and no name in any link of the page.
    const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).join(' ');
    expect(hrefs).not.toMatch(/Ada|Cleo|Dan|candidate/i);
  });

  it('narrows with the filters given as query parameters, and explains a filter it cannot read', async () => {
    const withdrew = await get(`/rd/${f.recruiterToken}?min=0&reason=withdrew`);
    expect(withdrew.body).toContain('1 qualified past candidates out of 1 considered');
    expect(withdrew.body).toContain('Ada Archived');
    const onsite = await get(`/rd/${f.recruiterToken}?min=0&stage=onsite&dnc=on`);
    expect(onsite.body).toContain('2 qualified past candidates out of 2 considered');
    expect(onsite.body).toContain('name="stage" value="onsite"');
    const active = await get(`/rd/${f.recruiterToken}?min=0&active=on`);
    expect(active.body).toContain('Ben Busy');
    expect(active.body).toContain('name="active" value="on" checked');
    const bad = await get(`/rd/${f.recruiterToken}?min=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('&quot;min:abc&quot;: &quot;abc&quot; is not a whole number.');
    expect(bad.body).not.toContain('Ada Archived');
  });

  it('follows the link rules: wrong, expired, revoked, and never another kind of link', async () => {
    const db = f.env.ctx.db;
    const wrong = await get(`/rd/${'x'.repeat(43)}`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('This link does not work');
    const expired = await mintLink(db, { kind: 'rediscover', jobId: f.jobId, reviewerId: 'u-rita' }, 1000, new Date(Date.now() - 60_000));
    const gone = await get(`/rd/${expired.token}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('This link has expired');
    const revoked = await mintLink(db, { kind: 'rediscover', jobId: f.jobId, reviewerId: 'u-rita' });
    await revokeLinks(db, { token: revoked.token });
    expect((await get(`/rd/${revoked.token}`)).statusCode).toBe(404);
    expect((await get(`/rd/${revoked.token}/rediscovery.csv`)).statusCode).toBe(404);
    const shortlist = await mintLink(db, { jobId: f.jobId, reviewerId: 'u-hank' });
    expect((await get(`/rd/${shortlist.token}`)).statusCode).toBe(404);
    expect((await get(`/s/${f.recruiterToken}`)).statusCode).toBe(404);
    expect((await get(`/r/${f.recruiterToken}`)).statusCode).toBe(404);
    for (const page of [wrong, gone]) expect(page.body).not.toMatch(/Store Manager|Ada/);
  });

  it('gives a hiring manager a page that reads only: no Add to job, no recruiter-only results', async () => {
    const res = await get(`/rd/${f.managerToken}?min=0&active=on&dnc=on`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('this link reads only');
    expect(res.body).toContain('Left out: active, dnc (for recruiters and admins only).');
    expect(res.body).not.toContain('Ben Busy');
    expect(res.body).not.toContain('name="active"');
    expect(refsOf(res.body)).toEqual([]);
    // A reference from a recruiter's page, posted with the manager's link's own valid CSRF token: refused,
    // nothing written. (The manager's page has no form that carries one.)
    const recruiterPage = await get(`/rd/${f.recruiterToken}?min=0`);
    const link = await f.env.ctx.db.shareLink.findUniqueOrThrow({ where: { tokenHash: hashToken(f.managerToken) } });
    const csrf = csrfToken(f.env.ctx.secret, link.id);
    const before = creates().length;
    for (const confirm of ['', 'yes']) {
      const refused = await post(f.managerToken, { csrf, ref: refsOf(recruiterPage.body)[0]!, confirm });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('only recruiters and admins can add');
    }
    expect(creates().length).toBe(before);
    const csv = await get(`/rd/${f.managerToken}/rediscovery.csv?min=0&hired=on&active=on`);
    expect(csv.body).not.toContain('Ben Busy');
  });

  it('mints a reading-only link for a hiring manager and an adding one for a recruiter', async () => {
    const deps = { db: f.env.ctx.db, config: f.env.ctx.config };
    const hank = await createRediscoverLink(deps, { jobId: f.jobId, person: 'hank@example.com', mintedBy: 'cli', words: ['min:70', 'dept:ops'] });
    expect(hank.kind).toBe('rediscover-view');
    expect(hank.url).toMatch(/\/rd\/[\w-]{43}\?min=70&dept=ops$/);
    const rita = await createRediscoverLink(deps, { jobId: f.jobId, person: 'rita@example.com', mintedBy: 'cli' });
    expect(rita.kind).toBe('rediscover');
    await expect(createRediscoverLink(deps, { jobId: f.jobId, person: 'stranger@example.com', mintedBy: 'cli' })).rejects.toThrow(/neither a recruiter/);
  });

  it('adds to the job after a confirmation, once: a second add says it is already there', async () => {
    const page = await get(`/rd/${f.recruiterToken}?min=0&reason=withdrew`);
    const csrf = csrfOf(page.body)!;
    const [ref] = refsOf(page.body);
    expect(ref).toBeDefined();
    const before = creates().length;

    expect((await post(f.recruiterToken, { ref: ref!, confirm: 'yes' })).statusCode).toBe(403);
    const otherLink = await mintLink(f.env.ctx.db, { kind: 'rediscover', jobId: f.jobId, reviewerId: 'u-rita' });
    const foreign = await post(otherLink.token, { csrf, ref: ref!, confirm: 'yes' });
    expect(foreign.statusCode).toBe(403);
    expect((await post(f.recruiterToken, { csrf, ref: 'A'.repeat(60), confirm: 'yes' })).statusCode).toBe(404);

    const asked = await post(f.recruiterToken, { csrf, ref: ref!, reason: 'withdrew', min: '0' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('<h1>Add Ada Archived to Store Manager?</h1>');
    expect(asked.body).toContain(`href="/rd/${f.recruiterToken}?min=0&amp;reason=withdrew"`);
    expect(creates().length).toBe(before);

    const added = await post(f.recruiterToken, { csrf, ref: ref!, confirm: 'yes' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Added to Store Manager in Ashby');
    expect(creates().map((w) => w.body)).toHaveLength(before + 1);
    expect(creates().at(-1)!.body).toMatchObject({ candidateId: f.sandbox.control.org.id('candidate', 0), jobId: f.jobId });
    const audit = await f.env.ctx.db.auditEvent.findMany({ where: { action: 'rediscovery.add_to_job' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'u-rita' });
    expect(audit[0]!.detail).toMatchObject({ channel: 'web' });

    const again = await post(f.recruiterToken, { csrf, ref: ref!, confirm: 'yes' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Already added');
    expect(creates()).toHaveLength(before + 1);
  });

  it('downloads the same results as CSV and XLSX', async () => {
    const page = await get(`/rd/${f.recruiterToken}?min=0&limit=2`);
    const shown = [...page.body.matchAll(/<h2>\d+\. ([^<]+) <span class="score">(\d+)\/100/g)].map((m) => [m[1]!, Number(m[2])]);
    expect(shown).toHaveLength(2);

    const csv = await get(`/rd/${f.recruiterToken}/rediscovery.csv?min=0&limit=2`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="skima-rediscovery-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Rank,Candidate,Candidate id,Score,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual(shown.map(([name], i) => [String(i + 1), name]));

    const xlsx = await f.app.inject({ method: 'GET', url: `/rd/${f.recruiterToken}/rediscovery.xlsx?min=0&limit=2` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Candidates')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Rank');
    expect(sheet.rowCount).toBe(3);
    expect([2, 3].map((r) => [sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(4).value])).toEqual(shown);
    const about = book.getWorksheet('About')!;
    expect(about.getRow(2).getCell(2).value).toBe('min:0 limit:2');

    expect((await get(`/rd/${f.recruiterToken}/rediscovery.pdf`)).statusCode).toBe(404);
    expect((await get(`/rd/${f.recruiterToken}/rediscovery.csv?limit=99`)).statusCode).toBe(400);
  });
});
