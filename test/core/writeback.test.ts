// Write-back that spends Ashby's budget only where it buys something. The SKIMA Screened tag belongs to
// the candidate: Skima adds it once, whichever of their applications is screened first. A run after one
// that died between Ashby's answer and the record compares with Ashby instead of writing again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AshbyClient } from '../../src/ashby/index.ts';
import type { ApplicationSnapshot } from '../../src/core/pipeline/application-snapshot.ts';
import { storeApplication } from '../../src/core/pipeline/screening-store.ts';
import { Writeback } from '../../src/core/writeback.ts';
import type { Db } from '../../src/db/client.ts';
import { DB_KINDS, migratedDb } from '../helpers/databases.ts';
import { testLogger } from '../helpers/logger.ts';

const application = (id: string, candidateId: string): ApplicationSnapshot => ({
  id,
  status: 'Active',
  updatedAt: '2026-11-30T09:00:00.000Z',
  candidate: { id: candidateId, name: 'Ada Example' },
  job: { id: 'job-1' },
});

describe.each(DB_KINDS)('write-back on %s', (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  const added: string[] = [];
  const setValues: unknown[] = [];
  /** What Ashby holds of app-3's fields: an earlier run's write that was never recorded. */
  const held = [{ id: 'field-score', title: 'SKIMA Match Score', value: 71 }];
  const client = {
    candidate: {
      addTag: async (candidateId: string) => {
        added.push(candidateId);
        return {};
      },
    },
    application: { info: async () => ({ customFields: held }) },
    customField: {
      setValues: async (input: unknown) => {
        setValues.push(input);
        return {};
      },
    },
  } as unknown as AshbyClient;

  beforeAll(async () => {
    ({ db, close } = await migratedDb(kind));
    await db.job.create({ data: { id: 'job-1', title: 'Engineer', status: 'Open' } });
    for (const [app, cand] of [['app-1', 'cand-1'], ['app-2', 'cand-1'], ['app-3', 'cand-2']]) {
      await storeApplication(db, application(app!, cand!), null);
    }
  });
  afterAll(async () => {
    await close?.();
  });

  it('adds it once per candidate, however many of their applications are screened, and never twice for one', async () => {
    const tag = async (applicationId: string, candidateId: string) =>
      new Writeback({ db, client, log: testLogger() }).tag({ applicationId, candidateId }, 'tag-1');
    expect(await tag('app-1', 'cand-1')).toBe(true);
    expect(await tag('app-2', 'cand-1')).toBe(false); // the candidate has it already
    expect(await tag('app-1', 'cand-1')).toBe(false); // a re-run of the first application
    expect(await tag('app-3', 'cand-2')).toBe(true);
    expect(added).toEqual(['cand-1', 'cand-2']);
    // Each application records the tag, so its next run asks nothing.
    const states = await db.writebackState.findMany({ where: { field: 'tag:tag-1' }, orderBy: { applicationId: 'asc' } });
    expect(states.map((s) => s.applicationId)).toEqual(['app-1', 'app-2', 'app-3']);
    expect(await new Writeback({ db, client, log: testLogger() }).tag({ applicationId: 'app-1', candidateId: 'cand-1' }, undefined)).toBe(false);
  });

  it('on a run after a failed one, writes only the fields Ashby does not hold already, and records the rest', async () => {
    const targets = { fields: { score: { id: 'field-score' }, reasons: { id: 'field-reasons' } }, problems: [] };
    const values = { score: 71, reasons: '• Go' };
    const retry = new Writeback({ db, client, log: testLogger(), recheck: true });
    expect(await retry.setFields({ applicationId: 'app-3', candidateId: 'cand-2' }, targets, values)).toEqual({
      written: 1, refused: false,
    });
    expect(setValues).toEqual([{ objectType: 'Application', objectId: 'app-3', values: [{ fieldId: 'field-reasons', fieldValue: '• Go' }] }]);
    // Both are recorded now: the next run writes nothing and asks nothing.
    const next = new Writeback({ db, client, log: testLogger() });
    expect(await next.setFields({ applicationId: 'app-3', candidateId: 'cand-2' }, targets, values)).toEqual({
      written: 0, refused: false,
    });
    expect(setValues).toHaveLength(1);
  });
});
