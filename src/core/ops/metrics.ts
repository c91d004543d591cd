import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { ScoringPool, ThreadHeap } from '../../scoring/index.ts';
import type { JobQueue } from '../queue/types.ts';

/** One registry per application context (never prom-client's global one), so tests can build many apps. */
export function createMetrics(queue: JobQueue, scoringPool?: Pick<ScoringPool, 'heaps'>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'skima_' });
  new Gauge({
    name: 'skima_queue_jobs',
    help: 'Jobs in the durable queue by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const stats = await queue.stats();
      for (const [name, states] of Object.entries(stats)) {
        for (const [state, count] of Object.entries(states)) this.set({ queue: name, state }, count ?? 0);
      }
    },
  });
  // The default metrics' heap figures are the main thread's alone; each scoring thread has a V8 heap of its own.
  if (scoringPool) {
    const threadHeaps = (): Promise<ThreadHeap[] | null> => {
      // A thread deep in a long extraction answers late: the scrape does not wait for it.
      const late = new Promise<null>((resolve) => setTimeout(resolve, 2_000, null).unref());
      return Promise.race([scoringPool.heaps(), late]).catch(() => null);
    };
    new Gauge({
      name: 'skima_scoring_threads_heap_used_bytes',
      help: 'V8 heap in use in the scoring threads now running, together (the main thread\'s is skima_nodejs_heap_size_used_bytes)',
      registers: [registry],
      async collect() {
        const heaps = await threadHeaps();
        this.set(heaps ? heaps.reduce((sum, h) => sum + h.used, 0) : Number.NaN);
      },
    });
    new Gauge({
      name: 'skima_scoring_threads_heap_total_bytes',
      help: 'V8 heap held (committed: in use and garbage not yet collected) by the scoring threads now running, together'
        + ' (the main thread\'s is skima_nodejs_heap_size_total_bytes)',
      registers: [registry],
      async collect() {
        const heaps = await threadHeaps();
        this.set(heaps ? heaps.reduce((sum, h) => sum + h.total, 0) : Number.NaN);
      },
    });
  }
  return registry;
}
