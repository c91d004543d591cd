import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { JobQueue } from '../queue/types.ts';

/** One registry per application context (never prom-client's global one), so tests can build many apps. */
export function createMetrics(queue: JobQueue): Registry {
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
  return registry;
}
