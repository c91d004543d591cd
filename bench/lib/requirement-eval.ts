import { contentStems } from '../../src/scoring/text/tokenize.ts';

/** Words every requirement label may carry that say nothing about which requirement it is. */
const FRAME = new Set(contentStems('experience years year yrs strong excellent knowledge skills proven ability working'));

function stemsOf(text: string): string[] {
  return [...new Set(contentStems(text))].filter((s) => !FRAME.has(s) && !/^\d+\+?$/.test(s));
}

/**
 * Whether an extracted requirement and a hand-written label name the same requirement: at least
 * half of the words of one are in the other (framing words and numbers aside).
 */
export function sameRequirement(extracted: string, label: string): boolean {
  const a = stemsOf(extracted);
  const b = stemsOf(label);
  if (a.length === 0 || b.length === 0) return false;
  const bSet = new Set(b);
  const shared = a.filter((s) => bSet.has(s)).length;
  return shared / a.length >= 0.5 || shared / b.length >= 0.5;
}

export interface Tally {
  hit: number;
  total: number;
}

export const ratio = (t: Tally): number => (t.total > 0 ? t.hit / t.total : Number.NaN);
