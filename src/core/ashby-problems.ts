// Ashby calls that fail transiently (429, 5xx, timeouts, dropped connections) are retried by the
// client and, past its retries, by the queue: without this record `/skima status` and `skima status`
// (another process) would say "no problems" through a whole outage. Kept as audit events like the
// front doors' delivery errors, counted in memory and written a few rows at a time.
import type { AshbyTransport, TransientFailure } from '../ashby/index.ts';
import type { Db } from '../db/client.ts';
import { audit } from './audit.ts';
import { safeMessage } from './front-door-errors.ts';
import type { Logger } from './logger.ts';

export const ASHBY_CALL_FAILED_ACTION = 'ashby.call_failed';
/** The first failures are written at once; during a long outage, one row per endpoint this often. */
const FIRST_WRITE_MS = 500;
const LATER_WRITES_MS = 30_000;

export class AshbyProblemRecorder {
  private pending = new Map<string, { endpoint: string; message: string; count: number }>();
  private timer: NodeJS.Timeout | undefined;
  private lastWriteAt = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    transport: Pick<AshbyTransport, 'onTransientFailure'>,
  ) {
    this.unsubscribe = transport.onTransientFailure((failure) => this.note(failure));
  }

  private note(failure: TransientFailure): void {
    const message = `${safeMessage(failure.reason)} (retried)`;
    const key = `${failure.endpoint}\u0000${message}`;
    const seen = this.pending.get(key);
    if (seen) seen.count++;
    else this.pending.set(key, { endpoint: failure.endpoint, message, count: 1 });
    if (this.timer) return;
    const recently = Date.now() - this.lastWriteAt < LATER_WRITES_MS;
    this.timer = setTimeout(() => void this.write(), recently ? LATER_WRITES_MS : FIRST_WRITE_MS);
    this.timer.unref();
  }

  /** Writes what was counted; a write that fails (the database is away too) is logged and dropped. */
  private write(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (!batch.length) return this.writing;
    this.lastWriteAt = Date.now();
    this.writing = this.writing.then(async () => {
      for (const p of batch) {
        try {
          await audit(this.db, {
            actor: 'system',
            action: ASHBY_CALL_FAILED_ACTION,
            subjectType: 'ashby',
            subjectId: `ashby:${p.endpoint}`,
            detail: { message: p.message, count: p.count },
          });
        } catch (err) {
          this.log.warn({ err, endpoint: p.endpoint, failures: p.count }, 'could not record Ashby call failures');
        }
      }
    });
    return this.writing;
  }

  /** Stops listening and writes what is left. */
  async close(): Promise<void> {
    this.unsubscribe();
    clearTimeout(this.timer);
    await this.write();
  }
}
