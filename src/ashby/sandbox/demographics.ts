import type { OrgState } from './org-state.ts';
import { rngFor } from './prng.ts';

/**
 * The sandbox company's EEOC survey answers, served the way a real organisation exposes them to the
 * API: as a saved Ashby report (report.synchronous) with an "Application ID" column and one column per
 * field. Deterministic per application, so a bias audit over a seed is the same every run.
 */
export const SANDBOX_DEMOGRAPHICS_REPORT_ID = '5f0c7d2e-8a41-4b6e-9c3d-2e7a1f4b6c80';

export const DEMOGRAPHIC_COLUMNS = ['Application ID', 'Gender', 'Race/Ethnicity', 'Veteran Status', 'Disability Status'];

const DECLINE = 'Decline to self identify';
/** [answer, cumulative share]: roughly a US applicant pool, with some declining each question. */
const GENDER: [string, number][] = [['Female', 0.46], ['Male', 0.9], ['Non-binary', 0.93], [DECLINE, 1]];
const RACE: [string, number][] = [
  ['White', 0.5],
  ['Hispanic or Latino', 0.66],
  ['Black or African American', 0.79],
  ['Asian', 0.88],
  ['Two or More Races', 0.92],
  ['American Indian or Alaska Native', 0.93],
  ['Native Hawaiian or Other Pacific Islander', 0.935],
  [DECLINE, 1],
];
const VETERAN: [string, number][] = [['I am not a protected veteran', 0.85], ['I identify as a protected veteran', 0.93], [DECLINE, 1]];
const DISABILITY: [string, number][] = [
  ['No, I do not have a disability', 0.82],
  ['Yes, I have a disability', 0.9],
  [DECLINE, 1],
];

function pick(roll: number, options: [string, number][]): string {
  return (options.find(([, upTo]) => roll < upTo) ?? options[options.length - 1]!)[0];
}

/** About one applicant in eight never answers the survey: no row at all. */
export function demographicsReportRows(org: OrgState): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < org.applicationCount; i++) {
    const rng = rngFor(org.seed, 'eeoc', i);
    if (rng.next() < 0.125) continue;
    rows.push([org.id('application', i), pick(rng.next(), GENDER), pick(rng.next(), RACE), pick(rng.next(), VETERAN), pick(rng.next(), DISABILITY)]);
  }
  return rows;
}
