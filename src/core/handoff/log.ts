import type { Db } from '../../db/client.ts';

export interface HandoffLog {
  delivered: number;
  pending: number;
  failed: number;
  /** The latest deliveries not delivered, then the latest delivered, each with its last attempt. */
  recent: Array<{
    id: string;
    endpoint: string;
    state: string;
    attempts: number;
    lastAttemptAt: Date | null;
    lastError: string | null;
  }>;
}

/** The delivery log as `skima status` shows it: ids, endpoints, states and errors, no personal data. */
export async function handoffLog(db: Db, limit = 10): Promise<HandoffLog> {
  const [states, open, done] = await Promise.all([
    db.handoffDelivery.groupBy({ by: ['state'], _count: { _all: true } }),
    db.handoffDelivery.findMany({
      where: { state: { not: 'delivered' } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      include: { log: { orderBy: { attempt: 'desc' }, take: 1 } },
    }),
    db.handoffDelivery.findMany({
      where: { state: 'delivered' },
      orderBy: { createdAt: 'desc' },
      take: limit,
      include: { log: { orderBy: { attempt: 'desc' }, take: 1 } },
    }),
  ]);
  const count = (s: string) => states.find((g) => g.state === s)?._count._all ?? 0;
  const recent = [...open, ...done].slice(0, limit).map((d) => ({
    id: d.id,
    endpoint: d.endpoint,
    state: d.state,
    attempts: d.attempts,
    lastAttemptAt: d.log[0]?.at ?? null,
    lastError: d.log[0]?.error ?? null,
  }));
  return { delivered: count('delivered'), pending: count('pending'), failed: count('failed'), recent };
}
