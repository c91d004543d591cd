import type { Requirement, RequirementKind, RequirementTerm } from './jd/types.ts';
import type { ParsedResume, ResumeLine } from './resume-parse.ts';
import { mergedMonths } from './text/dates.ts';
import { COUNT, countValue } from './text/number-words.ts';

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
  /** Groups of a skill requirement without evidence ("WPF" of "C#, SQL Server, WPF"). */
  readonly unmetGroups?: number;
  /** What the resume shows for it, short ("Node.js", "12 yrs"), for the reason bullet. */
  readonly shows?: readonly string[];
  /**
   * Share of the met groups whose evidence is only a bare skills list (see `ResumeLine.listLine`):
   * the resume says the candidate knows the skill, not where it was used.
   */
  readonly listShare?: number;
}

/** A requirement counts as met: skills from MET_THRESHOLD; years from nine tenths of those asked. */
export function isMet(m: RequirementMatch): boolean {
  if (m.requirement.kind === 'experience') return m.coverage >= EXPERIENCE_MET;
  // "C#, SQL Server, WPF" asks for each; a list of four or more may miss one entry.
  const allowed = m.requirement.groups.length >= 4 ? 1 : 0;
  return m.coverage >= MET_THRESHOLD && (m.unmetGroups ?? 0) <= allowed;
}

interface TermMatch {
  readonly coverage: number;
  readonly lineIndex?: number;
  readonly titleOnly?: boolean;
  /** The dictionary skill that evidenced the term on `lineIndex` (what the resume names for it). */
  readonly skillId?: string;
}

const NO_JOB: JobContext = { titleStems: [], skillStems: new Set() };

/** A requirement counts as met from this coverage on. */
export const MET_THRESHOLD = 0.6;
/** Years found over years asked from which an experience requirement is met (rounding of year-only dates). */
const EXPERIENCE_MET = 0.9;
/** Relevant years an "or equivalent experience" degree requirement accepts in place of the degree. */
const DEGREE_EQUIVALENT_MONTHS = 48;
/** A role or line is about a subject when it holds this share of the subject's stems. */
const ROLE_MATCH_THRESHOLD = 0.5;
const BLOCK_MATCH_THRESHOLD = 0.75;
/** Coverage at most, below MET_THRESHOLD, when a requirement's acronym is not on the evidence line. */
const KEY_TERM_CAP = 0.5;
/** Coverage at most, below MET_THRESHOLD, of a skill named only in a role's title. */
const TITLE_ONLY_CAP = 0.5;

/** What experience requirements are read against: the job's title, and the stems of its must-have skills. */
export interface JobContext {
  readonly titleStems: readonly string[];
  readonly skillStems: ReadonlySet<string>;
}

export function matchRequirement(req: Requirement, resume: ParsedResume, job: JobContext = NO_JOB): RequirementMatch {
  if (req.kind === 'experience') return matchExperience(req, resume, job);
  if (req.kind === 'education') return matchEducation(req, resume);
  return matchGroups(req, resume);
}

/** Every group met by its best term: coverage is the mean over groups. */
function matchGroups(req: Requirement, resume: ParsedResume): RequirementMatch {
  if (req.groups.length === 0) return { requirement: req, coverage: 0 };
  let total = 0;
  let lineIndex: number | undefined;
  let lineCoverage = -1;
  let titleOnly = false;
  let unmetGroups = 0;
  let metGroups = 0;
  let listed = 0;
  const shows: string[] = [];
  for (const group of req.groups) {
    let best: TermMatch = { coverage: 0 };
    let bestTerm: RequirementTerm | undefined;
    for (const term of group) {
      const m = matchSkill(term, req.kind, resume);
      if (m.coverage > best.coverage || (bestTerm === undefined && m.lineIndex !== undefined)) {
        best = m;
        bestTerm = term;
      }
    }
    total += best.coverage;
    if (best.coverage >= MET_THRESHOLD && bestTerm) {
      // What the resume names: "PostgreSQL" for "Relational databases", else the term as asked.
      const named = best.skillId !== undefined && best.lineIndex !== undefined
        ? resume.skillNames.get(`${best.lineIndex}:${best.skillId}`)
        : undefined;
      shows.push(named ?? bestTerm.label);
      metGroups += 1;
      if (best.lineIndex !== undefined && resume.lines[best.lineIndex]?.listLine) listed += 1;
    } else unmetGroups += 1;
    if (best.titleOnly) titleOnly = true;
    if (best.lineIndex !== undefined && best.coverage > lineCoverage) {
      lineCoverage = best.coverage;
      lineIndex = best.lineIndex;
    }
  }
  const coverage = total / req.groups.length;
  return {
    requirement: req,
    coverage,
    ...(lineIndex !== undefined ? { lineIndex } : {}),
    ...(titleOnly && coverage < MET_THRESHOLD ? { titleOnly: true } : {}),
    unmetGroups,
    shows,
    ...(metGroups > 0 ? { listShare: listed / metGroups } : {}),
  };
}

function matchSkill(req: RequirementTerm, kind: RequirementKind, resume: ParsedResume): TermMatch {
  const claimed = skillEvidence(req, resume, false);
  // Skills and certifications are claimed in what a resume says the candidate did or knows. A skill
  // named only in a role's title ("Salesforce Developer (2019 - 2023)", "Admin Cisco Sales
  // Specialist") is partial evidence: the title earns its years and title credit elsewhere, and the
  // recruiter is told the skill is named only there. A licence in a title ("Registered Nurse") holds,
  // and so does a requirement that names the job itself ("Shift lead" for a "Retail Shift Lead").
  if (claimed.coverage >= MET_THRESHOLD || !mayBeInTitle(req, resume)) return claimed;
  const named = skillEvidence(req, resume, true);
  if (named.coverage <= claimed.coverage) return claimed;
  if (kind !== 'skill' || req.namesRole) return named;
  if (named.coverage < MET_THRESHOLD) return claimed;
  return { ...named, coverage: Math.max(claimed.coverage, TITLE_ONLY_CAP), titleOnly: true };
}

/** Whether any word or dictionary skill of the requirement is named in a role's title. */
function mayBeInTitle(req: RequirementTerm, resume: ParsedResume): boolean {
  if (req.skillIds.some((id) => resume.titleSkills.has(id))) return true;
  const alternatives = req.alternatives ?? [req.stems];
  return alternatives.some((stems) => stems.some((st) => resume.titleStems.has(st)));
}

/** Evidence of a skill requirement, in what the resume claims or (`withTitles`) anywhere. */
function skillEvidence(req: RequirementTerm, resume: ParsedResume, withTitles: boolean): TermMatch {
  const lineStems = (line: ResumeLine) => (withTitles ? line.stems : line.claimStems);
  let dictLine: number | undefined;
  let dictSkill: string | undefined;
  let dictFound = 0;
  for (const id of req.skillIds) {
    const claimedLines = resume.skills.get(id);
    const titleLines = withTitles ? resume.titleSkills.get(id) : undefined;
    const lines = titleLines ? [...(claimedLines ?? []), ...titleLines] : claimedLines;
    if (lines && lines.length > 0) {
      dictFound += 1;
      if (dictLine === undefined) {
        dictLine = shortestLine(resume, lines);
        dictSkill = id;
      }
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
    return { coverage: dictCoverage, lineIndex: dictLine, ...(dictSkill ? { skillId: dictSkill } : {}) };
  }
  return { coverage: lexical, ...(best.index !== undefined ? { lineIndex: best.index } : {}) };
}

/**
 * Years of relevant experience: dated roles whose title names the kind of experience asked for
 * (or whose description covers it, or whose title is the job's own with related work in it), merged
 * so overlaps count once; or the years the resume states of itself ("12 years of experience") when
 * its work is in the field. The larger of the two counts.
 */
function matchExperience(req: Requirement, resume: ParsedResume, job: JobContext): RequirementMatch {
  const { titleStems: jobTitleStems, skillStems: jobSkillStems } = job;
  const headNoun = jobTitleStems[jobTitleStems.length - 1];
  const asked = req.years ?? 1;
  const terms = req.groups[0] ?? [];
  const subjectShare = (set: ReadonlySet<string>) => Math.max(0, ...terms.map((t) => stemShare(t.stems, set)));
  const intervals: Array<readonly [number, number]> = [];
  let lineIndex: number | undefined;
  let bestShare = 0;
  const relevantTitles: string[] = [];
  resume.roles.forEach((role) => {
    const titleSet = new Set(role.titleStems);
    const byTitle = subjectShare(titleSet);
    const byBlock = subjectShare(role.blockStems);
    // The job's own kind of role ("Software Engineer" for a "Backend Engineer": the same head noun)
    // whose work uses what the job asks for.
    const sameRole =
      headNoun !== undefined && titleSet.has(headNoun) && stemShare(jobTitleStems, titleSet) >= ROLE_MATCH_THRESHOLD;
    const relatedWork = byBlock > 0.5 || [...jobSkillStems].some((st) => role.blockStems.has(st));
    const relevant = byTitle >= ROLE_MATCH_THRESHOLD || byBlock >= BLOCK_MATCH_THRESHOLD || (sameRole && relatedWork);
    if (!relevant) return;
    intervals.push([role.startMonth, role.endMonth]);
    // "Senior Software Engineer, Amazon": the title without its employer.
    const title = role.title.split(/,|\s[-–—|@]\s|\s+at\s+/)[0]?.trim() ?? role.title;
    if (title && !relevantTitles.includes(title)) relevantTitles.push(title);
    const share = Math.max(byTitle, byBlock);
    if (lineIndex === undefined || share > bestShare) {
      const idx = resume.lines.findIndex((l) => l.start === role.line.start);
      if (idx >= 0) {
        lineIndex = idx;
        bestShare = share;
      }
    }
  });
  let years = mergedMonths(intervals) / 12;
  // Roles whose resume gives no title still count their years; "8 yrs ()" named nothing.
  const titled = relevantTitles.length > 0 ? ` (${relevantTitles.slice(0, 2).join(', ')})` : '';
  let shows = years > 0 ? `${Math.floor(years)} yrs${titled}` : undefined;

  // "Backend engineer with 12 years of experience": the resume's own statement, when its work is in
  // the field (a relevant role, or the statement names the subject or the job).
  resume.lines.forEach((line, i) => {
    if (line.section === 'experience') return;
    const stated = STATED_YEARS.exec(line.text);
    if (!stated) return;
    const n = statedYears(stated);
    const inField =
      intervals.length > 0
      || subjectShare(line.stems) > 0
      || stemShare(jobTitleStems, line.stems) >= ROLE_MATCH_THRESHOLD;
    if (inField && n > years && n <= 50) {
      years = n;
      lineIndex = i;
      shows = `${n} yrs stated`;
    }
  });
  const coverage = Math.min(1, years / asked);
  return {
    requirement: req,
    coverage,
    yearsFound: years,
    ...(lineIndex !== undefined ? { lineIndex } : {}),
    ...(shows ? { shows: [shows] } : {}),
  };
}

/** "12 years of experience", "8+ years in retail", "ten years as a nurse", "over a decade of": the
 * years a resume states of itself. */
const STATED_YEARS = new RegExp(
  `\\b(?:${COUNT}\\s*\\+?\\s*(?:years?|yrs)['’]?|(a|one|two)\\s+decades?)\\s+`
  + '(?:of\\s+|in\\s+|as\\s+|experience\\b|professional\\b|hands-on\\b|working\\b)',
  'i',
);

/** The years a `STATED_YEARS` match states: "a decade" is ten. */
function statedYears(match: RegExpExecArray): number {
  return match[2] ? (match[2].toLowerCase() === 'two' ? 20 : 10) : countValue(match[1]);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * What may follow a degree written in two capitals ("BS Computer Science", "MS in Data Science", "BA,
 * Economics", "MSN (Nursing)"), and what may not: "MS Office", "MS Excel" name Microsoft's products,
 * and "Boston, MA" a state.
 */
const SUBJECT_AFTER = String.raw`(?=\s+(?:in|of)\s|\s*\(|\s*[,:–—-]\s*\p{Lu}|\s+\p{Lu}[\p{L}&]|\s*$)`;
const NOT_A_PRODUCT = String.raw`(?!\s+(?:Office|Excel|Word|Project|SQL|Access|Teams|Dynamics|Visio|Outlook|PowerPoint|Exchange|Windows|DOS|Azure|Power|SharePoint|365)\b)`;
const SHORT_DEGREE = (forms: string) => new RegExp(String.raw`(?<!,\s?)\b(?:${forms})\b${NOT_A_PRODUCT}${SUBJECT_AFTER}`, 'u');

// Abbreviations end in a dot, so they end at a non-word character rather than a word boundary ("B.S. Accounting").
const DEGREE_PATTERNS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:ph\.?\s?d|d\.?phil|doctorate|doctoral|doctor of|ed\.d|pharm\.?d)(?![\w])/i, 5],
  [/\b(?:master'?s?|mba|m\.?sc|m\.s\.|m\.a\.|m\.?eng|m\.tech|mtech|m\.phil)(?![\w])/i, 4],
  [SHORT_DEGREE('MS|MA|MSc|MSN|MEng|MPH|MFA'), 4],
  [/\b(?:bachelor'?s?|b\.?sc|b\.s\.|b\.a\.|b\.?eng|b\.tech|btech|b\.e\.|bsn|b\.?com|bba|llb|undergraduate degree)(?![\w])/i, 3],
  [SHORT_DEGREE('BS|BA|BE|BFA|BSc|BBA'), 3],
  [/\b(?:associate'?s?|a\.a\.s?\.|a\.s\.|a\.o\.s\.)(?![\w])/i, 2],
  [/\b(?:high school|ged|diploma)(?![\w])/i, 1],
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
  const degreeLine = lineIndex !== undefined ? resume.lines[lineIndex]?.text.trim() : undefined;
  if (level < asked && req.orExperience && resume.experienceMonths >= DEGREE_EQUIVALENT_MONTHS) {
    return { requirement: req, coverage: 1, shows: [`${round1(resume.experienceMonths / 12)} yrs of experience in place of the degree`] };
  }
  // "Paralegal certificate or associate degree": another alternative named meets it.
  if (level < asked && req.groups.length > 0) {
    const other = matchGroups(req, resume);
    if (other.coverage >= MET_THRESHOLD) return other;
  }
  const coverage = level >= asked ? 1 : level > 0 ? 0.5 : 0;
  return {
    requirement: req,
    coverage,
    ...(lineIndex !== undefined ? { lineIndex } : {}),
    ...(degreeLine && coverage === 1 ? { shows: [degreeLine.length > 50 ? `${degreeLine.slice(0, 49)}…` : degreeLine] } : {}),
  };
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
    if (share > bestShare || (share === bestShare && current && tighter(line, current))) {
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
    if (line && (!current || tighter(line, current))) best = i;
  }
  return best;
}

/**
 * Of two lines with the same evidence, the better to quote: one that shows the skill used (a role,
 * described work) before a bare skills list, then the shorter (tighter evidence).
 */
function tighter(line: ResumeLine, than: ResumeLine): boolean {
  if (line.listLine !== than.listLine) return !line.listLine;
  return lineLength(line) < lineLength(than);
}

function lineLength(line: { start: number; end: number }): number {
  return line.end - line.start;
}
