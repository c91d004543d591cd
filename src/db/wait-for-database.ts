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
    const reason = await probe(url);
    if (reason === undefined) return;
    if (Date.now() + delay > deadline) throw new Error(`the database did not answer: ${reason}`);
    if (attempt === 0) options.onWaiting?.(reason);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5_000);
  }
}

/** One connection and `SELECT 1`: undefined when the server answers, else why it did not. */
async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A server shutting down ends the query with an error, then closes the socket; pg reports the close
  // as an 'error' event too, which with no listener would end the process. Its cause is already the
  // failed query's.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

/** What a client says when the server is gone or going: refused, cut off, starting or stopping. */
const CONNECTION_LOST = /can't reach database server|ECONNREFUSED|ECONNRESET|connection terminated|server closed the connection|the database system is (starting up|shutting down)|terminating connection/i;

async function answersNow(url: string): Promise<boolean> {
  return waitForDatabase(url, { timeoutMs: 0 }).then(() => true, () => false);
}

/**
 * Runs a process's start-up (migrations, context, queue) once the database answers, and from the top
 * again when the database goes away in the middle of it: a restart of PostgreSQL can begin just after
 * the first answer. Within the same patience as waitForDatabase; any other failure ends the start-up
 * at once. `start` must release what it opened before it throws.
 */
export async function startWhenDatabaseAnswers<T>(
  url: string,
  start: () => Promise<T>,
  options: WaitForDatabaseOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (let attempt = 0; ; attempt++) {
    // Said once: the first wait says it waits, a later one was announced by the failure that led to it.
    const { onWaiting, ...rest } = options;
    const timeoutMs = Math.max(0, deadline - Date.now());
    await waitForDatabase(url, { ...rest, timeoutMs, ...(attempt === 0 && onWaiting ? { onWaiting } : {}) });
    try {
      return await start();
    } catch (err) {
      const lost = CONNECTION_LOST.test(err instanceof Error ? err.message : String(err));
      if (providerOf(url) !== 'postgresql' || Date.now() >= deadline || (!lost && (await answersNow(url)))) throw err;
      options.onWaiting?.(`the database went away during start-up (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
  }
}
