import type { RequirementEdit } from './jd/edits.ts';

/** One bullet of why a resume fits: short text plus a verbatim quote from the resume. */
export interface Reason {
  /** At most about 120 characters, e.g. "4 yrs Junior Systems Admin; VMware; Windows". */
  readonly text: string;
  /** Verbatim substring of the resume text that was scored: `resume.slice(start, end) === quote`. */
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

export interface ScoreResult {
  /** 0-100 integer on the documented scale (see SCORE_BANDS). */
  readonly score: number;
  /** 3-5 reasons (fewer only when the resume has fewer usable lines). */
  readonly reasons: Reason[];
  /**
   * Must-have requirements without evidence in the resume; a skill named only in a role's title is
   * listed as "<skill> (named only in a job title)".
   */
  readonly missing: string[];
  /** The explainable features, each 0-1, plus the unrounded score (`raw`, 0-100). */
  readonly features: Record<string, number>;
  /** Version string of the scorer that produced this result. */
  readonly scorer: string;
  /** Set when the resume tried to instruct a screener (LLM scorer) or hid text. */
  readonly flags?: string[];
}

/** What a caller may add to a job description: the requirements as people corrected them. */
export interface ScoreOptions {
  /** Edits applied, in order, on top of the requirements read from the description (jd/edits.ts). */
  readonly requirements?: readonly RequirementEdit[];
  /** The same resume will be scored again soon (rediscovery scores the same past candidates against job
   * after job): keep it parsed. Screening scores each resume once, and kept resumes it never reads
   * again cost a heap about 70 MB in a backfill. */
  readonly keepParsed?: boolean;
}

export interface Scorer {
  readonly version: string;
  score(jd: string, resume: string, options?: ScoreOptions): ScoreResult;
}

/** What a score means, the same for every job. */
export const SCORE_BANDS = [
  { min: 80, label: 'strong', meaning: 'meets the must-haves and the experience asked for' },
  { min: 60, label: 'worth a look', meaning: 'meets most must-haves; some gaps in skills or years' },
  { min: 40, label: 'partial', meaning: 'related background, several must-haves missing' },
  { min: 0, label: 'weak', meaning: 'little evidence of the requirements' },
] as const;

export function scoreBand(score: number): (typeof SCORE_BANDS)[number]['label'] {
  for (const band of SCORE_BANDS) if (score >= band.min) return band.label;
  return 'weak';
}

/**
 * A score's unrounded value (`features.raw`), which orders equal whole-number scores; the score itself
 * where the scorer gives none (an LLM's) or gives one that does not round to it.
 */
export function unroundedScore(score: number, features: Readonly<Record<string, unknown>>): number {
  const raw = features.raw;
  return typeof raw === 'number' && Number.isFinite(raw) && Math.round(raw) === score ? raw : score;
}
