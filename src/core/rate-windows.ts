import { createHash } from 'node:crypto';
import type { RateBudget } from '../ashby/index.ts';
import type { Db } from '../db/client.ts';
import { rawSql } from '../db/raw-sql.ts';

// One statement takes from a window: it adds to the count unless that would pass the limit, and says
// whether it did (a row back) or not (none), atomically on SQLite and PostgreSQL alike.
const TAKE = `INSERT INTO "RateWindow" ("key", "windowStart", "used") VALUES (?, ?, ?)
  ON CONFLICT ("key", "windowStart") DO UPDATE SET "used" = "RateWindow"."used" + excluded."used"
  WHERE "RateWindow"."used" + excluded."used" <= ? RETURNING "used"`;
const FORGET = `DELETE FROM "RateWindow" WHERE "windowStart" < ?`;
/** Past windows are deleted at most this often per process, and once they are this old. */
const FORGET_EVERY_MS = 60_000;
const KEEP_MS = 5 * 60_000;

export interface WindowTake {
  ok: boolean;
  /** When the window ends (ms since the epoch): the earliest a refused caller may try again. */
  windowEndsAt: number;
}

/**
 * Fixed-window counters in the database, so a limit holds across every process that shares it (web
 * and worker processes on one PostgreSQL, or on one SQLite file): the Ashby request budget and the
 * shortlist links' limits. A window allows `limit` in total, whoever takes it.
 */
export class RateWindows {
  private forgotAt = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes `n` of `key`'s `limit` for the current window of `windowMs`, or nothing when fewer are left. */
  async take(key: string, limit: number, windowMs: number, n = 1): Promise<WindowTake> {
    const now = this.clock();
    const start = now - (now % windowMs);
    if (now - this.forgotAt >= FORGET_EVERY_MS) {
      this.forgotAt = now;
      await rawSql(this.db).run(FORGET, new Date(now - Math.max(KEEP_MS, 2 * windowMs)));
    }
    const rows = await rawSql(this.db).rows(TAKE, key, new Date(start), Math.min(n, limit), limit);
    return { ok: rows.length > 0, windowEndsAt: start + windowMs };
  }
}

/**
 * Ashby's request budget for every process that uses one API key (Ashby limits per organisation):
 * one-second windows of `requestsPerSecond` in the shared store. A process takes a few requests at a
 * time (a twentieth of the budget, at least one), so a fast budget costs few statements; what it does
 * not use within the second lapses with the window. Takes are serialised within the process.
 */
export class SharedAshbyBudget implements RateBudget {
  private readonly key: string;
  private readonly chunk: number;
  private held = 0;
  private heldWindowEndsAt = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly windows: RateWindows,
    apiKey: string,
    private readonly requestsPerSecond: number,
    private readonly clock: () => number = Date.now,
  ) {
    // The key's hash names the budget: two installs with different keys do not share one.
    this.key = `ashby:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
    this.chunk = Math.max(1, Math.floor(requestsPerSecond / 20));
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeOne());
    // A failed take (the database away) fails its caller only; the next one tries afresh.
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      if (this.held > 0 && this.clock() < this.heldWindowEndsAt) {
        this.held--;
        return;
      }
      this.held = 0;
      for (const n of this.chunk > 1 ? [this.chunk, 1] : [1]) {
        const taken = await this.windows.take(this.key, this.requestsPerSecond, 1000, n);
        if (taken.ok) {
          this.held = n - 1;
          this.heldWindowEndsAt = taken.windowEndsAt;
          return;
        }
        this.heldWindowEndsAt = taken.windowEndsAt;
      }
      // The second is spent, by this process or others: wait for the next one (a little spread, so
      // every process does not ask at the same instant).
      const wait = Math.max(1, this.heldWindowEndsAt - this.clock()) + Math.floor(Math.random() * 20);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
