import { evaluate } from './features.ts';
import { detectPromptInjection } from './injection.ts';
import { applyRequirementEdits, type RequirementEdit } from './jd/edits.ts';
import { parseJobDescription } from './jd/parse.ts';
import type { ParsedJob } from './jd/types.ts';
import { isMet } from './match.ts';
import { buildReasons } from './reasons.ts';
import { redactPersonalData } from './redact.ts';
import { type ParsedResume, parseResume } from './resume-parse.ts';
import { bundledSkillDictionary, type SkillDictionary } from './skills/dictionary.ts';
import { monthOf } from './text/dates.ts';
import type { ScoreOptions, ScoreResult, Scorer } from './types.ts';
import { defaultScorerVersion } from './version.ts';

export interface ScorerOptions {
  /** Resolves "present" in resume date ranges. Default: now, at the time the scorer is created. */
  readonly asOf?: Date;
  /** Another skill dictionary (tests); default: the bundled one. */
  readonly dictionary?: SkillDictionary;
  /** Parsed job descriptions kept for reuse (a job is scored against many resumes). Default 64. */
  readonly jobCacheSize?: number;
  /** Parsed resumes kept for reuse, the least recently used dropped first: those parsed by `parseResume`
   * and those scored with `keepParsed`. Parsing is most of a score's cost, and rediscovery scores the
   * same past candidates against job after job. Default 2,000. */
  readonly resumeCacheSize?: number;
}

export interface DefaultScorer extends Scorer {
  /** Parses a job description once, for ranking many resumes against it (with people's edits, if any). */
  parseJob(jd: string, edits?: readonly RequirementEdit[]): ParsedJob;
  /** Redacts and parses a resume once (and keeps it, as `keepParsed` does for a score). */
  parseResume(resume: string): ParsedResume;
  /** How many parsed resumes are kept now. */
  readonly keptResumes: number;
  /** The score alone (no reasons), for ranking large pools; equal to `score(...).features.raw`. */
  rank(job: ParsedJob, resume: ParsedResume): number;
}

/** The default scorer: offline, deterministic, explainable (see features.ts for the scale). */
export function createScorer(options: ScorerOptions = {}): DefaultScorer {
  const dictionary = options.dictionary ?? bundledSkillDictionary();
  const asOfMonth = monthOf(options.asOf ?? new Date());
  const version = defaultScorerVersion();
  const jobCache = new Map<string, ParsedJob>();
  const jobCacheSize = options.jobCacheSize ?? 64;

  const parseJob = (jd: string, edits?: readonly RequirementEdit[]): ParsedJob => {
    // Edited requirements are a different job: cached under the description and the edits.
    const key = edits?.length ? `${jd}\u0000${JSON.stringify(edits)}` : jd;
    const cached = jobCache.get(key);
    if (cached) return cached;
    const read = edits?.length ? parseJob(jd) : parseJobDescription(jd, dictionary);
    const parsed = edits?.length ? applyRequirementEdits(read, edits, dictionary).job : read;
    if (jobCache.size >= jobCacheSize) jobCache.delete(jobCache.keys().next().value as string);
    jobCache.set(key, parsed);
    return parsed;
  };
  const resumeCache = new Map<string, ParsedResume>();
  const resumeCacheSize = options.resumeCacheSize ?? 2000;
  // Keyed by the text itself: a parsed resume is a function of its text (and this scorer's date and
  // dictionary), and nothing downstream changes it.
  const parse = (resume: string, keep: boolean): ParsedResume => {
    const cached = resumeCache.get(resume);
    if (cached) {
      resumeCache.delete(resume);
      resumeCache.set(resume, cached);
      return cached;
    }
    const parsed = parseResume(redactPersonalData(resume).text, dictionary, asOfMonth);
    if (keep && resumeCacheSize > 0) {
      if (resumeCache.size >= resumeCacheSize) resumeCache.delete(resumeCache.keys().next().value as string);
      resumeCache.set(resume, parsed);
    }
    return parsed;
  };

  return {
    version,
    parseJob,
    parseResume: (resume) => parse(resume, true),
    get keptResumes() {
      return resumeCache.size;
    },
    rank: (job, resume) => evaluate(job, resume).raw,
    score(jd: string, resume: string, options?: ScoreOptions): ScoreResult {
      const job = parseJob(jd, options?.requirements);
      const parsed = parse(resume, options?.keepParsed === true);
      const evaluation = evaluate(job, parsed);
      const reasons = buildReasons(evaluation, parsed, resume);
      // Only the job's must-haves, each by its label as the description words it.
      const missing = evaluation.matches
        .filter((m) => m.requirement.mustHave && !m.requirement.condition && !m.requirement.quality && !isMet(m))
        .map((m) => (m.titleOnly ? `${m.requirement.label} (named only in a job title)` : m.requirement.label));
      // Instructions aimed at a screener do not change this score (it reads no instructions), but
      // a recruiter should know they are there.
      const flags = detectPromptInjection(resume) ? ['prompt_injection'] : [];
      return {
        score: evaluation.score,
        reasons,
        missing,
        features: { ...evaluation.features, raw: evaluation.raw },
        scorer: version,
        ...(flags.length ? { flags } : {}),
      };
    },
  };
}
