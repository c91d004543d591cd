// Words most of the pool shares only rank what the rarer words find (the search stays fast on a large
// pool); what a rediscovery finds does not change for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePool, commonWords } from '../../../src/core/pool/common-words.ts';
import { runPoolIndex } from '../../../src/core/pool/pool-backfill.ts';
import { poolSize } from '../../../src/core/pool/pool-index.ts';
import type { JobQueue } from '../../../src/core/queue/types.ts';
import { searchPool } from '../../../src/core/pool/pool-query.ts';
import type { Db } from '../../../src/db/client.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { EVERYONE, pooledDb } from '../../helpers/pool.ts';

// Nine resumes of store work; two of them (and no other) name welding.
const RESUMES: Record<string, string> = {
  // Indexed first: were the common word left out of the ranking, this one would win the tie.
  'c-weld': 'Welding for a yard, ten years',
  'c-both': 'Welding for a store, ten years',
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`c-store-${i}`, `Store associate ${i}, stocked shelves at store ${i}`])),
};

describe.each(DB_KINDS)('common words on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await pooledDb(kind, RESUMES));
  });
  afterAll(async () => close?.());

  it('names the words in more than the share of the pool, as each database counts them', async () => {
    const size = await poolSize(db);
    expect(size).toBe(10);
    // PostgreSQL reads its statistics, which exist once the pool has been analyzed.
    if (kind === 'postgresql') expect(await commonWords(db, ['store', 'welding'], size, 0.5)).toEqual(new Set());
    await analyzePool(db);
    expect(await commonWords(db, ['store', 'welding', 'plumbing'], size, 0.5)).toEqual(new Set(['store']));
    expect(await commonWords(db, ['store', 'welding'], size, 0.1)).toEqual(new Set(['store', 'welding']));
    expect(await commonWords(db, [], size)).toEqual(new Set());
  });

  it('finds by the rare words and ranks by all of them; with too few found, every word finds', async () => {
    await analyzePool(db);
    const pool = { size: 10, commonShare: 0.5 };
    // Found by "welding" alone: the resume that also names the store work ranks first.
    expect(await searchPool(db, ['store', 'welding'], EVERYONE, 2, pool)).toEqual(['c-both', 'c-weld']);
    // Three asked, two have the rare word: the common word then finds the rest.
    const three = await searchPool(db, ['store', 'welding'], EVERYONE, 3, pool);
    expect(three.slice(0, 2)).toEqual(['c-both', 'c-weld']);
    expect(three[2]).toMatch(/^c-store-/);
    // Every word common: every word finds.
    expect(await searchPool(db, ['store'], EVERYONE, 4, pool)).toHaveLength(4);
  });

  it('has its statistics fresh once the catch-up pass has read the last page', async () => {
    // A candidate whose resume the pipeline has not indexed: the pass finds it on its only page.
    await db.candidate.create({ data: { id: 'c-late', name: 'Late' } });
    await db.resumeFile.create({
      data: { candidateId: 'c-late', fileHandle: 'f-late', contentHash: 'h-late', extractedText: 'Plumbing, welding' },
    });
    const queued: unknown[] = [];
    const queue = { enqueue: async (...args: unknown[]) => void queued.push(args) } as unknown as JobQueue;
    expect(await runPoolIndex(db, queue, '')).toBe(1);
    expect(queued).toEqual([]);
    // Eleven resumes, three name welding: under a third, over a quarter, as the statistics now say.
    expect(await commonWords(db, ['welding'], 11, 0.25)).toEqual(new Set(['welding']));
    expect(await commonWords(db, ['welding'], 11, 0.3)).toEqual(new Set());
  });
});
