// An Ashby whose one saved report holds constructed EEOC survey answers (report.synchronous), through
// the real client: for the bias audit's tests, which must not depend on the sandbox's seeded answers.
import { AshbyClient } from '../../src/ashby/index.ts';

export const REPORT_ID = 'demo-report';

/** Ashby answering report.synchronous with the constructed survey answers (and nothing else). */
export function ashbyWithReport(rows: (string | number)[][]) {
  const calls: string[] = [];
  const client = new AshbyClient({
    apiKey: 'test',
    baseUrl: 'http://127.0.0.1:9',
    backoff: { baseDelayMs: 1, maxDelayMs: 1 },
    fetch: async (input, init) => {
      calls.push(String(input));
      if (!String(input).endsWith('/report.synchronous')) throw new Error(`unexpected call ${String(input)}`);
      const body = JSON.parse(String(init?.body));
      if (body.reportId !== REPORT_ID) return Response.json({ success: false, errors: ['not_found'] });
      return Response.json({
        success: true,
        results: {
          requestId: 'rep_result:1',
          status: 'complete',
          reportData: {
            data: rows,
            columnNames: ['Application ID', 'Candidate ID', 'Gender', 'Race/Ethnicity'],
            metadata: { title: 'EEOC', updatedAt: '2026-12-01T00:00:00Z' },
          },
        },
      });
    },
  });
  return { client, webhookSecret: undefined, close: async () => {}, calls };
}
