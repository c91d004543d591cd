// Downloads from Ashby's storage, against a real loopback server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AshbyFileTransferError, downloadFromUrl } from '../../src/ashby/file-transfer.ts';
import { createHttpGet, fetchGet, type HttpGet } from '../../src/ashby/node-http.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

/** A server sending `total` bytes in 64 KB chunks with no declared length; reports how much it got out. */
async function streaming(total: number, declare = false) {
  const sent = { bytes: 0, finished: false, closedEarly: false };
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', ...(declare ? { 'content-length': String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x25);
    const pump = () => {
      while (sent.bytes < total) {
        sent.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      sent.finished = true;
      res.end();
    };
    res.on('close', () => (sent.closedEarly = !sent.finished));
    pump();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/file`, sent };
}

const options = { timeoutMs: 10_000, maxBytes: 1024 * 1024 };

const transports: [string, HttpGet][] = [['node:http', createHttpGet()], ['fetch', fetchGet(fetch)]];

describe.each(transports)('file downloads over %s', (_name, get) => {
  it('returns the bytes and their type', async () => {
    const { url } = await streaming(256 * 1024);
    const file = await downloadFromUrl(get, url, options);
    expect(file.bytes.byteLength).toBe(256 * 1024);
    expect(file.bytes[0]).toBe(0x25);
    expect(file.contentType).toBe('application/pdf');
  });

  it('stops reading a file that declares no length as soon as it passes the limit', async () => {
    const { url, sent } = await streaming(64 * 1024 * 1024);
    await expect(downloadFromUrl(get, url, options)).rejects.toThrow(
      new AshbyFileTransferError('file.download', 'file.download: file exceeds 1048576 bytes'),
    );
    await expect.poll(() => sent.closedEarly).toBe(true);
    expect(sent.bytes).toBeLessThan(32 * 1024 * 1024); // the rest was never sent, let alone held
  });

  it('fails a download cut short instead of returning part of the file', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(512 * 1024) });
      res.write(Buffer.alloc(64 * 1024, 0x25), () => res.destroy());
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/file`;
    await expect(downloadFromUrl(get, url, options)).rejects.toThrow();
  });

  it('answers a missing file with its HTTP status, without retrying it', async () => {
    let requests = 0;
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error>AccessDenied</Error>');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/file`;
    await expect(downloadFromUrl(get, url, options)).rejects.toMatchObject({ httpStatus: 403 });
    expect(requests).toBe(1);
  });

  it('refuses a file whose declared length is over the limit before reading it', async () => {
    const { url } = await streaming(2 * 1024 * 1024, true);
    await expect(downloadFromUrl(get, url, options)).rejects.toThrow(/file of 2097152 bytes exceeds 1048576/);
  });
});
