// A local HR system for hand-off tests: records every request with its raw body, and answers with the
// statuses it is told to (200 once the script runs out).
import { createServer, type Server } from 'node:http';

export interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  body: {
    deliveryId: string;
    applicationId: string;
    fields: Record<string, unknown>;
    files: Array<Record<string, string>>;
  };
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order. */
  script: number[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
      res.statusCode = script.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks/skima`,
    received,
    script,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
