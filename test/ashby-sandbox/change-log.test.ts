import { describe, expect, it } from 'vitest';
import { ChangeLog } from '../../src/ashby-sandbox/change-log.ts';
import { rngFor } from '../../src/ashby-sandbox/prng.ts';

/** The sandbox's earlier way: every record's latest change, filtered and sorted on each call. */
function bruteForce(latest: Map<number, number>, after: number, upto: number): number[] {
  return [...latest.entries()]
    .filter(([, seq]) => seq > after && seq <= upto)
    .sort((a, b) => a[1] - b[1])
    .map(([i]) => i);
}

describe('the sandbox change log (delta sync paging)', () => {
  it('lists each record once, at its latest change, oldest first, within the bounds and the maximum', () => {
    const log = new ChangeLog();
    const latest = new Map<number, number>();
    const change = (index: number, seq: number) => {
      latest.set(index, seq);
      log.record(index, seq);
    };
    change(7, 1);
    change(3, 2);
    change(7, 3); // 7 again: its entry at 1 is superseded
    change(9, 5);
    const seqOf = (i: number) => latest.get(i) ?? 0;
    expect(log.changed(0, 5, seqOf)).toEqual([3, 7, 9]);
    expect(log.changed(2, 5, seqOf)).toEqual([7, 9]);
    expect(log.changed(0, 3, seqOf)).toEqual([3, 7]);
    expect(log.changed(0, 5, seqOf, 2)).toEqual([3, 7]);
    expect(log.changed(5, 9, seqOf)).toEqual([]);
    expect(() => log.record(1, 5)).toThrow(/recorded after/);
  });

  it('answers as scanning every record would, over thousands of random changes', () => {
    const rng = rngFor(42, 'change-log', 0);
    const log = new ChangeLog();
    const latest = new Map<number, number>();
    for (let seq = 1; seq <= 5_000; seq++) {
      const index = rng.int(0, 800);
      latest.set(index, seq);
      log.record(index, seq);
    }
    const seqOf = (i: number) => latest.get(i) ?? 0;
    for (let probe = 0; probe < 200; probe++) {
      const after = rng.int(0, 5_000);
      const upto = rng.int(after, 5_000);
      expect(log.changed(after, upto, seqOf)).toEqual(bruteForce(latest, after, upto));
    }
  });
});
