// Limits counted in the database hold across processes: two clients on their own connections (as two
// processes would be) share one window, one Ashby budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateWindows, SharedAshbyBudget } from '../../src/core/rate-windows.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { SharedWindowLimiter } from '../../src/web/shortlist-page/rate-limit.ts';
import { DB_KINDS, migratedDb } from '../helpers/databases.ts';

describe.each(DB_KINDS)('rate windows shared through %s', (kind) => {
  let a: Db;
  let b: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const m = await migratedDb(kind);
    a = m.db;
    b = await createDb(m.database.url);
    close = async () => {
      await b.$disconnect();
      await m.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });

  it('allows the limit per key per window across clients, says how long to wait, and starts afresh', async () => {
    let now = 1_800_000_000_000 + 15_000; // 15 s into a minute
    const clock = () => now;
    const first = new SharedWindowLimiter(new RateWindows(a, clock), 'page', 3, 60_000, clock);
    const second = new SharedWindowLimiter(new RateWindows(b, clock), 'page', 3, 60_000, clock);
    expect(await first.hit('addr-1')).toEqual({ ok: true, retryAfterS: 0 });
    expect((await second.hit('addr-1')).ok).toBe(true);
    expect((await first.hit('addr-1')).ok).toBe(true);
    expect(await second.hit('addr-1')).toEqual({ ok: false, retryAfterS: 45 }); // the fourth, from either
    expect(await first.hit('addr-1')).toEqual({ ok: false, retryAfterS: 45 });
    expect((await second.hit('addr-2')).ok).toBe(true); // keys are counted apart
    now += 45_000; // the next window
    expect((await first.hit('addr-1')).ok).toBe(true);
  });

  it('takes several at once only while as many are left, and forgets windows past', async () => {
    let now = 1_900_000_000_000;
    const windows = new RateWindows(a, () => now);
    expect((await windows.take('k', 5, 1000, 4)).ok).toBe(true);
    expect((await windows.take('k', 5, 1000, 2)).ok).toBe(false);
    expect((await windows.take('k', 5, 1000, 1)).ok).toBe(true);
    expect((await windows.take('k', 5, 1000, 1)).ok).toBe(false);
    now += 10 * 60_000; // a later take deletes windows more than five minutes old
    expect((await new RateWindows(b, () => now).take('k', 5, 1000, 1)).ok).toBe(true);
    expect(await a.rateWindow.count({ where: { key: 'k' } })).toBe(1);
  });

  it('holds one Ashby budget across processes: two of them together send no more than it allows', async () => {
    const perSecond = 10;
    const budgets = [a, b].map((db) => new SharedAshbyBudget(new RateWindows(db), 'the-same-api-key', perSecond));
    const at: number[] = [];
    const started = Date.now();
    // 40 requests from each side: 80 at 10 a second span eight one-second windows (over 6 s however the
    // first falls), where a budget per process would let them through in four.
    await Promise.all(budgets.map(async (budget) => {
      for (let i = 0; i < 40; i++) {
        await budget.take();
        at.push(Date.now());
      }
    }));
    const perWindow = new Map<number, number>();
    for (const t of at) perWindow.set(Math.floor(t / 1000), (perWindow.get(Math.floor(t / 1000)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(perSecond);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6_000);
  }, 30_000);
});
