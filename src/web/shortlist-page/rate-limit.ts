import { hashToken } from '../../core/links/links.ts';
import { RateWindows } from '../../core/rate-windows.ts';
import type { Db } from '../../db/client.ts';

/** Requests per key per window; past it, the caller waits `retryAfterS`. */
export interface RateLimitResult {
  ok: boolean;
  retryAfterS: number;
}

/**
 * What the shortlist page needs of a limiter: count one request for a key. Behind this, a limiter may
 * count in this process or in a store several processes share (SharedWindowLimiter).
 */
export interface RateLimiter {
  hit(key: string): RateLimitResult | Promise<RateLimitResult>;
}

/** The shortlist page's two limits: per link (by the token's hash) and per client address. */
export interface LinkLimiters {
  perLink: RateLimiter;
  perAddress: RateLimiter;
}

/**
 * Counts one request to a link page against both limits: the client's address (req.ip is the peer's
 * address unless TRUST_PROXY names the proxy in front) and the link, keyed by the token's hash so that
 * not even the limiter holds a usable link. The seconds to wait when either is spent, else null. Every
 * link page (shortlist, report, rediscovery) asks this before it looks the link up.
 */
export async function linkRequestLimited(limiters: LinkLimiters, ip: string, token: string): Promise<number | null> {
  for (const hit of [() => limiters.perAddress.hit(`ip:${ip}`), () => limiters.perLink.hit(hashToken(token))]) {
    const limit = await hit();
    if (!limit.ok) return limit.retryAfterS;
  }
  return null;
}

/** The limits as configured, counted in the database: they hold across every web process. */
export function sharedLinkLimiters(
  db: Db,
  config: { linkRateLimitPerMinute: number; linkRateLimitPerIpPerMinute: number },
): LinkLimiters {
  const windows = new RateWindows(db);
  return {
    perLink: new SharedWindowLimiter(windows, 'link', config.linkRateLimitPerMinute),
    perAddress: new SharedWindowLimiter(windows, 'page', config.linkRateLimitPerIpPerMinute),
  };
}

/**
 * A fixed-window counter per key in the shared store (core/rate-windows.ts): enough to slow down link
 * guessing and scraping, however many processes serve the pages.
 */
export class SharedWindowLimiter implements RateLimiter {
  constructor(
    private readonly windows: RateWindows,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async hit(key: string): Promise<RateLimitResult> {
    const taken = await this.windows.take(`${this.prefix}:${key}`, this.limit, this.windowMs);
    if (taken.ok) return { ok: true, retryAfterS: 0 };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((taken.windowEndsAt - this.clock()) / 1000)) };
  }
}
