import { type ChildProcess, fork } from 'node:child_process';
import type { Logger } from '../core/logger.ts';

const RESTART_DELAY_MS = 1_000;

/**
 * The worker processes `skima start` forks (WORKER_PROCESSES): each runs `skima worker --screening-only`
 * with the given environment. One that dies is started again; a job it held is taken again once its
 * lease runs out. Stopping sends SIGTERM, waits for the workers to drain, and kills what is left after the timeout.
 */
export class WorkerPool {
  private readonly children = new Set<ChildProcess>();
  private stopping = false;

  constructor(
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Logger,
  ) {}

  /** Starts `count` workers; resolves when each has said it is ready. */
  async start(count: number): Promise<void> {
    await Promise.all(Array.from({ length: count }, () => this.spawn()));
  }

  private spawn(): Promise<void> {
    const child = fork(this.entry, ['worker', '--screening-only'], { env: this.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.children.add(child);
    const ready = new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`a worker process exited with ${code} before it was ready`)));
    });
    child.once('exit', (code, signal) => {
      this.children.delete(child);
      if (this.stopping) return;
      this.log.error({ pid: child.pid, code, signal }, 'a worker process died; starting another');
      setTimeout(() => {
        if (!this.stopping) this.spawn().catch((err: unknown) => this.log.error({ err }, 'could not restart a worker'));
      }, RESTART_DELAY_MS).unref();
    });
    return ready;
  }

  get pids(): number[] {
    return [...this.children].map((c) => c.pid!).filter(Boolean);
  }

  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children].map(async (child) => {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
