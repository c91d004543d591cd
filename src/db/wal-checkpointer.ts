import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints a SQLite database's write-ahead log from a thread of its own.
 *
 * SQLite copies the WAL back into the database file every 1,000 pages by default, inside whichever
 * commit crosses the mark, and with synchronous=NORMAL that copy ends in two fsyncs. On the main thread
 * those commits stalled everything else for 1-65 ms: a backfill of 3,000 applications spent 2 of its
 * 35 seconds there. Here a second connection runs PASSIVE checkpoints (which never wait for, nor block,
 * the writer) every 250 ms, and the main connection keeps its own automatic checkpoint only as a
 * backstop, at `backstopPages`, should this thread fall behind or die.
 */
export interface WalCheckpointer {
  /** The main connection's automatic checkpoint threshold while this thread runs. */
  readonly backstopPages: number;
  /** Checkpoints once more and ends the thread. */
  stop(): Promise<void>;
}

const INTERVAL_MS = 250;
export const BACKSTOP_PAGES = 16_384; // 64 MB of WAL at 4 KB pages

// Plain CommonJS, so the thread needs no TypeScript loader.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // Busy: the connection's backstop checkpoint is running; the next round goes on from it.
    if (err && err.code !== 'SQLITE_BUSY') parentPort.postMessage({ error: String(err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export function startWalCheckpointer(
  file: string,
  options: { onError?: (message: string) => void } = {},
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { file, driver, intervalMs: INTERVAL_MS },
  });
  worker.unref(); // a checkpoint never keeps the process alive
  worker.on('message', (m: { error?: string }) => m.error && options.onError?.(m.error));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (err) => options.onError?.(err.message));
  let stopping: Promise<void> | undefined;
  return {
    backstopPages: BACKSTOP_PAGES,
    stop() {
      stopping ??= (async () => {
        worker.postMessage('stop');
        const timer = setTimeout(() => void worker.terminate(), 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
