import type { ParsedJob } from './jd-parse.ts';
import { MET_THRESHOLD, matchRequirement, type RequirementMatch, stemShare } from './match.ts';
import type { ParsedResume } from './resume-parse.ts';

/**
 * The explainable features (each 0-1) and how they combine into the 0-100 score:
 * - mustHave: share of must-have skills/certifications/education met (partial credit below 0.6)
 * - niceToHave: the same for preferred items
 * - experience: years in matching roles / years asked, capped at 1 per requirement (more years
 *   than asked earn nothing, so age is not rewarded)
 * - title: the job title's words in the resume's role titles
 * - lexical: requirement words present, depth over the whole description, and phrase overlap
 * Weights started from the scoring research's prior and were adjusted on the RJDB dev split only.
 * A feature the job does not ask for (no experience requirement, say) is left out and the others
 * renormalised, so the scale means the same for every job.
 */
export const FEATURE_WEIGHTS = {
  mustHave: 0.3,
  niceToHave: 0.05,
  experience: 0.25,
  title: 0.1,
  lexical: 0.35,
} as const;

/** Lexical relevance mixes word coverage, depth and phrase (bigram) coverage. */
const LEX_MIX = [0.25, 0.25, 0.5] as const;
/** Half of a description's phrases found in a resume is already full phrase credit. */
const PHRASE_SCALE = 2;
/**
 * The weighted feature mean is concave-mapped to 0-100 so the bands hold: on the dev data a
 * resume built for the job lands around 80+, one with gaps around 60-79, an unrelated one under 20.
 * The map is monotone, so it never changes an order.
 */
const SCALE_EXPONENT = 1.5;

export type FeatureName = keyof typeof FEATURE_WEIGHTS;

export interface Evaluation {
  readonly matches: readonly RequirementMatch[];
  readonly features: Partial<Record<FeatureName, number>>;
  /** Unrounded score, 0-100. */
  readonly raw: number;
  /** Integer 0-100. */
  readonly score: number;
}

/**
 * A missing must-have licence or certification halves the score (so it stays under 50, "partial"
 * at best): often the job cannot legally be done without it. Halving keeps the order among such
 * candidates, which a hard cap would flatten into ties.
 */
const CERTIFICATION_FACTOR = 0.5;

export function evaluate(job: ParsedJob, resume: ParsedResume): Evaluation {
  const matches = job.requirements.map((req) => matchRequirement(req, resume));
  const features: Partial<Record<FeatureName, number>> = {};

  const must = matches.filter((m) => m.requirement.mustHave && m.requirement.kind !== 'experience');
  const nice = matches.filter((m) => !m.requirement.mustHave && m.requirement.kind !== 'experience');
  const exp = matches.filter((m) => m.requirement.kind === 'experience');
  if (must.length > 0) features.mustHave = mean(must.map((m) => credit(m.coverage)));
  if (nice.length > 0) features.niceToHave = mean(nice.map((m) => credit(m.coverage)));
  if (exp.length > 0) features.experience = mean(exp.map((m) => m.coverage));

  if (job.titleStems.length > 0) {
    let best = 0;
    for (const role of resume.roles) best = Math.max(best, stemShare(job.titleStems, new Set(role.titleStems)));
    features.title = Math.max(best, 0.5 * stemShare(job.titleStems, resume.stems));
  }

  const jdStems = new Set<string>();
  for (const r of job.requirements) for (const s of r.stems) jdStems.add(s);
  for (const s of job.titleStems) jdStems.add(s);
  // Lexical relevance: the requirement words present, and how much of the whole description the
  // resume speaks to (counts saturate at two, so repeating words does not pay).
  if (jdStems.size > 0) {
    let depth = 0;
    let weight = 0;
    for (const [stem, count] of job.stems) {
      const w = Math.min(count, 3);
      depth += w * Math.min(1, (resume.stemCounts.get(stem) ?? 0) / 2);
      weight += w;
    }
    let phrases = 0;
    for (const bigram of job.bigrams) if (resume.bigrams.has(bigram)) phrases += 1;
    const phraseShare = job.bigrams.size > 0 ? phrases / job.bigrams.size : 0;
    features.lexical =
      LEX_MIX[0] * stemShare([...jdStems], resume.stems)
      + LEX_MIX[1] * (weight > 0 ? depth / weight : 0)
      + LEX_MIX[2] * Math.min(1, PHRASE_SCALE * phraseShare);
  }

  let weighted = 0;
  let total = 0;
  for (const [name, value] of Object.entries(features) as Array<[FeatureName, number]>) {
    weighted += FEATURE_WEIGHTS[name] * value;
    total += FEATURE_WEIGHTS[name];
  }
  const mean01 = total > 0 ? weighted / total : 0;
  let raw = 100 * (1 - (1 - mean01) ** SCALE_EXPONENT);
  const certMissing = matches.some(
    (m) => m.requirement.kind === 'certification' && m.requirement.mustHave && m.coverage < MET_THRESHOLD,
  );
  if (certMissing) raw *= CERTIFICATION_FACTOR;
  return { matches, features, raw, score: Math.round(raw) };
}

/** Partial evidence earns partial credit, but a requirement met earns it in full. */
function credit(coverage: number): number {
  return coverage >= MET_THRESHOLD ? 1 : coverage;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
