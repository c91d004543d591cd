// /metrics beside the main thread's heap: the scoring threads' heaps, which the default metrics miss.
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/core/ops/metrics.ts';
import type { JobQueue } from '../../../src/core/queue/types.ts';

const queue = { stats: async () => ({}) } as unknown as JobQueue;
const gauge = (text: string, name: string) => new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];

describe('the metrics registry', () => {
  it('reports the V8 heap in use and held of all scoring threads together', async () => {
    const pool = {
      heaps: async () => [{ used: 30_000_000, total: 60_000_000 }, { used: 12_000_000, total: 20_000_000 }],
    };
    const text = await createMetrics(queue, pool).metrics();
    expect(gauge(text, 'skima_scoring_threads_heap_used_bytes')).toBe('42000000');
    expect(gauge(text, 'skima_scoring_threads_heap_total_bytes')).toBe('80000000');
    expect(Number(gauge(text, 'skima_nodejs_heap_size_used_bytes'))).toBeGreaterThan(0);
    expect(Number(gauge(text, 'skima_nodejs_heap_size_total_bytes'))).toBeGreaterThan(0);
  });

  it('does not wait for a thread that answers late, and has no such gauge without threads', async () => {
    const pool = { heaps: () => new Promise<never>(() => undefined) };
    const started = Date.now();
    const text = await createMetrics(queue, pool).metrics();
    expect(gauge(text, 'skima_scoring_threads_heap_used_bytes')).toBe('Nan'); // prom-client's spelling
    expect(gauge(text, 'skima_scoring_threads_heap_total_bytes')).toBe('Nan');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await createMetrics(queue).metrics()).not.toMatch(/skima_scoring_threads_heap/);
  });
});
