import { AshbyClient, type AshbyClientOptions } from '../../src/ashby/client.ts';
import { RequestGate } from '../../src/ashby/request-gate.ts';
import type { RunningSandbox } from '../../src/ashby-sandbox/server.ts';

export interface Exchange {
  endpoint: string;
  request: unknown;
  status: number;
  response: unknown;
}

/** A fetch that records every Ashby API exchange (not file transfers) for contract checks. */
export function recordingFetch(baseUrl: string, log: Exchange[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(baseUrl) || url.includes('/_')) return response;
    const text = await response.text();
    log.push({
      endpoint: url.slice(baseUrl.length + 1),
      request: JSON.parse(String(init?.body ?? '{}')),
      status: response.status,
      response: text ? JSON.parse(text) : undefined,
    });
    return new Response(text, { status: response.status, headers: response.headers });
  };
}

export function sandboxClient(sandbox: RunningSandbox, overrides: Partial<AshbyClientOptions> = {}) {
  return new AshbyClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    gate: new RequestGate({ requestsPerSecond: 1000, burst: 1000, maxConcurrency: 4 }),
    sleep: async () => {},
    ...overrides,
  });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The first `n` items, without draining the remaining pages. */
export async function take<T>(items: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}
