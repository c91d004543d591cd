// A web or worker process started while PostgreSQL restarts waits for it, instead of exiting at once
// (which made a supervisor's restart during a database restart fail).
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL } from '../helpers/databases.ts';
import { startTcpProxy, type TcpProxy, throughProxy } from '../helpers/tcp-proxy.ts';
import { startWhenDatabaseAnswers, waitForDatabase } from '../../src/db/wait-for-database.ts';

describe('waitForDatabase (PostgreSQL)', () => {
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('returns once a PostgreSQL that refused connections at first answers, saying once that it waits', async () => {
    const target = new URL(POSTGRES_ADMIN_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    proxy.cut();
    const waits: string[] = [];
    const waiting = waitForDatabase(throughProxy(POSTGRES_ADMIN_URL, proxy), {
      firstDelayMs: 50,
      timeoutMs: 30_000,
      onWaiting: (reason) => waits.push(reason),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    proxy.restore();
    await expect(waiting).resolves.toBeUndefined();
    expect(waits).toHaveLength(1);
  });

  it('gives up with a clear error when the database never answers within the time allowed', async () => {
    const target = new URL(POSTGRES_ADMIN_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    proxy.cut();
    await expect(waitForDatabase(throughProxy(POSTGRES_ADMIN_URL, proxy), { firstDelayMs: 50, timeoutMs: 300 }))
      .rejects.toThrow(/the database did not answer/);
  });

  it('does not wait for a SQLite file', async () => {
    await expect(waitForDatabase('file:/nonexistent-folder/skima.db', { timeoutMs: 1 })).resolves.toBeUndefined();
  });

  it('starts again from the top when the database goes away in the middle of a start-up (seen in the reliability suite)', async () => {
    const target = new URL(POSTGRES_ADMIN_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = throughProxy(POSTGRES_ADMIN_URL, proxy);
    const waits: string[] = [];
    let tries = 0;
    const started = await startWhenDatabaseAnswers(url, async () => {
      tries += 1;
      if (tries === 1) {
        // The database answered the first probe, then restarts while the start-up runs.
        proxy!.cut();
        setTimeout(() => proxy!.restore(), 300);
        throw new Error('Can\'t reach database server at `127.0.0.1:5432`');
      }
      return 'running';
    }, { firstDelayMs: 50, timeoutMs: 30_000, onWaiting: (reason) => waits.push(reason) });
    expect(started).toBe('running');
    expect(tries).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(/went away during start-up/);
  });

  it('does not start again for a failure that is not the database going away', async () => {
    let tries = 0;
    await expect(startWhenDatabaseAnswers(POSTGRES_ADMIN_URL, async () => {
      tries += 1;
      throw new Error('a migration failed: syntax error');
    }, { timeoutMs: 30_000 })).rejects.toThrow(/syntax error/);
    expect(tries).toBe(1);
  });
});
