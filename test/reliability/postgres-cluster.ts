// A PostgreSQL cluster of the suite's own, on a port of its own, that the suite may stop and start
// again: the server binaries of the Debian packages (/usr/lib/postgresql/<version>/bin), run as the
// unprivileged `postgres` account when the suite runs as root. The machine's own server is never touched.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/cli.ts';

export interface OwnPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  stop(): void;
  start(): void;
  /** Stops the server (fast: sessions are cut), waits `downMs`, and starts it again. */
  restart(downMs: number): Promise<void>;
  destroy(): void;
}

function debianBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'pg_ctl')));
  if (!bin) throw new Error('the reliability suite needs PostgreSQL\'s server binaries: apt-get install postgresql');
  return bin;
}

/** Ourselves, or as root the `postgres` account (PostgreSQL refuses to run as root). */
function account(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = debianBinaries();
  const as = account();
  const dir = mkdtempSync(path.join(tmpdir(), 'skima-reliability-pg-'));
  if (as) chownSync(dir, as.uid, as.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]) => {
    const res = spawnSync(path.join(bin, tool), args, { ...as, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    if (res.status !== 0) throw new Error(`${tool} ${args[0]} failed: ${res.stderr || res.stdout || res.error?.message}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', options]);
  const stop = () => run('pg_ctl', ['stop', '-D', data, '-w', '-m', 'fast']);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async restart(downMs) {
      stop();
      await new Promise((r) => setTimeout(r, downMs));
      start();
    },
    destroy() {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
