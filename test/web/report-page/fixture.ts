// Skima on the hand-checked history of test/core/report, with a report link and an Ashby that holds
// survey answers for four of its applications (so each category is too small to compare).
import type { FastifyInstance } from 'fastify';
import { mintLink } from '../../../src/core/links.ts';
import { buildServer } from '../../../src/web/server.ts';
import { seedHistory, TIME_ZONE } from '../../core/report/seeded-history.ts';
import { type CoreEnv, coreContext } from '../../helpers/core-context.ts';
import type { DbKind } from '../../helpers/databases.ts';
import { ashbyWithReport, REPORT_ID } from '../../helpers/demographics.ts';

export const RANGE = '?from=2026-11-02&to=2026-11-22';

export interface ReportFixture {
  env: CoreEnv;
  app: FastifyInstance;
  token: string;
  close(): Promise<void>;
}

export async function reportFixture(kind: DbKind): Promise<ReportFixture> {
  const ashby = ashbyWithReport([
    ['a1', 'cand', 'Female', 'White'],
    ['a2', 'cand', 'Male', 'Asian'],
    ['a3', 'cand', 'Female', 'Decline to self identify'],
    ['a4', 'cand', 'Male', 'White'],
  ]);
  const env = await coreContext(kind, {
    ashby,
    env: { REPORT_TIME_ZONE: TIME_ZONE, ASHBY_DEMOGRAPHICS_REPORT_ID: REPORT_ID, BIAS_AUDIT_MIN_GROUP: '3' },
  });
  await seedHistory(env.ctx.db);
  const { token } = await mintLink(env.ctx.db, { kind: 'report', jobId: '', reviewerId: 'u-recruiter' });
  const app = await buildServer(env.ctx);
  return {
    env,
    app,
    token,
    close: async () => {
      await app.close();
      await env.close();
    },
  };
}
