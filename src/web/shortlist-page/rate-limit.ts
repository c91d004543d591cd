/** Requests per key per window; past it, the caller waits `retryAfterS`. */
export interface RateLimitResult {
  ok: boolean;
  retryAfterS: number;
}

/**
 * What the shortlist page needs of a limiter: count one request for a key. Behind this, a limiter may
 * count in this process (FixedWindowLimiter) or in a store several processes share.
 */
export interface RateLimiter {
  hit(key: string): RateLimitResult | Promise<RateLimitResult>;
}

/** The shortlist page's two limits: per link (by the token's hash) and per client address. */
export interface LinkLimiters {
  perLink: RateLimiter;
  perAddress: RateLimiter;
}

/** The limits of one process, as configured. */
export function inProcessLinkLimiters(
  config: { linkRateLimitPerMinute: number; linkRateLimitPerIpPerMinute: number },
): LinkLimiters {
  return {
    perLink: new FixedWindowLimiter(config.linkRateLimitPerMinute),
    perAddress: new FixedWindowLimiter(config.linkRateLimitPerIpPerMinute),
  };
}

/**
 * A fixed-window counter in memory, per process: enough to slow down link guessing and scraping on
 * one instance (several instances each allow the limit). Old windows are dropped as time moves on, so
 * memory stays bounded by the keys seen in one window.
 */
export class FixedWindowLimiter implements RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  hit(key: string): RateLimitResult {
    const now = this.clock();
    const start = now - (now % this.windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limit) return { ok: true, retryAfterS: 0 };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((start + this.windowMs - now) / 1000)) };
  }
}
