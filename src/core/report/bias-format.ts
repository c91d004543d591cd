import type { CategoryRow } from './bias.ts';

/** A category's cells after its name: people, selected, rate, ratio; "too small" instead of a ratio. */
export function biasCell(r: CategoryRow): [string, string, string, string] {
  const people = String(r.people);
  if (r.status === 'too_small') return [people, '–', '–', 'too small'];
  if (r.status === 'not_disclosed') return [people, '–', '–', 'not compared'];
  return [
    people,
    String(r.selected),
    r.rate === null ? '–' : `${(r.rate * 100).toFixed(1)}%`,
    r.impactRatio === null ? '–' : r.impactRatio.toFixed(2),
  ];
}
