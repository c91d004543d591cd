import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, runSkima } from '../helpers/cli.ts';
import { waitFor } from '../helpers/wait.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'skima-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('skima start', () => {
  it('runs on SQLite with no other configuration, serves health, and stops cleanly on SIGTERM', async () => {
    const cwd = tempDir();
    const port = await freePort();
    const skima = runSkima(['start'], { cwd, env: { PORT: String(port) } });
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await waitFor(
        'skima to answer /healthz',
        () =>
          fetch(`${base}/healthz`).then(
            (r) => r.json(),
            () => undefined,
          ),
        30_000,
      );
      expect(health).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'reachable', pendingMigrations: [] });
      expect(existsSync(path.join(cwd, 'data/skima.db'))).toBe(true);

      skima.child.kill('SIGTERM');
      expect(await skima.exited).toBe(0);
      expect(skima.output()).toContain('"msg":"stopped"');
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      skima.child.kill('SIGKILL');
    }
  });

  it('refuses a bad .env with one screen naming each bad variable, and no stack trace', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, '.env'), 'DATABASE_URL=mongodb://localhost/skima\nPORT=eighty\nASHBY_API_KEY=abc\n');
    const skima = runSkima(['start'], { cwd });
    expect(await skima.exited).toBe(2);
    const out = skima.output();
    expect(out).toContain('Skima cannot start: the configuration has 2 problems.');
    expect(out).toMatch(/- DATABASE_URL: must be a SQLite file URL .* \(got "mongodb:\/\/localhost\/skima"\)/);
    expect(out).toMatch(/- PORT: must be a whole number from 0 to 65535 \(got "eighty"\)/);
    expect(out).not.toMatch(/\n\s+at /);
    expect(out.trim().split('\n').length).toBeLessThanOrEqual(10);
  });
});

describe('skima', () => {
  it('prints its version and help, and rejects unknown commands with usage', async () => {
    const cwd = tempDir();
    const version = runSkima(['--version'], { cwd });
    expect(await version.exited).toBe(0);
    expect(version.output().trim()).toMatch(/^\d+\.\d+\.\d+$/);

    const help = runSkima(['--help'], { cwd });
    expect(await help.exited).toBe(0);
    expect(help.output()).toMatch(/start .*\n.*migrate/);

    const unknown = runSkima(['launch'], { cwd });
    expect(await unknown.exited).toBe(2);
    expect(unknown.output()).toContain('unknown command "launch"');
  });

  it('migrates with `skima migrate`, and again is a no-op', async () => {
    const cwd = tempDir();
    const env = { DATABASE_URL: 'file:./data/m.db' };
    const first = runSkima(['migrate'], { cwd, env });
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/applied to SQLite \.\/data\/m\.db: \d+_init/);
    const again = runSkima(['migrate'], { cwd, env });
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('is up to date');
  });
});

describe('skima sync', () => {
  it('reconciles with Ashby (here the embedded sandbox), screens what it read, and prints a summary', async () => {
    const cwd = tempDir();
    const sync = runSkima(['sync', '--full'], { cwd, env: { ASHBY_SANDBOX_SEED: 'small', LOG_LEVEL: 'warn' } });
    expect(await sync.exited).toBe(0);
    const out = sync.output();
    expect(out).toMatch(/Synced with Ashby in [\d.]+ s \(full sync\)/);
    expect(out).toMatch(/applications read: 12, candidates read: 12/);
    expect(out).toMatch(/all applications by state: .*scored \d+/);
  });
});

describe('the embedded default (npm run demo)', () => {
  it('screens the sandbox and prints a secure shortlist link per job', async () => {
    const cwd = tempDir();
    const port = await freePort();
    const skima = runSkima(['start'], { cwd, env: { PORT: String(port), ASHBY_SANDBOX_SEED: 'small', LOG_LEVEL: 'warn' } });
    try {
      const out = await waitFor('the shortlist links', () => (/Shortlists:\n(.+\n)+/.exec(skima.output()) ?? [])[0], 60_000);
      const links = out.split('\n').slice(1).filter(Boolean);
      expect(links.length).toBe(2); // the small seed has two open jobs
      for (const line of links) {
        expect(line).toMatch(new RegExp(`^  .+ \\(top \\d+\\): http://127\\.0\\.0\\.1:${port}/s/[A-Za-z0-9_-]{43}$`));
      }
      skima.child.kill('SIGTERM');
      expect(await skima.exited).toBe(0);
    } finally {
      skima.child.kill('SIGKILL');
    }
  });
});

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid ...": the command name may hold spaces, so read after the last ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf-8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** `pid`'s children, their children, and so on. */
function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf-8').includes(') Z ');

// `npm run demo` is the README's other way to start: before its script ran node through `exec`, npm's
// SIGTERM ended only the shell between them, and the demo's Skima kept serving, orphaned.
describe.each([['start'], ['run', 'demo']])('npm %s', (...script) => {
  it('hands SIGTERM to Skima, which stops: no Skima left running after npm', { timeout: 90_000 }, async () => {
    const cwd = tempDir();
    const port = await freePort();
    const npm = spawn('npm', [...script, '--silent'], {
      cwd: process.cwd(), // npm runs the script in the package folder; the database and secret go to cwd
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SKIMA_FROM_SOURCE: '1',
        PORT: String(port),
        DATABASE_URL: `file:${path.join(cwd, 'skima.db')}`,
        SKIMA_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
        ASHBY_SANDBOX_SEED: 'small',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let started: number[] = [];
    try {
      await waitFor('skima to answer /healthz', () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => undefined), 60_000);
      started = descendantsOf(npm.pid!);
      expect(started.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await exited;
      await waitFor('every process npm started to stop', () => started.every((pid) => !alive(pid)) || undefined, 30_000);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      npm.kill('SIGKILL');
      for (const pid of started.filter(alive)) process.kill(pid, 'SIGKILL');
    }
  });
});
