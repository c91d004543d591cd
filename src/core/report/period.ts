/**
 * Dates as an organisation reads them: weeks start on Monday at 00:00 in the report's time zone, and
 * a range given as two calendar dates runs from the first date's midnight to the midnight after the
 * last. A decision at 23:30 on a Sunday in New York belongs to the week that Sunday ends, although it
 * is Monday in UTC.
 */

const DAY_MS = 24 * 3600 * 1000;

/** A calendar date, YYYY-MM-DD. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a clear error for a time zone the runtime does not know. */
export function checkTimeZone(timeZone: string): string {
  try {
    formatter(timeZone);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin)`);
  }
  return timeZone;
}

/** The wall-clock time in the zone, read as if it were UTC: its offset from the instant is the zone's. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The calendar date an instant falls on in the zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The instant of a date's midnight in the zone (twice corrected, for a change of offset that day). */
export function midnightIn(date: LocalDate, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let instant = wall - (wallClockMs(wall, timeZone) - wall);
  instant = wall - (wallClockMs(instant, timeZone) - instant);
  return new Date(instant);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The Monday on or before a date. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** A report's period: calendar dates, both included, and the instants they span. */
export interface Period {
  firstDay: LocalDate;
  lastDay: LocalDate;
  from: Date;
  to: Date;
}

export function periodOf(firstDay: LocalDate, lastDay: LocalDate, timeZone: string): Period {
  if (!isLocalDate(firstDay) || !isLocalDate(lastDay)) throw new RangeError('dates are written YYYY-MM-DD');
  if (lastDay < firstDay) throw new RangeError(`the range ends (${lastDay}) before it starts (${firstDay})`);
  return { firstDay, lastDay, from: midnightIn(firstDay, timeZone), to: midnightIn(addDays(lastDay, 1), timeZone) };
}

/** The period of the same number of days just before. */
export function previousPeriod(period: Period, timeZone: string): Period {
  const days = Math.round((Date.parse(period.lastDay) - Date.parse(period.firstDay)) / DAY_MS) + 1;
  return periodOf(addDays(period.firstDay, -days), addDays(period.firstDay, -1), timeZone);
}

/** The default: the last `weeks` full Monday-to-Sunday weeks before `now` in the zone. */
export function lastFullWeeks(weeks: number, timeZone: string, now = new Date()): Period {
  const thisMonday = mondayOf(localDateOf(now, timeZone));
  return periodOf(addDays(thisMonday, -7 * weeks), addDays(thisMonday, -1), timeZone);
}

/** One week of a period: its Monday, and the instants it spans, clipped to the period. */
export interface Week {
  start: LocalDate;
  from: Date;
  to: Date;
}

export function weeksOf(period: Period, timeZone: string): Week[] {
  const weeks: Week[] = [];
  for (let monday = mondayOf(period.firstDay); monday <= period.lastDay; monday = addDays(monday, 7)) {
    const from = monday < period.firstDay ? period.from : midnightIn(monday, timeZone);
    const next = addDays(monday, 7);
    const to = next > period.lastDay ? period.to : midnightIn(next, timeZone);
    weeks.push({ start: monday, from, to });
  }
  return weeks;
}

/** Which week an instant falls in (binary search over the weeks' bounds), or -1 outside them. */
export function weekIndex(weeks: readonly Week[], instantMs: number): number {
  let lo = 0;
  let hi = weeks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = weeks[mid]!;
    if (instantMs < w.from.getTime()) hi = mid - 1;
    else if (instantMs >= w.to.getTime()) lo = mid + 1;
    else return mid;
  }
  return -1;
}
