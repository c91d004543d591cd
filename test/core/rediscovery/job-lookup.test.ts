import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJobs } from '../../../src/core/rediscovery/job-lookup.ts';
import { DB_KINDS, migratedDb } from '../../helpers/databases.ts';

describe.each(DB_KINDS)('findJobs on %s', (kind) => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb(kind);
    const jobs = [
      ['job-1', 'Store Manager', 'Open'],
      ['job-2', 'Assistant Store Manager', 'Open'],
      ['job-3', 'Store Manager', 'Closed'],
      ['job-4', 'Warehouse Associate', 'Open'],
      ['job-5', 'Café Barista', 'Open'],
      ['job-6', 'Manager, Store Operations', 'Archived'],
      ['job-7', 'Managing Director', 'Open'],
    ];
    for (const [id = '', title = '', status = ''] of jobs) await env.db.job.create({ data: { id, title, status } });
  });
  afterAll(async () => {
    await env.close();
  });

  it('takes an exact job id', async () => {
    expect(await findJobs(env.db, 'job-4')).toEqual([{ id: 'job-4', title: 'Warehouse Associate', status: 'Open' }]);
    expect(await findJobs(env.db, '  job-4 ')).toHaveLength(1);
  });

  it('matches every word of the title in any case and order, open and closest first', async () => {
    const found = await findJobs(env.db, 'store MANAGER');
    expect(found.map((j) => j.id)).toEqual(['job-1', 'job-2', 'job-3', 'job-6']);
    expect((await findJobs(env.db, 'manager store')).map((j) => j.id)).toEqual(['job-1', 'job-2', 'job-3', 'job-6']);
  });

  it('accepts word prefixes and accents, and ranks whole words first', async () => {
    expect((await findJobs(env.db, 'ware')).map((j) => j.id)).toEqual(['job-4']);
    expect((await findJobs(env.db, 'cafe')).map((j) => j.id)).toEqual(['job-5']);
    expect((await findJobs(env.db, 'manag')).map((j) => j.id)).toEqual(['job-7', 'job-1', 'job-2', 'job-3', 'job-6']);
    expect((await findJobs(env.db, 'manager')).map((j) => j.id).slice(0, 2)).toEqual(['job-1', 'job-2']);
  });

  it('respects the limit and finds nothing for empty or unmatched queries', async () => {
    expect(await findJobs(env.db, 'store', 2)).toHaveLength(2);
    expect(await findJobs(env.db, '   ')).toEqual([]);
    expect(await findJobs(env.db, '!!')).toEqual([]);
    expect(await findJobs(env.db, 'pilot')).toEqual([]);
    expect(await findJobs(env.db, 'store', 0)).toEqual([]);
  });
});
