/** Retry timing: exponential backoff with full jitter, overridden by a server's Retry-After. */
export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** Delay before retry number `attempt` (1-based). `random` is injectable so tests are deterministic. */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  // Full jitter spreads retries of many callers so they do not hit Ashby in lockstep.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds; undefined when absent or unusable. */
export function parseRetryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
