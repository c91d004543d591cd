import type { Report } from './compute.ts';

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
    {
      id: 'time-to-screen',
      title: 'Time to screen (minutes)',
      kind: 'lines',
      unit: 'minutes',
      categories,
      series: [
        { name: 'Median', values: weeks.map((w) => minutes(w.timeToScreenMs.median)) },
        { name: 'p90', values: weeks.map((w) => minutes(w.timeToScreenMs.p90)) },
      ],
    },
    {
      id: 'manager-response',
      title: 'Hiring-manager response time (hours)',
      kind: 'lines',
      unit: 'hours',
      categories,
      series: [
        { name: 'Median', values: weeks.map((w) => hours(w.managerResponseMs.median)) },
        { name: 'p90', values: weeks.map((w) => hours(w.managerResponseMs.p90)) },
      ],
    },
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
