// A migrated database whose rediscovery pool holds the given resumes (one candidate each, by id), for
// tests of the pool's index and search.
import { indexCandidates } from '../../src/core/pool/pool-index.ts';
import type { Clause } from '../../src/core/pool/pool-query.ts';
import type { Db } from '../../src/db/client.ts';
import { type DbKind, migratedDb } from './databases.ts';

/** A clause that lets every pool document through: the search alone decides. */
export const EVERYONE: Clause = { sql: '1 = 1', args: [] };

export async function pooledDb(
  kind: DbKind,
  resumes: Record<string, string>,
): Promise<{ db: Db; close(): Promise<void> }> {
  const { db, close } = await migratedDb(kind);
  for (const id of Object.keys(resumes)) await db.candidate.create({ data: { id, name: id } });
  await indexCandidates(db, Object.entries(resumes).map(([id, text]) => ({ candidateId: id, hash: `h-${id}`, text })));
  return { db, close };
}
