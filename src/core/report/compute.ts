import type { Db } from '../../db/client.ts';
import { type Figures, FiguresBuilder } from './figures.ts';
import { type History, jobTitles, readHistory } from './history.ts';
import { type LocalDate, type Period, previousPeriod, weekIndex, weeksOf } from './period.ts';
import { type ScreenedBuckets, screenedBuckets } from './screened-sql.ts';

export interface ReportSettings {
  /** IANA time zone the weeks and dates are read in. */
  timeZone: string;
  /** The assumed minutes a recruiter spends screening one application by hand. */
  minutesPerScreen: number;
}

export interface ReportRequest {
  period: Period;
  /** One job's report; undefined: the whole organisation. */
  jobId?: string;
}

export interface WeekFigures extends Figures {
  /** The week's Monday in the report's time zone. */
  start: LocalDate;
}

export interface JobFigures extends Figures {
  jobId: string;
  title: string;
}

export interface Report {
  settings: ReportSettings;
  period: Period;
  previousPeriod: Period;
  /** The job the report is about; null: the organisation. */
  job: { id: string; title: string } | null;
  current: Figures;
  previous: Figures;
  weeks: WeekFigures[];
  /** This period's figures per job with any activity, most screened first. */
  jobs: JobFigures[];
  /** Every job known, for the form's choice. */
  jobChoices: { id: string; title: string }[];
  generatedAt: Date;
}

export class UnknownJobError extends Error {}

/**
 * The ROI report of a period against the one before: per week, per job and in total. No personal
 * data: counts, durations and job titles. Definitions: docs/report.md.
 */
export async function computeReport(
  db: Db,
  settings: ReportSettings,
  request: ReportRequest,
  now = new Date(),
): Promise<Report> {
  const { period, jobId } = request;
  const previous = previousPeriod(period, settings.timeZone);
  const weeks = weeksOf(period, settings.timeZone);
  const [history, screened, titles] = await Promise.all([
    readHistory(db, { from: previous.from, to: period.to }, jobId),
    screenedBuckets(db, { previous, period, weeks }, jobId),
    jobTitles(db),
  ]);
  if (jobId && !titles.has(jobId)) throw new UnknownJobError(`no job ${jobId} is known to Skima`);
  const buckets = bucketHistory(history, screened, period, weeks);
  const build = (b: FiguresBuilder) => b.build(settings.minutesPerScreen, history.stageMoved);
  const jobs = [...buckets.jobs]
    .filter(([id]) => titles.has(id))
    .map(([id, b]) => ({ jobId: id, title: titles.get(id)!, ...build(b) }))
    .sort((a, b) =>
      b.screened - a.screened || b.decisions.approve - a.decisions.approve || a.title.localeCompare(b.title));
  return {
    settings,
    period,
    previousPeriod: previous,
    job: jobId ? { id: jobId, title: titles.get(jobId)! } : null,
    current: build(buckets.current),
    previous: build(buckets.previous),
    weeks: weeks.map((w, i) => ({ start: w.start, ...build(buckets.weeks[i]!) })),
    jobs,
    jobChoices: [...titles].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title)),
    generatedAt: now,
  };
}

/** One pass over the rows: each goes to its period, its week and its job. */
function bucketHistory(history: History, screened: ScreenedBuckets, period: Period, weeks: ReturnType<typeof weeksOf>) {
  const current = new FiguresBuilder();
  const previous = new FiguresBuilder();
  const weekBuilders = weeks.map(() => new FiguresBuilder());
  const jobs = new Map<string, FiguresBuilder>();
  const start = period.from.getTime();
  const jobBuilder = (jobId: string) => {
    let job = jobs.get(jobId);
    if (!job) jobs.set(jobId, (job = new FiguresBuilder()));
    return job;
  };
  const targets = (atMs: number, jobId: string): FiguresBuilder[] => {
    if (atMs < start) return [previous];
    const week = weekBuilders[weekIndex(weeks, atMs)];
    return week ? [current, week, jobBuilder(jobId)] : [current, jobBuilder(jobId)];
  };
  previous.setScreened(screened.previous);
  current.setScreened(screened.current);
  for (const [i, stats] of screened.weeks) weekBuilders[i]?.setScreened(stats);
  for (const [jobId, stats] of screened.jobs) jobBuilder(jobId).setScreened(stats);
  for (const u of history.unscorable) for (const b of targets(u.atMs, u.jobId)) b.addUnscorable();
  // Rows come oldest first: an application's first decision is the first row seen for it.
  const seen = new Set<string>();
  for (const d of history.decisions) {
    const first = !seen.has(d.applicationId) && d.atMs === d.firstDecisionMs;
    seen.add(d.applicationId);
    const firstOnShortlist = first && d.rankAtDecision !== null;
    for (const b of targets(d.atMs, d.jobId)) b.addDecision(d, firstOnShortlist);
  }
  return { current, previous, weeks: weekBuilders, jobs };
}
