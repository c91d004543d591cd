import type { AshbyClient } from '../../ashby/index.ts';

/**
 * EEOC / demographic answers, read from an Ashby report the organisation builds (Ashby's API gives
 * EEOC and diversity survey answers to reports, not to survey or candidate endpoints): one row per
 * application, an "Application ID" column and one column per demographic field. Read for one audit's
 * aggregate and then dropped: nothing here is written anywhere or logged.
 */
export interface Demographics {
  fields: string[];
  /** Application id -> field -> answer. */
  answers: Map<string, Record<string, string>>;
}

export class DemographicsUnavailable extends Error {}

const APPLICATION_ID = /^application[\s_-]*id$/i;
/** Other id columns (candidate, job) are not demographic fields. */
const ANY_ID = /(^|[\s_-])id$/i;

export async function readDemographics(client: AshbyClient, reportId: string | undefined): Promise<Demographics> {
  if (!reportId) {
    throw new DemographicsUnavailable(
      'no demographic data: set ASHBY_DEMOGRAPHICS_REPORT_ID to an Ashby report with an "Application ID" column and the EEOC / demographic fields',
    );
  }
  const result = await client.report.synchronous(reportId);
  if (result.status !== 'complete' || !result.reportData) {
    throw new DemographicsUnavailable(
      result.status === 'failed'
        ? `Ashby could not generate the demographics report (${result.failureReason ?? 'no reason given'})`
        : 'Ashby is still generating the demographics report; try again in a minute',
    );
  }
  const { columnNames, data } = result.reportData;
  const idColumn = columnNames.findIndex((c) => APPLICATION_ID.test(c.trim()));
  if (idColumn < 0) {
    throw new DemographicsUnavailable(`the demographics report has no "Application ID" column (its columns: ${columnNames.join(', ')})`);
  }
  const fieldColumns = columnNames.flatMap((name, i) =>
    (i === idColumn || ANY_ID.test(name.trim()) ? [] : [{ name, i }]));
  const answers = new Map<string, Record<string, string>>();
  for (const row of data) {
    const id = row[idColumn];
    if (typeof id !== 'string' || !id) continue;
    const person: Record<string, string> = {};
    for (const f of fieldColumns) person[f.name] = row[f.i] === null || row[f.i] === undefined ? '' : String(row[f.i]);
    answers.set(id, person);
  }
  return { fields: fieldColumns.map((f) => f.name), answers };
}
