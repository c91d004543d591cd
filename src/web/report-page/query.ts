import { isLocalDate, lastFullWeeks, type Period, periodOf } from '../../core/report/period.ts';

/** The default range: the last twelve full weeks. */
export const DEFAULT_WEEKS = 12;
/** A longer range is refused: a report is read for years at most. */
const MAX_DAYS = 3 * 366;

export interface ReportQuery {
  period: Period;
  jobId?: string;
  /** Set when the query could not be used as given: the default range is shown with this message. */
  error?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD&job=<id>, both dates included; either date may be left out. */
export function parseReportQuery(query: unknown, timeZone: string, now = new Date()): ReportQuery {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const fallback = lastFullWeeks(DEFAULT_WEEKS, timeZone, now);
  const jobId = /^[A-Za-z0-9_-]{1,100}$/.test(text(q.job)) ? text(q.job) : undefined;
  const from = text(q.from) || fallback.firstDay;
  const to = text(q.to) || fallback.lastDay;
  const base = jobId ? { jobId } : {};
  if (!isLocalDate(from) || !isLocalDate(to)) {
    return { ...base, period: fallback, error: 'Dates are written YYYY-MM-DD; showing the last twelve weeks instead.' };
  }
  if (to < from) return { ...base, period: fallback, error: `The range ends (${to}) before it starts (${from}); showing the last twelve weeks instead.` };
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS) {
    return { ...base, period: fallback, error: 'A report covers at most three years; showing the last twelve weeks instead.' };
  }
  return { ...base, period: periodOf(from, to, timeZone) };
}

/** The query string that reproduces a report's range and job, for its export links. */
export function queryString(period: Period, jobId?: string): string {
  const params = new URLSearchParams({ from: period.firstDay, to: period.lastDay, ...(jobId ? { job: jobId } : {}) });
  return `?${params.toString()}`;
}
