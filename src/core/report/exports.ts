import ExcelJS from 'exceljs';
import type { AuditLogRow } from './audit-log.ts';
import { AUDIT_LOG_COLUMNS } from './audit-log.ts';
import type { BiasAudit } from './bias.ts';
import { SELECTIONS } from './bias.ts';
import { chartsOf } from './charts.ts';
import type { Report } from './compute.ts';
import { type Cell, toCsv } from './csv.ts';
import { headlineOf, hoursSavedAssumption } from './headline.ts';

/** The report's figures as CSV: one row per value behind each chart, then the summary and the jobs. */
export function reportCsv(report: Report): string {
  const rows: Cell[][] = [];
  for (const chart of chartsOf(report)) {
    for (const s of chart.series) {
      chart.categories.forEach((c, i) => rows.push([chart.id, s.name, c, chart.unit, s.values[i] ?? null]));
    }
  }
  for (const h of headlineOf(report)) {
    rows.push(['summary', 'this period', `${report.period.firstDay}..${report.period.lastDay}`, h.unit, h.current]);
    rows.push(['summary', 'period before', `${report.previousPeriod.firstDay}..${report.previousPeriod.lastDay}`, h.unit, h.previous]);
  }
  return toCsv(['chart', 'series', 'category', 'unit', 'value'], rows);
}

export const JOB_COLUMNS = ['Job', 'Screened', 'Approved', 'Maybe', 'Skipped', 'Followed ranking %', 'Median time to screen (min)', 'Approved from top-10', 'Hired', 'Hours saved'];

export function jobRows(report: Report): Cell[][] {
  return report.jobs.map((j) => [
    j.title,
    j.screened,
    j.decisions.approve,
    j.decisions.maybe,
    j.decisions.skip,
    j.followedRankingShare === null ? null : Math.round(j.followedRankingShare * 1000) / 10,
    j.timeToScreenMs.median === null ? null : Math.round(j.timeToScreenMs.median / 6000) / 10,
    j.topTen.approved,
    j.topTen.hired,
    j.hoursSaved,
  ]);
}

/** The same figures as a workbook: a summary, a sheet per chart, the jobs. */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Skima';
  book.created = report.generatedAt;
  const summary = book.addWorksheet('Summary');
  summary.addRow([`Skima ROI report: ${report.job?.title ?? 'whole organisation'}`]);
  summary.addRow([`${report.period.firstDay} to ${report.period.lastDay} (${report.settings.timeZone}), against ${report.previousPeriod.firstDay} to ${report.previousPeriod.lastDay}`]);
  summary.addRow([hoursSavedAssumption(report)]);
  summary.addRow([]);
  summary.addRow(['Figure', 'Unit', 'This period', 'Period before']);
  for (const h of headlineOf(report)) summary.addRow([h.label, h.unit, h.current, h.previous]);
  summary.getColumn(1).width = 40;
  for (const chart of chartsOf(report)) {
    const sheet = book.addWorksheet(chart.title.replace(/[*?:\\/[\]]/g, '').slice(0, 31));
    sheet.addRow([chart.categories.length && /^\d{4}-/.test(chart.categories[0]!) ? 'Week of' : 'Stage', ...chart.series.map((s) => `${s.name} (${chart.unit})`)]);
    chart.categories.forEach((c, i) => sheet.addRow([c, ...chart.series.map((s) => s.values[i] ?? null)]));
    sheet.getColumn(1).width = 14;
  }
  const jobs = book.addWorksheet('Jobs');
  jobs.addRow(JOB_COLUMNS);
  for (const row of jobRows(report)) jobs.addRow(row);
  jobs.getColumn(1).width = 30;
  return Buffer.from(await book.xlsx.writeBuffer());
}

const BIAS_COLUMNS = ['field', 'selection', 'category', 'people', 'status', 'selected', 'selectionRate', 'impactRatio'];

function biasRows(audit: BiasAudit): Cell[][] {
  return audit.tables.flatMap((t) =>
    t.rows.map((r) => [t.field, t.selection, r.category, r.people, r.status, r.selected, r.rate, r.impactRatio]),
  );
}

export function biasCsv(audit: BiasAudit): string {
  return toCsv(BIAS_COLUMNS, biasRows(audit));
}

/** The audit as JSON, with what each selection means and the threshold under which a category is too small. */
export function biasJson(audit: BiasAudit): string {
  return JSON.stringify(
    {
      period: audit.period,
      job: audit.job,
      selections: SELECTIONS,
      minGroup: audit.minGroup,
      population: audit.population,
      withAnswers: audit.withAnswers,
      fields: audit.fields,
      unavailable: audit.unavailable ?? null,
      tables: audit.tables,
    },
    null,
    2,
  );
}

export function auditLogCsv(rows: AuditLogRow[]): string {
  return toCsv(
    AUDIT_LOG_COLUMNS,
    rows.map((r) => AUDIT_LOG_COLUMNS.map((c) => (c === 'at' ? r.at.toISOString() : r[c]))),
  );
}

export function auditLogJson(range: { from: Date; to: Date }, rows: AuditLogRow[]): string {
  return JSON.stringify({ from: range.from, to: range.to, rows }, null, 2);
}
