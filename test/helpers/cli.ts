import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const SKIMA_BIN = path.resolve('bin/skima.js');

/** A free loopback port, for a child process that must listen on a known port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningCli {
  child: ChildProcess;
  /** Standard output and error, as they came. */
  output(): string;
  /** Standard output alone. */
  stdout(): string;
  exited: Promise<number | null>;
}

/** Runs `skima <args>` with only the given environment (plus PATH), in `cwd`. */
export function runSkima(args: string[], opts: { cwd: string; env?: Record<string, string> }): RunningCli {
  const child = spawn(process.execPath, [SKIMA_BIN, ...args], {
    cwd: opts.cwd,
    // The tests run the TypeScript sources (bin/skima.js runs the compiled dist/ otherwise).
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SKIMA_FROM_SOURCE: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d) => {
    out += d;
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, stdout: () => stdout, exited };
}
