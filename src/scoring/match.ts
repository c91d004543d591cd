import type { Requirement } from './jd-parse.ts';
import type { ParsedResume, ResumeLine } from './resume-parse.ts';
import { mergedMonths } from './text/dates.ts';

/** How well one requirement is evidenced in a resume. */
export interface RequirementMatch {
  readonly requirement: Requirement;
  /** 0-1: share of the requirement found (for experience: years found / years asked, capped at 1). */
  readonly coverage: number;
  /** Index into `resume.lines` of the best evidence, if any. */
  readonly lineIndex?: number;
  /** Years of matching experience found (experience requirements). */
  readonly yearsFound?: number;
  /** The skill is named only in a role's title: partial evidence (see `matchSkill`). */
  readonly titleOnly?: boolean;
}

/** A requirement counts as met from this coverage on. */
export const MET_THRESHOLD = 0.6;
/** A role or line is about a subject when it holds this share of the subject's stems. */
const ROLE_MATCH_THRESHOLD = 0.5;
const BLOCK_MATCH_THRESHOLD = 0.75;
/** Coverage at most, below MET_THRESHOLD, when a requirement's acronym is not on the evidence line. */
const KEY_TERM_CAP = 0.5;
/** Coverage at most, below MET_THRESHOLD, of a skill named only in a role's title. */
const TITLE_ONLY_CAP = 0.5;

export function matchRequirement(req: Requirement, resume: ParsedResume): RequirementMatch {
  if (req.kind === 'experience') return matchExperience(req, resume);
  if (req.kind === 'education') return matchEducation(req, resume);
  return matchSkill(req, resume);
}

function matchSkill(req: Requirement, resume: ParsedResume): RequirementMatch {
  const claimed = skillEvidence(req, resume, false);
  // Skills and certifications are claimed in what a resume says the candidate did or knows. A skill
  // named only in a role's title ("Salesforce Developer (2019 - 2023)", "Admin Cisco Sales
  // Specialist") is partial evidence: the title earns its years and title credit elsewhere, and the
  // recruiter is told the skill is named only there. A licence in a title ("Registered Nurse") holds,
  // and so does a requirement that names the job itself ("Shift lead" for a "Retail Shift Lead").
  if (claimed.coverage >= MET_THRESHOLD || !mayBeInTitle(req, resume)) return claimed;
  const named = skillEvidence(req, resume, true);
  if (named.coverage <= claimed.coverage) return claimed;
  if (req.kind !== 'skill' || req.namesRole) return named;
  if (named.coverage < MET_THRESHOLD) return claimed;
  return { ...named, coverage: Math.max(claimed.coverage, TITLE_ONLY_CAP), titleOnly: true };
}

/** Whether any word or dictionary skill of the requirement is named in a role's title. */
function mayBeInTitle(req: Requirement, resume: ParsedResume): boolean {
  if (req.skillIds.some((id) => resume.titleSkills.has(id))) return true;
  const alternatives = req.alternatives ?? [req.stems];
  return alternatives.some((stems) => stems.some((st) => resume.titleStems.has(st)));
}

/** Evidence of a skill requirement, in what the resume claims or (`withTitles`) anywhere. */
function skillEvidence(req: Requirement, resume: ParsedResume, withTitles: boolean): RequirementMatch {
  const lineStems = (line: ResumeLine) => (withTitles ? line.stems : line.claimStems);
  let dictLine: number | undefined;
  let dictFound = 0;
  for (const id of req.skillIds) {
    const claimedLines = resume.skills.get(id);
    const titleLines = withTitles ? resume.titleSkills.get(id) : undefined;
    const lines = titleLines ? [...(claimedLines ?? []), ...titleLines] : claimedLines;
    if (lines && lines.length > 0) {
      dictFound += 1;
      dictLine ??= shortestLine(resume, lines);
    }
  }
  // The dictionary speaks for the requirement only when its skills make up most of the label
  // ("Customer Service"), not one word of it ("Palo Alto Networks" is not "networking").
  const dictCoverage = req.skillIds.length > 0 && req.skillShare >= 0.5 ? dictFound / req.skillIds.length : 0;
  // "Software Development Life Cycle (SDLC)" is met by either name.
  let best: { share: number; index?: number } = { share: 0 };
  let lexical = 0;
  for (const stems of req.alternatives ?? [req.stems]) {
    let found = bestLine(stems, resume, lineStems);
    // Evidence on one line beats words scattered across the resume.
    let share = Math.max(found.share, 0.5 * stemShare(stems, withTitles ? resume.stems : resume.claimStems));
    // "Architecting solutions on AWS" is not met by "architecting solutions" alone: the acronym
    // names the skill, the other words describe its use.
    const keys = req.keyTerms?.filter((st) => stems.includes(st)) ?? [];
    const line = found.index !== undefined ? resume.lines[found.index] : undefined;
    if (keys.length > 0 && !(line && keys.every((st) => lineStems(line).has(st)))) {
      share = Math.min(share, KEY_TERM_CAP);
    }
    // ... and "Proficient in SQL" meets "capable of running SQL processes": the tool named on its own
    // is the skill asked for. (Claimed only: a role's title naming the tool stays partial evidence.)
    const tools = req.tools?.filter((st) => stems.includes(st)) ?? [];
    if (!withTitles && share < MET_THRESHOLD && tools.length > 0 && tools.length < stems.length) {
      const named = bestLine(tools, resume, lineStems);
      if (named.share === 1) {
        share = MET_THRESHOLD;
        found = named;
      }
    }
    if (share > lexical || (best.index === undefined && found.index !== undefined && share === lexical)) {
      lexical = share;
      best = found;
    }
  }
  if (dictCoverage >= lexical && dictLine !== undefined) {
    return { requirement: req, coverage: dictCoverage, lineIndex: dictLine };
  }
  return { requirement: req, coverage: lexical, ...(best.index !== undefined ? { lineIndex: best.index } : {}) };
}

function matchExperience(req: Requirement, resume: ParsedResume): RequirementMatch {
  const asked = req.years ?? 1;
  // Roles are matched on their titles; the best-matching titles count (not every role sharing a
  // word such as "developer"), so years of other jobs are not credited.
  const shares = resume.roles.map((role) => stemShare(req.stems, new Set(role.titleStems)));
  let top = Math.max(0, ...shares);
  let useBlocks = false;
  if (top < ROLE_MATCH_THRESHOLD) {
    // No title fits: fall back to roles whose descriptions cover the subject well.
    useBlocks = true;
    top = Math.max(0, ...resume.roles.map((role) => stemShare(req.stems, role.blockStems)));
  }
  const intervals: Array<readonly [number, number]> = [];
  let bestRoleLine: number | undefined;
  if (top >= (useBlocks ? BLOCK_MATCH_THRESHOLD : ROLE_MATCH_THRESHOLD)) {
    resume.roles.forEach((role, i) => {
      const share = useBlocks ? stemShare(req.stems, role.blockStems) : (shares[i] ?? 0);
      if (share < top - 0.2) return;
      intervals.push([role.startMonth, role.endMonth]);
      if (share === top && bestRoleLine === undefined) {
        const idx = resume.lines.findIndex((l) => l.start === role.line.start);
        if (idx >= 0) bestRoleLine = idx;
      }
    });
  }
  let years = mergedMonths(intervals) / 12;
  let lineIndex = bestRoleLine;

  // "5 years as a baker" written in a summary, without dated roles.
  if (years === 0) {
    const best = bestLine(req.stems, resume);
    if (best.index !== undefined && best.share >= ROLE_MATCH_THRESHOLD) {
      const stated = /(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?)/i.exec(resume.lines[best.index]?.text ?? '');
      years = stated ? Number(stated[1]) : 0;
      lineIndex = best.index;
      // Named but undated: some credit, never full.
      if (years === 0) return { requirement: req, coverage: 0.3 * best.share, lineIndex, yearsFound: 0 };
    }
  }
  const coverage = Math.min(1, years / asked);
  return { requirement: req, coverage, yearsFound: years, ...(lineIndex !== undefined ? { lineIndex } : {}) };
}

const DEGREE_PATTERNS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(ph\.?d|doctorate|doctoral|doctor of)\b/i, 5],
  [/\b(master'?s?|mba|m\.?sc|m\.?s\.|m\.?a\.)\b/i, 4],
  [/\b(bachelor'?s?|b\.?sc|b\.?s\.|b\.?a\.|b\.?eng|undergraduate degree)\b/i, 3],
  [/\b(associate'?s?)\b/i, 2],
  [/\b(high school|ged|diploma)\b/i, 1],
];

function matchEducation(req: Requirement, resume: ParsedResume): RequirementMatch {
  let level = 0;
  let lineIndex: number | undefined;
  resume.lines.forEach((line, i) => {
    for (const [re, l] of DEGREE_PATTERNS) {
      if (l > level && re.test(line.text)) {
        level = l;
        lineIndex = i;
      }
    }
  });
  const asked = req.degreeLevel ?? 1;
  const coverage = level >= asked ? 1 : level > 0 ? 0.5 : 0;
  return { requirement: req, coverage, ...(lineIndex !== undefined ? { lineIndex } : {}) };
}

export function stemShare(stems: readonly string[], inSet: ReadonlySet<string>): number {
  if (stems.length === 0) return 0;
  let n = 0;
  for (const s of stems) if (inSet.has(s)) n += 1;
  return n / stems.length;
}

/** The line holding the largest share of the stems; ties go to the shorter line (tighter evidence). */
export function bestLine(
  stems: readonly string[],
  resume: ParsedResume,
  stemsOf: (line: ResumeLine) => ReadonlySet<string> = (line) => line.stems,
): { share: number; index?: number } {
  if (stems.length === 0) return { share: 0 };
  let bestShare = 0;
  let bestIndex: number | undefined;
  resume.lines.forEach((line, i) => {
    const share = stemShare(stems, stemsOf(line));
    if (share === 0) return;
    const current = bestIndex !== undefined ? resume.lines[bestIndex] : undefined;
    if (share > bestShare || (share === bestShare && current && lineLength(line) < lineLength(current))) {
      bestShare = share;
      bestIndex = i;
    }
  });
  return bestIndex !== undefined ? { share: bestShare, index: bestIndex } : { share: 0 };
}

function shortestLine(resume: ParsedResume, indexes: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const i of indexes) {
    const line = resume.lines[i];
    const current = best !== undefined ? resume.lines[best] : undefined;
    if (line && (!current || lineLength(line) < lineLength(current))) best = i;
  }
  return best;
}

function lineLength(line: { start: number; end: number }): number {
  return line.end - line.start;
}
