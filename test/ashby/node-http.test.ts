// The Ashby transport's own HTTP client, against real loopback servers. nock's interception is lifted
// for this file: it re-creates requests itself, which would hide whether connections are kept alive.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AshbyUnavailableError } from '../../src/ashby/errors.ts';
import { createHttpPost } from '../../src/ashby/node-http.ts';
import { AshbyTransport } from '../../src/ashby/transport.ts';

let server: Server | undefined;
beforeAll(() => nock.restore());
afterAll(() => nock.activate());
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: string, signal = new AbortController().signal) =>
  createHttpPost()(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });

describe('the transport HTTP client (node:http with keep-alive)', () => {
  it('sends the body and headers, hands back status, headers and text, and reuses its connection', async () => {
    const seen: { body: string; type?: string; port?: number }[] = [];
    const base = await serve((req, res, body) => {
      seen.push({ body, type: req.headers['content-type'], port: req.socket.remotePort });
      res.writeHead(201, { 'x-ashby-request-id': 'req-1', 'content-type': 'application/json' });
      res.end('{"success":true,"results":"héllo"}');
    });
    const client = createHttpPost();
    const call = () =>
      client(`${base}/apiKey.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"Zoë"}',
        signal: new AbortController().signal,
      });
    const first = await call();
    const second = await call();
    expect(first.status).toBe(201);
    expect(first.headers.get('X-Ashby-Request-Id')).toBe('req-1');
    expect(first.headers.get('retry-after')).toBeNull();
    expect(await first.text()).toBe('{"success":true,"results":"héllo"}');
    expect(await second.text()).toContain('héllo');
    expect(seen.map((s) => s.body)).toEqual(['{"name":"Zoë"}', '{"name":"Zoë"}']);
    expect(seen[0]?.type).toBe('application/json');
    expect(seen[1]?.port).toBe(seen[0]?.port); // one connection, kept alive
  });

  it('gives up when its signal aborts, and the server sees the connection go', async () => {
    let closed = false;
    const base = await serve((req) => req.socket.on('close', () => (closed = true))); // never answers
    const controller = new AbortController();
    const pending = post(`${base}/slow`, '{}', controller.signal);
    setTimeout(() => controller.abort(new Error('timed out')), 50);
    await expect(pending).rejects.toThrow(/timed out/);
    await expect.poll(() => closed).toBe(true);
  });

  it('fails an answer cut short rather than returning half a body', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"success":true,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await expect(post(`${base}/cut`, '{}')).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('reports a refused connection so that the transport knows the request never reached Ashby', async () => {
    const base = await serve(() => {});
    await new Promise((r) => server!.close(r));
    server = undefined;
    await expect(post(`${base}/x`, '{}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // A write that is not idempotent is repeated only when it cannot have landed: refused, it is.
    const sleeps: number[] = [];
    const transport = new AshbyTransport({
      apiKey: 'k',
      baseUrl: base,
      maxRetries: 2,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    });
    const write = transport.call('candidate.createNote', {}, z.unknown(), { idempotent: false });
    await expect(write).rejects.toBeInstanceOf(AshbyUnavailableError);
    expect(sleeps).toHaveLength(2); // three attempts, no probe needed
  });
});
