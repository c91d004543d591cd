import type { ParsedJob } from './jd/types.ts';
import { isMet, matchRequirement, type RequirementMatch, stemShare } from './match.ts';
import type { ParsedResume } from './resume-parse.ts';
import { stem } from './text/tokenize.ts';

/**
 * Words nearly every job description uses ("team", "customer", "ensure", "daily"): a resume sharing
 * them says little about fit for this job, so lexical relevance counts them at GENERIC_WEIGHT. A
 * hand-written prior (an offline stand-in for inverse document frequency), not learned from data.
 */
const GENERIC = new Set(
  (
    'team teams work working customer customers client clients company organization business provide providing ensure '
    + 'support supporting manage managing develop developing responsible responsibilities communication communicate '
    + 'service services quality time new high daily duties perform performing maintain maintaining role opportunity '
    + 'effective effectively multiple various join looking seeking professional level standard standards process '
    + 'processes task tasks needs need best help assist information report reports part full day days week hours '
    + 'schedule include includes including activities activity operations operation goals success successful '
    + 'efficient efficiently detail details individual individuals staff members member colleagues department'
  )
    .split(' ')
    .map(stem),
);
const GENERIC_WEIGHT = 0.25;
/**
 * A must-have shown only in a bare skills list counts this much less toward `evidence` than one shown
 * in a dated role or described work (and its words count this much less toward lexical relevance).
 */
const LIST_DISCOUNT = 0.5;

/**
 * Share of the stems found in work, generic words counting GENERIC_WEIGHT; a stem found only in a
 * skills list (in `listed`, not in `inWork`) counts LIST_DISCOUNT less.
 */
function weightedShare(stems: Iterable<string>, inWork: ReadonlySet<string>, listed: ReadonlySet<string>): number {
  let have = 0;
  let all = 0;
  for (const s of stems) {
    const w = GENERIC.has(s) ? GENERIC_WEIGHT : 1;
    all += w;
    if (inWork.has(s)) have += w;
    else if (listed.has(s)) have += (1 - LIST_DISCOUNT) * w;
  }
  return all > 0 ? have / all : 0;
}

/**
 * The explainable features (each 0-1) and how they combine into the 0-100 score:
 * - mustHave: share of must-have skills/certifications/education met (partial credit below 0.6)
 * - niceToHave: the same for preferred items
 * - experience: years in matching roles / years asked, capped at 1 per requirement (more years
 *   than asked earn nothing, so age is not rewarded)
 * - title: the job title's words in the resume's role titles
 * - lexical: requirement words present, depth over the whole description, and phrase overlap
 * - evidence: share of the must-have skills met, each shown in roles or described work (1) or only
 *   in a bare skills list (1 - LIST_DISCOUNT); an unmet one counts 0
 * Weights started from the scoring research's prior and were adjusted on the RJDB dev split only
 * (a grid over these weights, LEX_MIX and LEXICAL_SCALE, chosen for NDCG@10 with pairwise accuracy
 * and the bands' medians held). The lexical term carries the most weight because it grades how much
 * of the whole description a resume speaks to, which separates a resume written for the job from
 * one that merely shares a job family; must-haves, years and title still decide between resumes of
 * similar relevance. A feature the job does not ask for (no experience requirement, say) is left
 * out and the others renormalised, so the scale means the same for every job.
 */
export const FEATURE_WEIGHTS = {
  mustHave: 0.3,
  niceToHave: 0.05,
  experience: 0.15,
  title: 0.05,
  lexical: 0.7,
  evidence: 0.1,
} as const;

/** Lexical relevance mixes word coverage, depth and phrase (bigram) coverage. */
const LEX_MIX = [0.2, 0.3, 0.5] as const;
/**
 * The lexical mix rarely passes 0.7 even for a resume written for the job (descriptions carry
 * words no resume repeats), so it is stretched: two thirds of the attainable mix is full credit.
 * Every input is a share of the description, so a long description is not penalised for its length.
 */
const LEXICAL_SCALE = 1.5;
/** Half of a description's phrases found in a resume is already full phrase credit. */
const PHRASE_SCALE = 2;
/**
 * The weighted feature mean is concave-mapped to 0-100 so the bands hold: on the dev data a
 * resume built for the job lands around 80+, one with gaps around 60-79, an unrelated one under 20.
 * The map is monotone, so it never changes an order.
 */
const SCALE_EXPONENT = 1.5;

/**
 * The size (distinct phrases; capped word counts) from which a description counts as long: about
 * the 95th percentile of the RJDB dev descriptions. Past it, lexical shares are taken of this size,
 * not of the whole description, so a long posting does not lower every resume's score for its length.
 */
const LONG_DESCRIPTION = { bigrams: 100, stemWeight: 120 } as const;

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
 * The scale, the same for every job (a job's must-haves decide the band, the rest the place in it):
 * - every must-have met: 80-100 ("strong");
 * - one must-have missing, at least half met, and the missing one not essential: 60-79;
 * - two or more missing: under 60, by the share of must-haves met (partial evidence counts half):
 *   "partial" (40-59) with at least a third met, "weak" (10-39) with less (lowBand);
 * - an essential must-have missing (a licence, or one a recruiter marked): the place the resume would
 *   have without it, mapped onto 20-51, in the same order (only that one missing is "partial");
 * - a bare list of skills, with no roles and no sentences of work: 75 at most (never "strong").
 * The place within a band mixes lexical relevance, where the must-have skills are shown (used in
 * roles and described work, or only listed: `evidence`), nice-to-haves and title (BAND_MIX).
 * A job with no must-haves read falls back to the weighted features (FEATURE_WEIGHTS).
 */
const BAND_MIX = { lexical: 0.55, evidence: 0.15, niceToHave: 0.2, title: 0.1 } as const;
/** An essential must-have missing maps 0-79.9 onto 20-51: never "worth a look". */
const ESSENTIAL_MISSING = { base: 20, factor: 0.39 } as const;
/** Under 60, the share of the must-haves met (partial evidence counting half) that makes "partial". */
const PARTIAL_SHARE = 1 / 3;
/** Within a band under 60, the weight of that share; the band mix has the rest. */
const LOW_BAND_MUST = 0.55;

/**
 * Two or more must-haves missing: "partial" (40-59) with at least a third of them met, else "weak"
 * (10-39); within each band, by the share met and the band mix. Strictly increasing in both, and
 * linear, so candidates close together stay apart after rounding.
 */
function lowBand(share: number, extra: number): number {
  if (share >= PARTIAL_SHARE - 1e-9) {
    const above = Math.min(1, (share - PARTIAL_SHARE) / (1 - PARTIAL_SHARE));
    return 40 + 19.9 * (LOW_BAND_MUST * Math.max(0, above) + (1 - LOW_BAND_MUST) * extra);
  }
  return 10 + 29.9 * (LOW_BAND_MUST * (share / PARTIAL_SHARE) + (1 - LOW_BAND_MUST) * extra);
}
const NO_CONTEXT_CAP = 75;

export function evaluate(job: ParsedJob, resume: ParsedResume): Evaluation {
  const context = { titleStems: job.titleStems, skillStems: skillStemsOf(job) };
  const matches = job.requirements.map((req) => matchRequirement(req, resume, context));
  const features: Partial<Record<FeatureName, number>> = {};

  // Conditions of the job ("Able to lift 30 lb") are asked at interview, not read from a resume.
  // A personal quality counts where the resume shows it and is asked at interview where it does not.
  const counted = matches.filter((m) => !m.requirement.condition && (!m.requirement.quality || isMet(m)));
  const must = counted.filter((m) => m.requirement.mustHave);
  const nice = counted.filter((m) => !m.requirement.mustHave);
  const exp = matches.filter((m) => m.requirement.kind === 'experience');
  if (must.length > 0) features.mustHave = mean(must.map(credit));
  // Where the must-have skills are shown: used in roles and described work, or only listed.
  // A share of all the must-have skills (an unmet one counts 0), so dropping a listed skill never raises it.
  const skills = must.filter((m) => m.requirement.kind === 'skill' || m.requirement.kind === 'certification');
  if (skills.length > 0) {
    features.evidence = mean(skills.map((m) => (isMet(m) ? 1 - LIST_DISCOUNT * (m.listShare ?? 0) : 0)));
  }
  if (nice.length > 0) features.niceToHave = mean(nice.map(credit));
  if (exp.length > 0) features.experience = mean(exp.map((m) => m.coverage));

  if (job.titleStems.length > 0) {
    let best = 0;
    for (const role of resume.roles) best = Math.max(best, stemShare(job.titleStems, new Set(role.titleStems)));
    features.title = Math.max(best, 0.5 * stemShare(job.titleStems, resume.stems));
  }
  const lexical = lexicalRelevance(job, resume);
  if (lexical !== undefined) features.lexical = lexical;

  let raw: number;
  if (must.length === 0) {
    raw = weightedScale(features);
  } else {
    const extra = blend(features);
    const unmet = must.filter((m) => !isMet(m));
    if (unmet.length === 0) raw = 80 + 20 * extra;
    else if (unmet.length === 1 && must.length >= 2) {
      raw = 60 + 19.9 * (0.8 * extra + 0.2 * (unmet[0]?.coverage ?? 0));
    } else raw = lowBand(features.mustHave ?? 0, extra);
    // The place the resume would have without the essential one, compressed (not capped) below 60: the
    // order among such candidates holds, and one missing only that is "partial", not "weak".
    if (unmet.some((m) => m.requirement.essential)) raw = ESSENTIAL_MISSING.base + ESSENTIAL_MISSING.factor * raw;
  }
  if (!hasContext(resume)) raw = Math.min(raw, NO_CONTEXT_CAP);
  return { matches, features, raw, score: Math.round(raw) };
}

/** Lexical relevance: the requirement words present, depth over the description, and phrase overlap. */
function lexicalRelevance(job: ParsedJob, resume: ParsedResume): number | undefined {
  const jdStems = new Set<string>();
  for (const r of job.requirements) for (const s of r.stems) jdStems.add(s);
  for (const s of job.titleStems) jdStems.add(s);
  if (jdStems.size === 0) return undefined;
  // Counts saturate at two, so repeating words does not pay. Words only in a bare skills list count
  // LIST_DISCOUNT less: a list names a thing, work shows it used.
  const { work } = resume;
  let depth = 0;
  let weight = 0;
  for (const [stem, count] of job.stems) {
    const w = Math.min(count, 3) * (GENERIC.has(stem) ? GENERIC_WEIGHT : 1);
    const inWork = work.stemCounts.get(stem) ?? 0;
    const listed = (resume.stemCounts.get(stem) ?? 0) - inWork;
    depth += w * Math.min(1, (inWork + (1 - LIST_DISCOUNT) * listed) / 2);
    weight += w;
  }
  let phrases = 0;
  for (const bigram of job.bigrams) {
    if (work.bigrams.has(bigram)) phrases += 1;
    else if (resume.bigrams.has(bigram)) phrases += 1 - LIST_DISCOUNT;
  }
  // Shares of a long description are taken of a typical one's size (see LONG_DESCRIPTION).
  const phraseShare = job.bigrams.size > 0 ? phrases / Math.min(job.bigrams.size, LONG_DESCRIPTION.bigrams) : 0;
  const mix =
    LEX_MIX[0] * weightedShare(jdStems, work.stems, resume.stems)
    + LEX_MIX[1] * (weight > 0 ? Math.min(1, depth / Math.min(weight, LONG_DESCRIPTION.stemWeight)) : 0)
    + LEX_MIX[2] * Math.min(1, PHRASE_SCALE * phraseShare);
  return Math.min(1, LEXICAL_SCALE * mix);
}

/** The place within a band: lexical relevance, evidence, nice-to-haves and title, over those the job has. */
function blend(features: Partial<Record<FeatureName, number>>): number {
  let weighted = 0;
  let total = 0;
  for (const [name, w] of Object.entries(BAND_MIX) as Array<[keyof typeof BAND_MIX, number]>) {
    const value = features[name];
    if (value === undefined) continue;
    weighted += w * value;
    total += w;
  }
  return total > 0 ? weighted / total : 0;
}

/** A job without must-haves: the weighted features, concave-mapped to 0-100. */
function weightedScale(features: Partial<Record<FeatureName, number>>): number {
  let weighted = 0;
  let total = 0;
  for (const [name, value] of Object.entries(features) as Array<[FeatureName, number]>) {
    weighted += FEATURE_WEIGHTS[name] * value;
    total += FEATURE_WEIGHTS[name];
  }
  const mean01 = total > 0 ? weighted / total : 0;
  return 100 * (1 - (1 - mean01) ** SCALE_EXPONENT);
}

/** Roles with dates, or at least three lines of sentences about work: more than a list of skills. */
function hasContext(resume: ParsedResume): boolean {
  if (resume.roles.length > 0) return true;
  let sentences = 0;
  for (const line of resume.lines) {
    if (line.section === 'skills') continue;
    if (line.text.trim().split(/\s+/).length >= 8) sentences += 1;
  }
  return sentences >= 3;
}

const SKILL_STEMS = new WeakMap<ParsedJob, ReadonlySet<string>>();

/** Stems of the job's must-have skills and certifications (computed once per parsed job). */
function skillStemsOf(job: ParsedJob): ReadonlySet<string> {
  let stems = SKILL_STEMS.get(job);
  if (!stems) {
    const set = new Set<string>();
    for (const r of job.requirements) {
      if (r.mustHave && (r.kind === 'skill' || r.kind === 'certification')) for (const st of r.stems) set.add(st);
    }
    stems = set;
    SKILL_STEMS.set(job, stems);
  }
  return stems;
}

/** Met counts in full; partial evidence counts half. */
function credit(m: RequirementMatch): number {
  return isMet(m) ? 1 : 0.5 * m.coverage;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
