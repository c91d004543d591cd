/**
 * CSV as RFC 4180 writes it (CRLF, quotes doubled), with one guard: a text cell starting with = + - @
 * (or a tab or carriage return) is prefixed with an apostrophe, so a spreadsheet never runs it as a
 * formula. Numbers are written as they are.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as written, never run as a formula (CSV and XLSX alike). */
export function inertText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = inertText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
