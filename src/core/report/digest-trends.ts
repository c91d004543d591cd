import type { AppContext } from '../context.ts';
import { computeDigest, type WeeklyDigest } from '../ops/digest.ts';
import { waitingOn } from '../nudges/waiting.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** The digest's trends compare a week with the average of the four before it. */
export const TREND_WEEKS = 4;

export type TrendFigure = 'applicationsScreened' | 'medianTimeToScreenMs' | 'medianManagerResponseMs' | 'decisions'
  | 'followedRankingShare' | 'hires';

export interface DigestTrend {
  figure: TrendFigure;
  unit: 'count' | 'duration' | 'share';
  current: number | null;
  /** The mean over the previous weeks that had a value; null when none had. */
  average: number | null;
}

const FIGURES: { figure: TrendFigure; unit: DigestTrend['unit']; of: (d: WeeklyDigest) => number | null }[] = [
  { figure: 'applicationsScreened', unit: 'count', of: (d) => d.applicationsScreened },
  { figure: 'medianTimeToScreenMs', unit: 'duration', of: (d) => d.medianTimeToScreenMs },
  { figure: 'medianManagerResponseMs', unit: 'duration', of: (d) => d.medianManagerResponseMs },
  { figure: 'decisions', unit: 'count', of: (d) => d.decisions.approve + d.decisions.maybe + d.decisions.skip },
  { figure: 'followedRankingShare', unit: 'share', of: (d) => d.followedRankingShare },
  { figure: 'hires', unit: 'count', of: (d) => d.hires },
];

/**
 * A digest's figures beside their average over the four weeks before it: counts average every week
 * (a quiet week counts as zero), durations and shares only the weeks that had one.
 */
export async function digestTrends(ctx: AppContext, digest: WeeklyDigest): Promise<DigestTrend[]> {
  const length = digest.to.getTime() - digest.from.getTime();
  const before: WeeklyDigest[] = [];
  for (let k = 1; k <= TREND_WEEKS; k++) {
    const from = new Date(digest.from.getTime() - k * Math.max(length, WEEK_MS));
    before.push(await computeDigest(ctx, { from, to: new Date(from.getTime() + length) }));
  }
  return FIGURES.map(({ figure, unit, of }) => {
    const values = before.map(of).filter((v): v is number => v !== null);
    const average = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    return { figure, unit, current: of(digest), average };
  });
}

/** A digest with its trends, as the front doors send it (each trend with its change said in words). */
export type DigestWithTrends = WeeklyDigest & { trends: (DigestTrend & { change: string })[] };

/** `now`: when the digest is drawn, for who is waited on at that moment. */
export async function digestWithTrends(
  ctx: AppContext,
  range: { from: Date; to: Date },
  now = new Date(),
): Promise<DigestWithTrends> {
  const digest = await computeDigest(ctx, range);
  const trends = await digestTrends(ctx, digest);
  const withChange = trends.map((t) => ({ ...t, change: trendChange(t) }));
  return { ...digest, trends: withChange, waitingOn: await waitingOn(ctx, now) };
}

/** "+25% on the 4-week average" / "−10% ..." / "as the 4-week average"; empty when either side is missing or zero. */
export function trendChange(t: DigestTrend): string {
  if (t.current === null || t.average === null) return '';
  if (t.unit === 'share') {
    const points = Math.round((t.current - t.average) * 100);
    return points === 0 ? `as the ${TREND_WEEKS}-week average` : `${points > 0 ? '+' : '−'}${Math.abs(points)} points on the ${TREND_WEEKS}-week average`;
  }
  if (t.average === 0) return t.current === 0 ? `as the ${TREND_WEEKS}-week average` : `up from none in the ${TREND_WEEKS} weeks before`;
  const pct = Math.round(((t.current - t.average) / t.average) * 100);
  return pct === 0 ? `as the ${TREND_WEEKS}-week average` : `${pct > 0 ? '+' : '−'}${Math.abs(pct)}% on the ${TREND_WEEKS}-week average`;
}
