/**
 * Rate limit plus concurrency bound for Ashby calls. One gate is meant to be shared by every client
 * that uses the same API key, because Ashby limits per organisation, not per caller.
 */
export interface RequestGateOptions {
  /** Sustained requests per second (token bucket refill rate). */
  requestsPerSecond: number;
  /** Short bursts allowed above the sustained rate. */
  burst: number;
  /** Requests in flight at once. */
  maxConcurrency: number;
  /** Where the rate tokens come from when several processes share the API key (the caller's store);
   * without one, this gate's own token bucket. The concurrency bound stays per process. */
  budget?: RateBudget;
}

/** A request budget kept outside this process: `take` resolves once one request may go out. */
export interface RateBudget {
  take(): Promise<void>;
}

/** Conservative: Ashby publishes no general limit, and third parties see 429s above ~8 in flight. */
export const DEFAULT_GATE_OPTIONS: RequestGateOptions = { requestsPerSecond: 5, burst: 5, maxConcurrency: 4 };

export class RequestGate {
  private readonly options: RequestGateOptions;
  private tokens: number;
  private lastRefill: number;
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(options: Partial<RequestGateOptions> = {}, now: () => number = () => performance.now()) {
    this.options = { ...DEFAULT_GATE_OPTIONS, ...options };
    if (this.options.requestsPerSecond <= 0 || this.options.maxConcurrency < 1 || this.options.burst < 1) {
      throw new RangeError('RequestGate needs requestsPerSecond > 0, burst >= 1 and maxConcurrency >= 1');
    }
    this.now = now;
    this.tokens = this.options.burst;
    this.lastRefill = now();
  }

  /** Runs `task` once a concurrency slot and a rate token are both available. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquireSlot();
    try {
      await this.takeToken();
      return await task();
    } finally {
      this.releaseSlot();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  private acquireSlot(): Promise<void> {
    if (this.active < this.options.maxConcurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(() => {
        this.active++;
        resolve();
      });
    });
  }

  private releaseSlot(): void {
    this.active--;
    const next = this.waiters.shift();
    if (next) next();
  }

  private async takeToken(): Promise<void> {
    if (this.options.budget) return this.options.budget.take();
    for (;;) {
      const t = this.now();
      const elapsed = (t - this.lastRefill) / 1000;
      this.tokens = Math.min(this.options.burst, this.tokens + elapsed * this.options.requestsPerSecond);
      this.lastRefill = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.tokens) / this.options.requestsPerSecond) * 1000;
      await new Promise((r) => setTimeout(r, Math.ceil(waitMs)));
    }
  }
}
