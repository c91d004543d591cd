import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintLink, revokeLinks } from '../../../src/core/links.ts';
import { loadPdfJs } from '../../../src/scoring/extract/pdfjs-loader.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { RANGE, type ReportFixture, reportFixture } from './fixture.ts';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await loadPdfJs();
  const options = { data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 };
  const doc = await pdfjs.getDocument(options).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

describe.each(DB_KINDS)('the report page on %s', (kind) => {
  let f: ReportFixture;
  beforeAll(async () => {
    f = await reportFixture(kind);
  });
  afterAll(async () => {
    await f.close();
  });
  const get = (path: string) => f.app.inject({ method: 'GET', url: path });

  it('serves the report with its figures, inline SVG charts and no script', async () => {
    const res = await get(`/r/${f.token}${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain('script-src \'self\'');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body;
    expect(body).not.toMatch(/<script/i);
    expect(body.match(/<svg viewBox/g)).toHaveLength(6);
    expect(body).toContain('2026-11-02 to 2026-11-22 (America/New_York), against 2026-10-12 to 2026-11-01');
    expect(body).toMatch(/id="fig-screened"><dt>Applications screened<\/dt><dd>4<span class="was">before: 2 \(\+2\)/);
    expect(body).toMatch(/id="fig-time-to-screen-median">.*<dd>25 min<span class="was">before: 32 min \(−7 min\)/);
    expect(body).toMatch(/id="fig-response-p90">.*<dd>159.2 h</);
    expect(body).toMatch(/id="fig-top-ten-hired">.*<dd>1</);
    expect(body).toContain('6 minutes of a recruiter');
    // The bias section: four people with answers, every category below the minimum of three.
    expect(body).toContain('4 applications screened in the period, 4 with demographic answers');
    expect(body).toMatch(/<th scope="row">Female<\/th><td class="small">2<\/td><td class="small">–<\/td><td class="small">–<\/td><td class="small">too small<\/td>/);
    expect(body).not.toMatch(/Sam|Dana|Private|example\.com/);
  });

  it('reports one job when asked, and says so for a job it does not know', async () => {
    const res = await get(`/r/${f.token}${RANGE}&job=job-b`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>ROI report: Cashier</h1>');
    expect(res.body).toContain('<option value="job-b" selected>Cashier</option>');
    expect((await get(`/r/${f.token}${RANGE}&job=nope`)).statusCode).toBe(404);
  });

  it('shows the last twelve weeks, and why, for a range it cannot use', async () => {
    const res = await get(`/r/${f.token}?from=2026-11-30&to=2026-11-01`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The range ends (2026-11-01) before it starts (2026-11-30)');
    expect(res.body).toMatch(/<input type="date" name="from" value="\d{4}-\d{2}-\d{2}"/);
    expect((await get(`/r/${f.token}/report.csv?from=yesterday`)).statusCode).toBe(400);
  });

  it('follows the link rules: unknown, revoked, expired, and never another kind of link', async () => {
    expect((await get(`/r/${'x'.repeat(43)}`)).statusCode).toBe(404);
    const shortlist = await mintLink(f.env.ctx.db, { jobId: 'job-a', reviewerId: 'u-1' });
    expect((await get(`/r/${shortlist.token}`)).statusCode).toBe(404);
    expect((await get(`/s/${f.token}`)).statusCode).toBe(404);
    const expired = await mintLink(f.env.ctx.db, { kind: 'report', jobId: '', reviewerId: 'u-2' }, 1000, new Date(Date.now() - 60_000));
    expect((await get(`/r/${expired.token}`)).statusCode).toBe(410);
    const revoked = await mintLink(f.env.ctx.db, { kind: 'report', jobId: '', reviewerId: 'u-3' });
    await revokeLinks(f.env.ctx.db, { token: revoked.token });
    expect((await get(`/r/${revoked.token}/report.csv`)).statusCode).toBe(404);
    expect((await get(`/r/${f.token}/secrets.txt`)).statusCode).toBe(404);
  });

  it('exports the figures behind each chart as CSV', async () => {
    const res = await get(`/r/${f.token}/report.csv${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="skima-report-2026-11-02-2026-11-22.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('chart,series,category,unit,value');
    expect(lines).toEqual(expect.arrayContaining([
      'screened,Screened,2026-11-02,applications,3',
      'screened,Screened,2026-11-09,applications,1',
      'screened,Screened,2026-11-16,applications,0',
      'time-to-screen,Median,2026-11-16,minutes,',
      'manager-response,p90,2026-11-09,hours,159.2',
      'decisions,Approve,2026-11-09,decisions,2',
      'followed-ranking,Followed the ranking,2026-11-02,percent,50',
      'top-ten,Applications,Hired,applications,1',
      'summary,this period,2026-11-02..2026-11-22,count,4',
      'summary,period before,2026-10-12..2026-11-01,count,2',
    ]));
  });

  it('exports the same figures as XLSX', async () => {
    const res = await get(`/r/${f.token}/report.xlsx${RANGE}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const summary = book.getWorksheet('Summary')!;
    const rows = summary.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual(expect.arrayContaining([
      ['Applications screened', 'count', 4, 2],
      ['Time to screen, median', 'minutes', 25, 32],
      ['Approved from the top-10', 'count', 2, 1],
    ]));
    const screened = book.getWorksheet('Applications screened per week')!;
    expect(screened.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['Week of', 'Screened (applications)'],
      ['2026-11-02', 3],
      ['2026-11-09', 1],
      ['2026-11-16', 0],
    ]);
    const jobs = book.getWorksheet('Jobs')!;
    expect((jobs.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['Store Manager', 3, 2]);
  });

  it('exports a PDF that pdf.js reads back with the figures in it', async () => {
    const res = await get(`/r/${f.token}/report.pdf${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Skima ROI report');
    expect(text).toContain('2026-11-02 to 2026-11-22 (America/New_York)');
    expect(text).toMatch(/Applications screened\s+4\s+2\s+\+2/);
    expect(text).toMatch(/Time to screen, median\s+25 min\s+32 min\s+-7 min/);
    expect(text).toMatch(/Hiring-manager response, p90\s+159.2 h/);
    expect(text).toMatch(/\.\.\. were hired|… were hired/);
    expect(text).toContain('Applications screened per week');
    expect(text).toMatch(/Store Manager\s+3\s+2\s+0\s+1/);
    expect(text).toContain('too small');
    expect(text).not.toMatch(/Sam|Dana|Private/);
  });

  it('exports the bias audit as CSV and JSON', async () => {
    const csv = await get(`/r/${f.token}/bias.csv${RANGE}`);
    expect(csv.body.split('\r\n')).toEqual(expect.arrayContaining([
      'field,selection,category,people,status,selected,selectionRate,impactRatio',
      'Gender,scored_60_or_more,Female,2,too_small,,,',
    ]));
    const json = JSON.parse((await get(`/r/${f.token}/bias.json${RANGE}`)).body);
    expect(json).toMatchObject({ population: 4, withAnswers: 4, minGroup: 3, fields: ['Gender', 'Race/Ethnicity'] });
  });

  it('exports the audit log: decisions with rank and scorer version, links, and no notes', async () => {
    const csv = (await get(`/r/${f.token}/audit.csv${RANGE}`)).body;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('at,category,action,actor,actorName,channel,subjectType,subjectId,jobId,verdict,rankAtDecision,scorerVersion,detail');
    expect(lines.filter((l) => l.includes(',decision,decision,'))).toHaveLength(4);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^2026-11-16T04:30:00.000Z,decision,decision,u-1,Dana Lee,slack,application,a4,job-a,approve,3,v1,/),
    ]));
    expect(csv).not.toMatch(/Call Sam|example\.com/);
    const json = JSON.parse((await get(`/r/${f.token}/audit.json?from=2026-10-01&to=2026-12-31`)).body);
    const actions = json.rows.map((r: { action: string }) => r.action);
    expect(actions).toContain('application.stage_moved');
  });
});
