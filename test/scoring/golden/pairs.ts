/**
 * The pairs the golden test scores: every resume of the hand-labelled dev set against its own
 * description (in the repository, always there), and the first RJDB dev rows (matched and weakened
 * resume against their own description, and the matched resume against the next row's) when the
 * evaluation data is present. The held-out labelled set is never read here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLabelledSet } from '../../../bench/lib/labelled-set.ts';
import { sharedDataDir } from '../../../bench/lib/shared-data.ts';
import { createScorer } from '../../../src/scoring/scorer.ts';

export interface GoldenPair {
  readonly id: string;
  readonly jd: string;
  readonly resume: string;
}

export interface GoldenResult {
  readonly score: number;
  readonly raw: number;
  readonly missing: readonly string[];
  readonly reasons: ReadonlyArray<readonly [string, number, number]>;
}

export const RJDB_ROWS = 50;
export const GOLDEN_FILE = resolve(import.meta.dirname, 'expected.json');
export const RJDB_PATH = resolve(sharedDataDir(resolve(import.meta.dirname, '../..')), 'rjdb/rjdb-dev.jsonl');

export function labelledPairs(): GoldenPair[] {
  return loadLabelledSet('dev').flatMap((c) =>
    c.resumes.map((r, i) => ({ id: `labelled:${c.id}:${i}`, jd: c.jd, resume: r.text })),
  );
}

export function rjdbPairs(): GoldenPair[] {
  if (!existsSync(RJDB_PATH)) return [];
  const rows = readFileSync(RJDB_PATH, 'utf8')
    .trim()
    .split('\n')
    .slice(0, RJDB_ROWS + 1)
    .map((l) => JSON.parse(l) as Record<string, string>);
  const out: GoldenPair[] = [];
  for (let i = 0; i < RJDB_ROWS; i++) {
    const row = rows[i]!;
    const next = rows[i + 1]!;
    const jd = row['Job-Description'] ?? '';
    out.push({ id: `rjdb:${i}:matched`, jd, resume: row['Resume-matched'] ?? '' });
    out.push({ id: `rjdb:${i}:weakened`, jd, resume: row['Resume-unmatched'] ?? '' });
    out.push({ id: `rjdb:${i}:other`, jd: next['Job-Description'] ?? '', resume: row['Resume-matched'] ?? '' });
  }
  return out;
}

/** The result of each pair, from a fresh scorer (the job cache off, so every pair parses its description). */
export function scorePairs(pairs: readonly GoldenPair[]): Record<string, GoldenResult> {
  const scorer = createScorer({ asOf: new Date('2023-12-31T00:00:00Z'), jobCacheSize: 0 });
  const out: Record<string, GoldenResult> = {};
  for (const p of pairs) {
    const r = scorer.score(p.jd, p.resume);
    out[p.id] = {
      score: r.score,
      raw: r.features['raw'] ?? 0,
      missing: r.missing,
      reasons: r.reasons.map((x) => [x.text, x.start, x.end] as const),
    };
  }
  return out;
}
