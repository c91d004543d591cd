// A failure that repeats (every queue's poll while the database is away) is logged when it starts, then
// summarised at most once a minute, and once when it ends.
import { describe, expect, it } from 'vitest';
import { OutageLog } from '../../../src/core/queue/outage-log.ts';
import { capturingLogger } from '../../helpers/logger.ts';

describe('OutageLog', () => {
  it('logs the first failure, a reminder a minute with what it held back, and the recovery', () => {
    const { log, lines } = capturingLogger();
    let now = 0;
    const outage = new OutageLog(log, 'queue polls', 60_000, () => now);
    // Twelve queues failing every two seconds for three minutes.
    for (now = 0; now <= 180_000; now += 2000) {
      for (let q = 0; q < 12; q++) outage.failed(new Error('Connection terminated unexpectedly'), { queue: `q${q}` });
    }
    expect(outage.failing).toBe(true);
    now = 181_000;
    outage.succeeded();
    outage.succeeded(); // nothing more to say while it works
    expect(lines.map((l) => l.msg)).toEqual([
      'queue polls failed; retrying (repeats are summarised)',
      'queue polls still failing; retrying',
      'queue polls still failing; retrying',
      'queue polls still failing; retrying',
      'queue polls works again',
    ]);
    // Every failure up to the last reminder is counted, the first one logged in full included: 90 whole
    // rounds of 12, and the first failure of the round at three minutes, which the reminder reports.
    expect(lines.slice(1, 4).reduce((n, l) => n + Number(l.failures), 0) + 1).toBe(90 * 12 + 1);
    expect(lines[3]!.failingForMs).toBe(180_000);
    expect(lines[4]!.failedForMs).toBe(181_000);
    expect(outage.failing).toBe(false);
  });

  it('starts again after a recovery', () => {
    const { log, lines } = capturingLogger();
    let now = 0;
    const outage = new OutageLog(log, 'queue polls', 60_000, () => now);
    outage.failed(new Error('down'));
    now = 1000;
    outage.succeeded();
    now = 2000;
    outage.failed(new Error('down again'));
    expect(lines.map((l) => l.msg)).toEqual([
      'queue polls failed; retrying (repeats are summarised)',
      'queue polls works again',
      'queue polls failed; retrying (repeats are summarised)',
    ]);
  });
});
