// A job's query names the words of a skill ("node", "js" for Node.js): both indexes must read a resume
// the same way, punctuation as a space, or a requirement finds nobody on one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPool } from '../../../src/core/pool/pool-query.ts';
import type { Db } from '../../../src/db/client.ts';
import { DB_KINDS } from '../../helpers/databases.ts';
import { EVERYONE, pooledDb } from '../../helpers/pool.ts';

const RESUMES: Record<string, string> = {
  'c-node': 'Backend developer: Node.js services, CI/CD pipelines',
  'c-dotnet': 'Built ASP.NET Core APIs and Vue.js front ends',
  'c-accents': 'Gestión de almacén, José Núñez',
  'c-other': 'Forklift operator, warehouse safety',
};

describe.each(DB_KINDS)('words of the pool index on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await pooledDb(kind, RESUMES));
  });
  afterAll(async () => close?.());

  const find = (words: string[]) => searchPool(db, words, EVERYONE, 10, { size: 4 });

  it('finds a skill written with punctuation by its words', async () => {
    expect(await find(['node'])).toEqual(['c-node']);
    expect((await find(['js'])).sort()).toEqual(['c-dotnet', 'c-node']);
    expect(await find(['cd'])).toEqual(['c-node']);
    expect(await find(['asp', 'net'])).toEqual(['c-dotnet']);
    expect(await find(['vue'])).toEqual(['c-dotnet']);
  });

  it('keeps words with letters beyond ASCII whole', async () => {
    expect(await find(['almacén'])).toEqual(['c-accents']);
    expect(await find(['núñez'])).toEqual(['c-accents']);
  });
});
