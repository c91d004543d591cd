import type { Logger } from '../logger.ts';

/**
 * Logs a failure that repeats (every queue's poll while the database is away) once when it starts, then
 * a reminder at most every `remindEveryMs` with how many failures it held back, and once when it
 * ends. Without it a process with a dozen queues wrote some twenty identical errors a second for as long
 * as the database was down, burying whatever else the log had to say.
 */
export class OutageLog {
  private since: number | null = null;
  private lastLoggedAt = 0;
  private heldBack = 0;

  constructor(
    private readonly log: Logger,
    private readonly what: string,
    private readonly remindEveryMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get failing(): boolean {
    return this.since !== null;
  }

  failed(err: unknown, fields: object = {}): void {
    const at = this.now();
    if (this.since === null) {
      this.since = at;
      this.lastLoggedAt = at;
      this.log.error({ err, ...fields }, `${this.what} failed; retrying (repeats are summarised)`);
      return;
    }
    this.heldBack++;
    if (at - this.lastLoggedAt < this.remindEveryMs) return;
    this.log.error(
      { err, ...fields, failures: this.heldBack, failingForMs: at - this.since },
      `${this.what} still failing; retrying`,
    );
    this.lastLoggedAt = at;
    this.heldBack = 0;
  }

  succeeded(): void {
    if (this.since === null) return;
    this.log.info({ failedForMs: this.now() - this.since }, `${this.what} works again`);
    this.since = null;
    this.heldBack = 0;
  }
}
