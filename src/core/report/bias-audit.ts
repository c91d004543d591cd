import type { AppContext } from '../context.ts';
import { type BiasAudit, biasTables, screenedOutcomes } from './bias.ts';
import { DemographicsUnavailable, readDemographics } from './demographics.ts';
import type { Period } from './period.ts';

/** The Ashby report the audit reads: the configured one, or the local sandbox's seeded one. */
export function demographicsReportId(ctx: Pick<AppContext, 'config' | 'ashby'>): string | undefined {
  return ctx.config.report.demographicsReportId ?? ctx.ashby.sandbox?.demographicsReportId;
}

/**
 * The bias audit of the applications screened in a period (one job, or all). Ashby's answers are
 * joined to Skima's outcomes in memory, counted, and dropped with this call's scope.
 */
export async function computeBiasAudit(
  ctx: Pick<AppContext, 'config' | 'ashby' | 'db'>,
  request: { period: Period; job: { id: string; title: string } | null },
): Promise<BiasAudit> {
  const minGroup = ctx.config.report.biasMinGroup;
  const outcomes = await screenedOutcomes(ctx.db, request.period, request.job?.id);
  const base = { period: request.period, job: request.job, minGroup, population: outcomes.length };
  let demographics;
  try {
    demographics = await readDemographics(ctx.ashby.client, demographicsReportId(ctx));
  } catch (err) {
    // The report still renders without Ashby (rate limit, outage): the audit says why it is empty.
    const unavailable = err instanceof DemographicsUnavailable
      ? err.message
      : `could not read the demographics report from Ashby (${(err as Error).message})`;
    return { ...base, withAnswers: 0, fields: [], tables: [], unavailable };
  }
  const withAnswers = outcomes.filter((o) => demographics.answers.has(o.applicationId)).length;
  return {
    ...base,
    withAnswers,
    fields: demographics.fields,
    tables: biasTables(outcomes, demographics.answers, demographics.fields, minGroup),
  };
}
