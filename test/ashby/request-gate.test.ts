import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/ashby/request-gate.ts';

describe('RequestGate', () => {
  it('never runs more tasks at once than maxConcurrency', async () => {
    const gate = new RequestGate({ requestsPerSecond: 10_000, burst: 10_000, maxConcurrency: 2 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('spaces requests beyond the burst at the sustained rate', async () => {
    const gate = new RequestGate({ requestsPerSecond: 50, burst: 2, maxConcurrency: 10 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => gate.run(async () => undefined)));
    // 2 immediate + 4 at 20 ms each: at least ~80 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new RequestGate({ maxConcurrency: 0 })).toThrow(RangeError);
  });
});
