// The ROI report over a year of a large installation: 100,000 applications (BENCH_REPORT_APPLICATIONS)
// spread over 2026 across 50 jobs, each scored (a tenth of them twice), a quarter decided on, a few
// moved forward or hired, an audit event per screening. Measured on SQLite and PostgreSQL, median of
// 5 runs after a warm-up: the page's work (the report computed for the whole year, its SVG charts and
// HTML), the bias audit (Ashby's demographics report of every application parsed, joined, counted),
// the PDF, and the XLSX. Baseline in the same run: one bare aggregate over every score row. Target:
// the page under a second on both databases.
import { AshbyClient } from '../src/ashby/index.ts';
import { biasTables, screenedOutcomes } from '../src/core/report/bias.ts';
import { computeReport } from '../src/core/report/compute.ts';
import { readDemographics } from '../src/core/report/demographics.ts';
import { reportXlsx } from '../src/core/report/exports.ts';
import { periodOf } from '../src/core/report/period.ts';
import { renderReportPdf } from '../src/core/report/pdf.ts';
import { rawSql } from '../src/db/raw-sql.ts';
import { reportPage } from '../src/web/report-page/views/page.ts';
import { type DbKind } from '../test/helpers/databases.ts';
import { fmt, median, migratedDb } from './_support.ts';
import { JOBS, seedYear } from './lib/report-history.ts';

const APPLICATIONS = Number(process.env.BENCH_REPORT_APPLICATIONS ?? 100_000);
const RUNS = 5;
const settings = { timeZone: 'America/New_York', minutesPerScreen: 6 };
const period = periodOf('2026-01-01', '2026-12-31', settings.timeZone);

/** Ashby answering report.synchronous with the survey rows, as JSON over the real client's parsing. */
function ashbyServing(rows: (string | number)[][]): AshbyClient {
  const body = JSON.stringify({
    success: true,
    results: {
      requestId: 'r',
      status: 'complete',
      reportData: { data: rows, columnNames: ['Application ID', 'Gender', 'Race/Ethnicity'], metadata: { title: 'EEOC', updatedAt: '2026-12-01T00:00:00Z' } },
    },
  });
  return new AshbyClient({ apiKey: 'bench', baseUrl: 'http://127.0.0.1:9', fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }) });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function benchOn(kind: DbKind) {
  const { db, close } = await migratedDb(kind);
  try {
    const seedStart = performance.now();
    const survey = await seedYear(db, APPLICATIONS);
    const seeded = performance.now() - seedStart;
    const ashby = ashbyServing(survey);
    const links = { page: '/r/x', exportUrl: (n: string) => `/r/x/${n}` };
    const baseline = await timed(() => rawSql(db).rows('SELECT COUNT(*) AS "n", MIN("createdAt") AS "m" FROM "Score"'));
    let html = '';
    // The page's bias section is measured apart (below), as it waits on Ashby.
    const noBias = { period, job: null, minGroup: 10, population: 0, withAnswers: 0, fields: [], tables: [] };
    const page = await timed(async () => {
      html = reportPage(await computeReport(db, settings, { period }), noBias, links);
    });
    const bias = await timed(async () => {
      const [outcomes, demographics] = await Promise.all([screenedOutcomes(db, period), readDemographics(ashby, 'r')]);
      return biasTables(outcomes, demographics.answers, demographics.fields, 10);
    });
    const report = await computeReport(db, settings, { period });
    const pdf = await timed(() => renderReportPdf(report));
    const xlsx = await timed(() => reportXlsx(report));
    console.log(
      `${kind.padEnd(10)} seeded in ${fmt(seeded / 1000, 1)} s; screened ${fmt(report.current.screened)} over ${report.weeks.length} weeks`
      + ` | baseline (one aggregate over every score) ${fmt(baseline, 1)} ms`
      + ` | page (report + charts + HTML, ${fmt(html.length / 1024)} KiB) ${fmt(page, 1)} ms = ${fmt(page / baseline, 1)}x`
      + ` | bias audit ${fmt(bias, 1)} ms | PDF ${fmt(pdf, 1)} ms | XLSX ${fmt(xlsx, 1)} ms`
      + ` | page under 1 s: ${page < 1000 ? 'yes' : 'NO'}`,
    );
    return page < 1000;
  } finally {
    await close();
  }
}

console.log(`report over a year: ${fmt(APPLICATIONS)} applications, ${JOBS} jobs, median of ${RUNS} runs`);
let ok = true;
for (const kind of ['sqlite', 'postgresql'] as const) ok = (await benchOn(kind)) && ok;
process.exit(ok ? 0 : 1);
