import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { Period } from './period.ts';

/**
 * The bias audit: selection rates and impact ratios by demographic category, for two selections.
 * Demographic answers come from Ashby for this computation only (see demographics.ts): they are held
 * in memory while the aggregate is made, never written to the database, never shown per person.
 * Definitions and limits: docs/bias-audit.md.
 */

export const SCORE_THRESHOLD = 60;

export type Selection = 'scored_60_or_more' | 'approved_by_hiring_manager';
export const SELECTIONS: { id: Selection; label: string }[] = [
  { id: 'scored_60_or_more', label: `Scored ${SCORE_THRESHOLD} or more by Skima` },
  { id: 'approved_by_hiring_manager', label: 'Approved by a hiring manager' },
];

/** Answers that say nothing about the person: counted, never compared. */
export const NOT_DISCLOSED = 'Not disclosed';
const DECLINED = /^(-|n\/?a|unknown)$|^(prefer not|decline|i don'?t wish|not (specified|disclosed|declared)|choose not)/i;

export interface CategoryRow {
  category: string;
  people: number;
  /** The status decides what is shown: a too-small or undisclosed category has no rate and no ratio. */
  status: 'compared' | 'too_small' | 'not_disclosed';
  selected: number | null;
  rate: number | null;
  /** This category's rate divided by the highest rate among the compared categories. */
  impactRatio: number | null;
}

export interface BiasTable {
  field: string;
  selection: Selection;
  rows: CategoryRow[];
}

export interface BiasAudit {
  period: Period;
  job: { id: string; title: string } | null;
  minGroup: number;
  /** Applications screened in the period (the population), and how many had demographic answers. */
  population: number;
  withAnswers: number;
  fields: string[];
  tables: BiasTable[];
  /** Why there are no tables, when there are none. */
  unavailable?: string;
}

export interface ScreenedOutcome {
  applicationId: string;
  score: number | null;
  verdict: string | null;
}

const POPULATION = (jobId?: string) => `SELECT a."id" AS "applicationId", a."currentScore" AS "score",
  a."latestVerdict" AS "verdict"
  FROM (SELECT "applicationId", MIN("createdAt") AS "firstAt" FROM "Score" GROUP BY "applicationId") f
  JOIN "Application" a ON a."id" = f."applicationId"
  WHERE f."firstAt" >= ? AND f."firstAt" < ?${jobId ? ' AND a."jobId" = ?' : ''}`;

/** The applications screened in the period, with their standing score and verdict. */
export async function screenedOutcomes(db: Db, period: Period, jobId?: string): Promise<ScreenedOutcome[]> {
  const args: unknown[] = [period.from, period.to, ...(jobId ? [jobId] : [])];
  type Row = { applicationId: string; score: unknown; verdict: string | null };
  const rows = await rawSql(db).rows<Row>(POPULATION(jobId), ...args);
  return rows.map((r) => ({
    applicationId: r.applicationId,
    score: r.score === null ? null : Number(r.score),
    verdict: r.verdict,
  }));
}

export function isSelected(o: ScreenedOutcome, selection: Selection): boolean {
  return selection === 'scored_60_or_more' ? o.score !== null && o.score >= SCORE_THRESHOLD : o.verdict === 'approve';
}

export function categoryOf(answer: string | undefined): string {
  const value = (answer ?? '').trim();
  return value === '' || DECLINED.test(value) ? NOT_DISCLOSED : value;
}

/** One field's table for one selection, from each person's category. */
export function biasTable(
  field: string,
  selection: Selection,
  people: { category: string; selected: boolean }[],
  minGroup: number,
): BiasTable {
  const counts = new Map<string, { people: number; selected: number }>();
  for (const p of people) {
    const c = counts.get(p.category) ?? { people: 0, selected: 0 };
    c.people++;
    if (p.selected) c.selected++;
    counts.set(p.category, c);
  }
  const statusOf = (category: string, n: number): CategoryRow['status'] =>
    category === NOT_DISCLOSED ? 'not_disclosed' : n < minGroup ? 'too_small' : 'compared';
  const compared = [...counts].filter(([category, c]) => statusOf(category, c.people) === 'compared');
  const highest = Math.max(0, ...compared.map(([, c]) => c.selected / c.people));
  const rows = [...counts]
    .map(([category, c]): CategoryRow => {
      const status = statusOf(category, c.people);
      if (status !== 'compared') return { category, people: c.people, status, selected: null, rate: null, impactRatio: null };
      const rate = c.selected / c.people;
      const impactRatio = highest > 0 ? rate / highest : null;
      return { category, people: c.people, status, selected: c.selected, rate, impactRatio };
    })
    .sort((a, b) => order(a) - order(b) || b.people - a.people || a.category.localeCompare(b.category));
  return { field, selection, rows };
}

const order = (r: CategoryRow) => ({ compared: 0, too_small: 1, not_disclosed: 2 })[r.status];

/**
 * The audit's tables: each field, and the intersection of the first two (as New York City's Local
 * Law 144 asks for sex by race/ethnicity), for each selection.
 */
export function biasTables(
  outcomes: ScreenedOutcome[],
  answers: ReadonlyMap<string, Readonly<Record<string, string>>>,
  fields: string[],
  minGroup: number,
): BiasTable[] {
  type Answers = Readonly<Record<string, string>> | undefined;
  const dimensions = fields.map((field) => ({ field, categoryOf: (a: Answers) => categoryOf(a?.[field]) }));
  if (fields.length >= 2) {
    const [f1, f2] = fields as [string, string];
    dimensions.push({
      field: `${f1} × ${f2}`,
      categoryOf: (a: Answers) => {
        const c1 = categoryOf(a?.[f1]);
        const c2 = categoryOf(a?.[f2]);
        return c1 === NOT_DISCLOSED || c2 === NOT_DISCLOSED ? NOT_DISCLOSED : `${c1} × ${c2}`;
      },
    });
  }
  const tables: BiasTable[] = [];
  for (const d of dimensions) {
    for (const s of SELECTIONS) {
      const people = outcomes.map((o) => ({
        category: d.categoryOf(answers.get(o.applicationId)),
        selected: isSelected(o, s.id),
      }));
      tables.push(biasTable(d.field, s.id, people, minGroup));
    }
  }
  return tables;
}
