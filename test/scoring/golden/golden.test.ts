import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCORER_ALGORITHM_VERSION } from '../../../src/scoring/version.ts';
import { GOLDEN_FILE, type GoldenPair, type GoldenResult, labelledPairs, RJDB_PATH, rjdbPairs, scorePairs } from './pairs.ts';

/**
 * Work on the scorer's speed must not change a result: every score, reason (text and offsets) and
 * missing item equals the one captured from the code before the change (capture.ts).
 */
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as { version: string; results: Record<string, GoldenResult> };

function expectSame(pairs: readonly GoldenPair[]): void {
  const actual = scorePairs(pairs);
  for (const p of pairs) {
    const want = golden.results[p.id];
    expect(want, p.id).toBeDefined();
    const got = actual[p.id]!;
    expect({ id: p.id, score: got.score, missing: got.missing, reasons: got.reasons }).toEqual({
      id: p.id,
      score: want!.score,
      missing: want!.missing,
      reasons: want!.reasons,
    });
    expect(Math.abs(got.raw - want!.raw), p.id).toBeLessThan(1e-9);
  }
}

describe('golden results', () => {
  it('were captured by this scorer version', () => {
    expect(golden.version).toBe(SCORER_ALGORITHM_VERSION);
  });

  it('hold on the hand-labelled dev set', () => {
    const pairs = labelledPairs();
    expect(pairs.length).toBeGreaterThan(40);
    expectSame(pairs);
  });

  it.runIf(existsSync(RJDB_PATH))('hold on RJDB dev rows (own, weakened and another description)', () => {
    const pairs = rjdbPairs();
    expect(pairs.length).toBe(150);
    expectSame(pairs);
  });
});
