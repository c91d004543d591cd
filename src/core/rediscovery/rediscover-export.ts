import ExcelJS from 'exceljs';
import { inertText, toCsv } from '../report/csv.ts';
import type { RediscoveredCandidate, RediscoverResult } from './rediscover.ts';

/** What an export says about how the list was made, beside the list itself. */
export interface ExportContext {
  /** The filter words as given ("min:70 since:180d"); empty for none. */
  filters: string[];
  generatedAt: Date;
}

/** The JSON form (`skima rediscover --json`, the web view's download): the result as data. */
export function rediscoveryJson(r: RediscoverResult, about: ExportContext) {
  return {
    job: r.job,
    considered: r.considered,
    filters: about.filters,
    generatedAt: about.generatedAt.toISOString(),
    candidates: r.candidates.map((c) => ({
      candidateId: c.candidateId,
      ...(c.candidateName === undefined ? {} : { candidateName: c.candidateName }),
      score: c.score,
      band: c.band,
      reasons: c.reasons.map((reason) => ({ text: reason.text, quote: reason.quote })),
      missing: c.missing,
      pastApplicationId: c.pastApplicationId,
      pastJobTitle: c.pastJobTitle,
      pastStatus: c.pastStatus,
      pastStage: c.pastStage,
      archiveReason: c.archiveReason,
      source: c.source,
      lastActivityAt: c.lastActivityAt.toISOString(),
    })),
  };
}

interface Column {
  header: string;
  width: number;
  value: (c: RediscoveredCandidate, rank: number) => string | number;
}

const COLUMNS: Column[] = [
  { header: 'Rank', width: 6, value: (_c, rank) => rank },
  { header: 'Candidate', width: 24, value: (c) => c.candidateName ?? '' },
  { header: 'Candidate id', width: 38, value: (c) => c.candidateId },
  { header: 'Score', width: 7, value: (c) => c.score },
  { header: 'Band', width: 13, value: (c) => c.band },
  { header: 'Reasons', width: 60, value: (c) => c.reasons.map((r) => r.text).join('\n') },
  { header: 'Missing', width: 40, value: (c) => c.missing.join('\n') },
  { header: 'Past job', width: 28, value: (c) => c.pastJobTitle },
  { header: 'Past status', width: 11, value: (c) => c.pastStatus },
  { header: 'Past stage', width: 22, value: (c) => c.pastStage ?? '' },
  { header: 'Archive reason', width: 24, value: (c) => c.archiveReason ?? '' },
  { header: 'Source', width: 18, value: (c) => c.source ?? '' },
  { header: 'Last activity', width: 12, value: (c) => c.lastActivityAt.toISOString().slice(0, 10) },
];

/** A spreadsheet opens a cell starting with = + - @ as a formula: such text is prefixed with '. */
function inert(value: string | number): string | number {
  return typeof value === 'string' ? inertText(value) : value;
}

/** CSV (RFC 4180): a header row, then one row per candidate, best first. */
export function rediscoveryCsv(r: RediscoverResult): string {
  return toCsv(COLUMNS.map((c) => c.header), r.candidates.map((c, i) => COLUMNS.map((col) => col.value(c, i + 1))));
}

/** An XLSX workbook: "Candidates" (a header row, then one row per candidate, best first) and "About"
 * (the job, the filters used, how many were considered, the date). */
export async function rediscoveryXlsx(r: RediscoverResult, about: ExportContext): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Skima';
  book.created = about.generatedAt;
  const sheet = book.addWorksheet('Candidates', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  r.candidates.forEach((c, i) => sheet.addRow(COLUMNS.map((col) => inert(col.value(c, i + 1)))));
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };

  const info = book.addWorksheet('About');
  info.columns = [{ width: 16 }, { width: 60 }];
  info.addRows([
    ['Job', inert(`${r.job.title} (${r.job.id})`)],
    ['Filters', inert(about.filters.length ? about.filters.join(' ') : 'none')],
    ['Considered', r.considered],
    ['Listed', r.candidates.length],
    ['Generated', about.generatedAt],
  ]);
  info.getColumn(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
