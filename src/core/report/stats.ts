const ascending = (values: readonly number[]) => Float64Array.from(values).sort();

function medianOfSorted(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The middle value, or the mean of the middle two (rounded); null for none. */
export function median(values: readonly number[]): number | null {
  return values.length ? medianOfSorted(ascending(values)) : null;
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  return values.length ? percentileOfSorted(ascending(values), p) : null;
}

export interface Spread {
  median: number | null;
  p90: number | null;
}

/** Median and p90 from one sort (a typed array sorts numbers natively, without a comparator). */
export function spread(values: readonly number[]): Spread {
  return spreadOfSorted(ascending(values));
}

/** Median and p90 of values already in ascending order. */
export function spreadOfSorted(sorted: ArrayLike<number>): Spread {
  if (!sorted.length) return { median: null, p90: null };
  return { median: medianOfSorted(sorted), p90: percentileOfSorted(sorted, 90) };
}

/** A value read from either database as a Date, ISO text or a number, in epoch milliseconds. */
export function epochMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  const ms = Date.parse(String(value));
  return Number.isNaN(ms) ? null : ms;
}
