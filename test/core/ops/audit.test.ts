import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, purgeAudit } from '../../../src/core/ops/audit.ts';
import { migratedDb } from '../../helpers/databases.ts';

describe('audit log', () => {
  let env: Awaited<ReturnType<typeof migratedDb>>;
  beforeAll(async () => {
    env = await migratedDb('sqlite');
  });
  afterAll(async () => {
    await env.close();
  });

  it('records events and purges those past the retention period', async () => {
    await audit(env.db, { actor: 'u-1', action: 'decision.recorded', subjectType: 'application', subjectId: 'a-1' });
    await env.db.auditEvent.create({ data: { actor: 'system', action: 'old', at: new Date('2025-01-01T00:00:00Z') } });
    expect(await purgeAudit(env.db, 365, new Date('2026-11-24T00:00:00Z'))).toBe(1);
    const left = await env.db.auditEvent.findMany();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ actor: 'u-1', action: 'decision.recorded', subjectId: 'a-1' });
  });
});
