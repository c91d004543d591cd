/** Small text helpers shared by the report-printing commands. */

/** 90_000 → "1.5 min"; null → "n/a". */
export function duration(ms: number | null): string {
  if (ms === null) return 'n/a';
  const units: [number, string][] = [
    [24 * 3600_000, 'd'],
    [3600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size) return `${Number((ms / size).toFixed(1))} ${unit}`;
  }
  return `${Math.round(ms)} ms`;
}

export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

/** "2026-11-24 09:10 UTC"; null → "never". */
export function when(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

/** A date given on the command line: YYYY-MM-DD (midnight UTC) or a full ISO time. */
export function parseDateArg(name: string, value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new Error(`${name} must be a date such as 2026-11-23, not "${value}"`);
  return date;
}
