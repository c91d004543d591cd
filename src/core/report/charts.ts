import type { Report } from './compute.ts';
import type { Spread } from './stats.ts';

/**
 * What each chart of the report shows, as plain numbers: the page draws these as SVG, the PDF as
 * vectors, and the CSV and XLSX exports hold exactly these figures.
 */
export interface ChartSpec {
  id: string;
  title: string;
  kind: 'bars' | 'stacked' | 'lines';
  unit: 'applications' | 'decisions' | 'minutes' | 'hours' | 'percent';
  /** The x axis: week Mondays (YYYY-MM-DD) or named stages. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const minutes = (ms: number | null) => (ms === null ? null : round1(ms / 60_000));
const hours = (ms: number | null) => (ms === null ? null : round1(ms / 3_600_000));
const percent = (share: number | null) => (share === null ? null : round1(share * 100));

/** A median-and-p90 line chart of one duration per week. */
function spreadChart(
  id: string,
  title: string,
  unit: 'minutes' | 'hours',
  spreads: Spread[],
  inUnit: (ms: number | null) => number | null,
  categories: string[],
): ChartSpec {
  return {
    id,
    title,
    kind: 'lines',
    unit,
    categories,
    series: [
      { name: 'Median', values: spreads.map((s) => inUnit(s.median)) },
      { name: 'p90', values: spreads.map((s) => inUnit(s.p90)) },
    ],
  };
}

export function chartsOf(report: Report): ChartSpec[] {
  const weeks = report.weeks;
  const categories = weeks.map((w) => w.start);
  const { topTen } = report.current;
  return [
    {
      id: 'screened',
      title: 'Applications screened per week',
      kind: 'bars',
      unit: 'applications',
      categories,
      series: [{ name: 'Screened', values: weeks.map((w) => w.screened) }],
    },
    spreadChart('time-to-screen', 'Time to screen (minutes)', 'minutes', weeks.map((w) => w.timeToScreenMs), minutes, categories),
    spreadChart('manager-response', 'Hiring-manager response time (hours)', 'hours', weeks.map((w) => w.managerResponseMs), hours, categories),
    {
      id: 'decisions',
      title: 'Decisions by verdict',
      kind: 'stacked',
      unit: 'decisions',
      categories,
      series: [
        { name: 'Approve', values: weeks.map((w) => w.decisions.approve) },
        { name: 'Maybe', values: weeks.map((w) => w.decisions.maybe) },
        { name: 'Skip', values: weeks.map((w) => w.decisions.skip) },
      ],
    },
    {
      id: 'followed-ranking',
      title: 'Decisions that followed the ranking (%)',
      kind: 'bars',
      unit: 'percent',
      categories,
      series: [{ name: 'Followed the ranking', values: weeks.map((w) => percent(w.followedRankingShare)) }],
    },
    {
      id: 'top-ten',
      title: 'Approvals from the top-10, and how far they got',
      kind: 'bars',
      unit: 'applications',
      categories: ['Approved', 'Interview', 'Offer', 'Hired'],
      series: [{ name: 'Applications', values: [topTen.approved, topTen.interview, topTen.offer, topTen.hired] }],
    },
  ];
}
