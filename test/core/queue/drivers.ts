// The queue implementations under test, each on a real database.

import { PgBossQueue } from '../../../src/core/queue/pgboss-queue.ts';
import { PrismaQueue } from '../../../src/core/queue/prisma-queue.ts';
import type { JobQueue, QueueSettings } from '../../../src/core/queue/types.ts';
import type { Db } from '../../../src/db/client.ts';
import { createDb } from '../../../src/db/client.ts';
import { type DbKind, migratedDb } from '../../helpers/databases.ts';
import { testLogger } from '../../helpers/logger.ts';

export interface QueueHarness {
  url: string;
  /** A new queue instance (a "worker process") on the shared database. */
  make(settings?: Partial<QueueSettings>): JobQueue;
  teardown(): Promise<void>;
}

export interface QueueDriver {
  name: string;
  kind: DbKind;
  driver: 'embedded' | 'pg-boss';
  /** Settings fast enough for tests; pg-boss counts retry delays and expiry in whole seconds. */
  fast: Partial<QueueSettings>;
  setup(): Promise<QueueHarness>;
}

function embedded(kind: DbKind): QueueDriver {
  const fast = { backoffBaseMs: 200, pollIntervalMs: 50, visibilityTimeoutMs: 1_500 };
  return {
    name: `embedded queue on ${kind}`,
    kind,
    driver: 'embedded',
    fast,
    async setup() {
      const { database, db, close } = await migratedDb(kind);
      const extra: { db: Db; q: JobQueue }[] = [];
      return {
        url: database.url,
        make(settings) {
          // Each queue gets its own client, as a separate process would.
          const q = new PrismaQueue(db, testLogger(), { ...fast, ...settings });
          extra.push({ db, q });
          return q;
        },
        async teardown() {
          await Promise.all(extra.map((e) => e.q.stop({ timeoutMs: 100 })));
          await close();
        },
      };
    },
  };
}

const pgBoss: QueueDriver = {
  name: 'pg-boss queue on postgresql',
  kind: 'postgresql',
  driver: 'pg-boss',
  fast: { backoffBaseMs: 1_000, pollIntervalMs: 500, visibilityTimeoutMs: 2_000 },
  async setup() {
    const { database, close } = await migratedDb('postgresql');
    const made: JobQueue[] = [];
    return {
      url: database.url,
      make(settings) {
        const q = new PgBossQueue(database.url, testLogger(), {
          ...pgBoss.fast,
          ...settings,
          maintenanceIntervalSeconds: 1,
        });
        made.push(q);
        return q;
      },
      async teardown() {
        await Promise.all(made.map((q) => q.stop({ timeoutMs: 100 })));
        await close();
      },
    };
  },
};

export const QUEUE_DRIVERS: QueueDriver[] = [embedded('sqlite'), embedded('postgresql'), pgBoss];

export { createDb };
