// Real Skima processes for the reliability suite: the Ashby sandbox, `skima web` and `skima worker`,
// each a child process on loopback, with the suite as their supervisor (it kills and restarts them).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { waitFor } from '../helpers/wait.ts';

const SKIMA_BIN = path.resolve('bin/skima.js');

export interface SkimaProcess {
  readonly name: string;
  child: ChildProcess;
  /** The last lines it wrote (warnings and errors; the suite runs them at LOG_LEVEL=warn). */
  tail(): string;
  alive(): boolean;
  /** SIGTERM, and SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export function spawnSkima(name: string, args: string[], env: Record<string, string>): SkimaProcess {
  const child = spawn(process.execPath, [SKIMA_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    tail: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until `url` answers 200 (a web process is up and its database reachable). */
export async function waitForReady(url: string, timeoutMs = 90_000): Promise<void> {
  await waitFor(`${url} to answer 200`, async () => {
    try {
      return (await fetch(url)).status === 200 || undefined;
    } catch {
      return undefined;
    }
  }, timeoutMs);
}

/** Waits until the process has written `text` (its start-up line). */
export async function waitForOutput(proc: SkimaProcess, text: string, timeoutMs = 90_000): Promise<void> {
  try {
    await waitFor(`${proc.name} to say "${text}"`, () => {
      if (!proc.alive()) throw new Error(`${proc.name} exited:\n${proc.tail()}`);
      return proc.tail().includes(text) || undefined;
    }, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${proc.name} wrote:\n${proc.tail().slice(-3000)}`);
  }
}
