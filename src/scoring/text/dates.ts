import { allMatches } from './matches.ts';

/**
 * Date ranges in resumes ("2019 - 2023", "Jan 2019 – Mar 2022", "03/2018 to present",
 * "from 2014 to 2016"). Times are months since year 0, so ranges can be merged and measured.
 */
export interface DateRange {
  readonly startMonth: number;
  readonly endMonth: number;
  /** Offsets of the range in the searched text. */
  readonly start: number;
  readonly end: number;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
// "Jan 2019", "03/2019", "2019", or year first as forms and ISO dates write it: "2019-03", "2019-03-15".
const YEAR_FIRST_MONTH = '(?:[/.-](0?[1-9]|1[0-2])(?:[/.-](?:0?[1-9]|[12]\\d|3[01]))?(?!\\d))?';
const POINT = `(?:(${MONTH})\\s+|(\\d{1,2})[/.-])?((?:19|20)\\d{2})${YEAR_FIRST_MONTH}`;
const RANGE_RE = new RegExp(
  `(?:from\\s+)?${POINT}\\s*(?:-|–|—|to|until|till|through)\\s*(?:${POINT}|(present|current|now|today|date|ongoing))`,
  'gi',
);

/** Every range has a year: a text without one (most lines) skips RANGE_RE, which is tried from every position. */
const YEAR = /(?:19|20)\d{2}/;

export function findDateRanges(text: string, asOfMonth: number): DateRange[] {
  const out: DateRange[] = [];
  if (!YEAR.test(text)) return out;
  for (const m of allMatches(RANGE_RE, text)) {
    const startMonth = toMonth(m[1], m[2] ?? m[4], m[3], 0);
    const endMonth = m[9] ? asOfMonth : toMonth(m[5], m[6] ?? m[8], m[7], 11);
    if (startMonth === undefined || endMonth === undefined) continue;
    // A bare "2019 - 2023" means the years worked, counted as year boundaries (4 years).
    const endAdj = m[5] || m[6] || m[8] || m[9] ? endMonth : endMonth - 11;
    if (endAdj < startMonth || endAdj - startMonth > 12 * 60) continue;
    out.push({ startMonth, endMonth: endAdj, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A line that ends inside a range: "ICU Nurse, Lakeshore General (2019 -", the rest on the next line. */
const OPEN_RANGE_END = /(?:19|20)\d{2}(?:[/.-]\d{1,2})?\s*(?:-|–|—|to|until|till|through)\s*$/i;

/**
 * A range the line break cut ("… (2019 -" / "present)", a PDF wrapping a narrow column), read with
 * the start of the next line; its offsets stay within this line.
 */
export function findRangeOnto(text: string, next: string, asOfMonth: number): DateRange | undefined {
  if (!OPEN_RANGE_END.test(text)) return undefined;
  const joined = `${text} ${next.trimStart()}`;
  const range = findDateRanges(joined, asOfMonth).find((r) => r.start < text.length && r.end > text.length);
  return range ? { ...range, end: text.length } : undefined;
}

function toMonth(
  monthName: string | undefined,
  monthNum: string | undefined,
  year: string | undefined,
  defaultMonth: number,
): number | undefined {
  if (!year) return undefined;
  let month = defaultMonth;
  if (monthName)
    month =
      MONTHS[monthName.toLowerCase().replace(/\.$/, '').slice(0, 4)]
      ?? MONTHS[monthName.toLowerCase().slice(0, 3)]
      ?? defaultMonth;
  else if (monthNum) month = Math.min(11, Math.max(0, Number(monthNum) - 1));
  return Number(year) * 12 + month;
}

/** Total months covered by a set of intervals, counting overlaps once. */
export function mergedMonths(intervals: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

export function monthOf(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
