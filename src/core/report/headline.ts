import type { Report } from './compute.ts';
import type { Figures } from './figures.ts';

/** One figure of the period, beside the period before: the page's tiles, the PDF's and XLSX's summary. */
export interface HeadlineFigure {
  id: string;
  label: string;
  unit: 'count' | 'minutes' | 'hours' | 'percent';
  current: number | null;
  previous: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const inMinutes = (ms: number | null) => (ms === null ? null : round1(ms / 60_000));
const inHours = (ms: number | null) => (ms === null ? null : round1(ms / 3_600_000));

const FIGURES: { id: string; label: string; unit: HeadlineFigure['unit']; of: (f: Figures) => number | null }[] = [
  { id: 'screened', label: 'Applications screened', unit: 'count', of: (f) => f.screened },
  { id: 'hours-saved', label: 'Recruiter hours saved (estimate)', unit: 'hours', of: (f) => f.hoursSaved },
  { id: 'time-to-screen-median', label: 'Time to screen, median', unit: 'minutes', of: (f) => inMinutes(f.timeToScreenMs.median) },
  { id: 'time-to-screen-p90', label: 'Time to screen, p90', unit: 'minutes', of: (f) => inMinutes(f.timeToScreenMs.p90) },
  { id: 'response-median', label: 'Hiring-manager response, median', unit: 'hours', of: (f) => inHours(f.managerResponseMs.median) },
  { id: 'response-p90', label: 'Hiring-manager response, p90', unit: 'hours', of: (f) => inHours(f.managerResponseMs.p90) },
  { id: 'decisions', label: 'Decisions', unit: 'count', of: (f) => f.decisions.approve + f.decisions.maybe + f.decisions.skip },
  { id: 'approve', label: 'Approved', unit: 'count', of: (f) => f.decisions.approve },
  { id: 'maybe', label: 'Maybe', unit: 'count', of: (f) => f.decisions.maybe },
  { id: 'skip', label: 'Skipped', unit: 'count', of: (f) => f.decisions.skip },
  {
    id: 'followed-ranking',
    label: 'Decisions that followed the ranking',
    unit: 'percent',
    of: (f) => (f.followedRankingShare === null ? null : round1(f.followedRankingShare * 100)),
  },
  { id: 'top-ten-approved', label: 'Approved from the top-10', unit: 'count', of: (f) => f.topTen.approved },
  { id: 'top-ten-interview', label: '… reached an interview', unit: 'count', of: (f) => f.topTen.interview },
  { id: 'top-ten-offer', label: '… reached an offer', unit: 'count', of: (f) => f.topTen.offer },
  { id: 'top-ten-hired', label: '… were hired', unit: 'count', of: (f) => f.topTen.hired },
  { id: 'unscorable', label: 'Unreadable or without a resume', unit: 'count', of: (f) => f.unscorable },
];

export function headlineOf(report: Report): HeadlineFigure[] {
  return FIGURES.map((f) => ({
    id: f.id,
    label: f.label,
    unit: f.unit,
    current: f.of(report.current),
    previous: f.of(report.previous),
  }));
}

const UNIT_SUFFIX: Record<HeadlineFigure['unit'], string> = { count: '', minutes: ' min', hours: ' h', percent: '%' };

export function formatFigure(value: number | null, unit: HeadlineFigure['unit']): string {
  if (value === null) return '–';
  return `${unit === 'count' ? value.toLocaleString('en-US') : value}${UNIT_SUFFIX[unit]}`;
}

/** "+3" / "−1.5 h" / "no change" against the period before; empty when either side has no value. */
export function formatChange(f: HeadlineFigure): string {
  if (f.current === null || f.previous === null) return '';
  const delta = round1(f.current - f.previous);
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatFigure(Math.abs(delta), f.unit)}`;
}

/** The assumption behind "hours saved", said wherever the figure is shown. */
export function hoursSavedAssumption(report: Report): string {
  return `Hours saved assumes ${report.settings.minutesPerScreen} minutes of a recruiter's time per application screened by hand (REPORT_MINUTES_PER_SCREEN).`;
}
