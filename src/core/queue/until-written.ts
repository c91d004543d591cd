/** Waits `ms`, or less when `signal` aborts (the queue stops). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Writes a job's outcome, trying again while the database is away (a restart, a failover): the work is
 * done, and writing that down later beats running it again after the visibility timeout. Gives up only
 * when `signal` aborts (the queue stops); the job then runs again after its lease, as after a crash.
 * Both queue drivers settle their jobs through it.
 */
export async function untilWritten(
  write: () => Promise<unknown>,
  signal: AbortSignal,
  onFirstFailure: (err: unknown) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (err) {
      if (signal.aborted) return;
      if (attempt === 1) onFirstFailure(err);
      await abortableSleep(Math.min(250 * 2 ** (attempt - 1), 5_000), signal);
    }
  }
}
