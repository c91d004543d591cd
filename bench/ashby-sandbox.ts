/**
 * Ashby boundary benchmark: sandbox start-up for `large:100000` against `small` (baseline), and a full
 * delta sync through the typed client (zod parsing, rate gate, retries) against raw fetch paging of
 * the same data (baseline). Medians of a few runs; the machine is shared, so read the ratios.
 */
import { AshbyClient } from '../src/ashby/client.ts';
import { RequestGate } from '../src/ashby/request-gate.ts';
import { startSandbox } from '../src/ashby-sandbox/server.ts';
import { deltaSync, InMemorySyncStateStore } from '../src/ashby/sync.ts';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function timeStart(seed: string) {
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    const sandbox = await startSandbox({ seed });
    times.push(performance.now() - t);
    heap = process.memoryUsage().heapUsed - before;
    await sandbox.close();
  }
  return { ms: median(times), heap };
}

// Warm-up: the first start pays for module loading and JIT, which would flatter whichever runs second.
await (await startSandbox({ seed: 'small' })).close();
const small = await timeStart('small');
const large = await timeStart('large:100000');
console.log('sandbox start-up (median of 3; heap delta is indicative, no forced GC)');
console.log(`  small (baseline)   ${small.ms.toFixed(0)} ms, heap +${mb(small.heap)}`);
console.log(
  `  large:100000       ${large.ms.toFixed(0)} ms, heap +${mb(large.heap)}  (x${(large.ms / small.ms).toFixed(2)} of baseline)`,
);

const sandbox = await startSandbox({ seed: 'large:10000' });
const auth = `Basic ${Buffer.from(`${sandbox.apiKey}:`).toString('base64')}`;

async function rawFullSync(): Promise<number> {
  let cursor: string | undefined;
  let count = 0;
  for (;;) {
    const res = await fetch(`${sandbox.url}/application.list`, {
      method: 'POST',
      headers: { 'authorization': auth, 'content-type': 'application/json' },
      body: JSON.stringify(cursor ? { limit: 100, cursor } : { limit: 100 }),
    });
    const body = (await res.json()) as { results: unknown[]; moreDataAvailable: boolean; nextCursor?: string };
    count += body.results.length;
    if (!body.moreDataAvailable) return count;
    cursor = body.nextCursor;
  }
}

async function clientFullSync(): Promise<number> {
  // A generous gate so the figure measures the client, not the (deliberately slow) default limit.
  const client = new AshbyClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    gate: new RequestGate({ requestsPerSecond: 10_000, burst: 10_000, maxConcurrency: 4 }),
  });
  let count = 0;
  await deltaSync({
    transport: client.transport,
    resource: 'application',
    store: new InMemorySyncStateStore(),
    onPage: async (items) => {
      count += items.length;
    },
  });
  return count;
}

const raw: number[] = [];
const typed: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const n1 = await rawFullSync();
  raw.push(performance.now() - t);
  t = performance.now();
  const n2 = await clientFullSync();
  typed.push(performance.now() - t);
  if (n1 !== 10_000 || n2 !== 10_000) throw new Error(`expected 10000 applications, got ${n1} and ${n2}`);
}
await sandbox.close();
console.log('full sync of 10,000 applications from the sandbox (median of 3)');
console.log(
  `  raw fetch paging (baseline)  ${median(raw).toFixed(0)} ms  (${(10_000 / (median(raw) / 1000)).toFixed(0)} applications/s)`,
);
console.log(
  `  typed client + deltaSync     ${median(typed).toFixed(0)} ms  (x${(median(typed) / median(raw)).toFixed(2)} of baseline)`,
);
