import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs } from '../../src/ashby/backoff.ts';

describe('backoff', () => {
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelayMs(1, opts, () => 0)).toBe(50);
    expect(backoffDelayMs(1, opts, () => 1)).toBe(100);
    expect(backoffDelayMs(3, opts, () => 0.999)).toBeLessThanOrEqual(400);
    expect(backoffDelayMs(3, opts, () => 0)).toBe(200);
    expect(backoffDelayMs(10, opts, () => 1)).toBe(1_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfterMs('3')).toBe(3_000);
    expect(parseRetryAfterMs('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfterMs('soon')).toBeUndefined();
    expect(parseRetryAfterMs(null)).toBeUndefined();
  });
});
