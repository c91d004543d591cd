import pg from 'pg';
import { providerOf } from './paths.ts';

export interface WaitForDatabaseOptions {
  /** Give up after this long; the process then exits as before, for its supervisor to restart it. */
  timeoutMs?: number;
  /** Told once, when the first try fails (never the connection string: it may hold a password). */
  onWaiting?: (reason: string) => void;
  /** First pause between tries; doubled each time up to five seconds. */
  firstDelayMs?: number;
}

/**
 * Waits until a PostgreSQL server answers. A `skima web` or `skima worker` started (or restarted by
 * its supervisor) while PostgreSQL itself restarts waits for it instead of exiting at once, as the
 * processes already running do. A SQLite file is always there: nothing to wait for.
 */
export async function waitForDatabase(url: string, options: WaitForDatabaseOptions = {}): Promise<void> {
  if (providerOf(url) !== 'postgresql') return;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let delay = options.firstDelayMs ?? 250;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (Date.now() + delay > deadline) throw new Error(`the database did not answer: ${reason}`);
      if (attempt === 0) options.onWaiting?.(reason);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    } finally {
      await client.end().catch(() => {});
    }
  }
}
