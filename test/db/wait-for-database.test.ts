// A web or worker process started while PostgreSQL restarts waits for it, instead of exiting at once
// (which made a supervisor's restart during a database restart fail).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL } from '../helpers/databases.ts';
import { startTcpProxy, type TcpProxy, throughProxy } from '../helpers/tcp-proxy.ts';
import { startWhenDatabaseAnswers, waitForDatabase } from '../../src/db/wait-for-database.ts';

/**
 * A server that, on the first connection, does what a PostgreSQL being stopped did in the reliability
 * suite: it lets the client in, ends its first query with FATAL 57P01, then closes the socket. Later
 * connections go through to the real PostgreSQL.
 */
async function startStoppingPostgres(target: URL): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const message = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (++connections > 1) {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
      return;
    }
    let startup = true;
    client.on('data', () => {
      if (startup) {
        startup = false;
        const authOk = Buffer.alloc(4);
        client.write(Buffer.concat([message('R', authOk), message('Z', Buffer.from('I', 'latin1'))]));
        return;
      }
      const fields = ['SFATAL', 'VFATAL', 'C57P01', 'Mterminating connection due to administrator command'];
      client.end(message('E', Buffer.from(`${fields.join('\0')}\0\0`, 'latin1')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.href,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

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

  it('waits through a server that ends the first query as it stops and then closes the socket, without crashing (seen in the reliability suite)', async () => {
    // pg reports the closed socket as an 'error' event on the client; unheard, it would end the process
    // (vitest reports it as an unhandled error) during the pause before the next try.
    const stopping = await startStoppingPostgres(new URL(POSTGRES_ADMIN_URL));
    try {
      const waits: string[] = [];
      const options = { firstDelayMs: 200, timeoutMs: 30_000, onWaiting: (reason: string) => waits.push(reason) };
      await expect(waitForDatabase(stopping.url, options)).resolves.toBeUndefined();
      expect(waits).toEqual(['terminating connection due to administrator command']);
    } finally {
      await stopping.close();
    }
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
