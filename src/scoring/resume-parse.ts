import type { SkillDictionary } from './skills/dictionary.ts';
import { findDateRanges, mergedMonths } from './text/dates.ts';
import { type Line, lineBody, type Section, splitSections } from './text/lines.ts';
import { STOP_WORDS, tokenize } from './text/tokenize.ts';

export type ResumeSectionKind =
  | 'header'
  | 'summary'
  | 'skills'
  | 'experience'
  | 'education'
  | 'certifications'
  | 'projects'
  | 'other';

export interface ResumeRole {
  /** The role's title as written, e.g. "Junior Systems Admin/Engineer". */
  readonly title: string;
  readonly titleStems: readonly string[];
  readonly startMonth: number;
  readonly endMonth: number;
  /** The line that names the role (quotable evidence). */
  readonly line: Line;
  /** Content stems of the role's title line and the lines that describe it. */
  readonly blockStems: ReadonlySet<string>;
}

export interface ResumeLine extends Line {
  readonly section: ResumeSectionKind;
  readonly stems: ReadonlySet<string>;
}

export interface ParsedResume {
  /** The redacted text (same length and offsets as the original). */
  readonly text: string;
  readonly lines: readonly ResumeLine[];
  readonly roles: readonly ResumeRole[];
  /** Skill id -> indexes into `lines` where the skill is mentioned. */
  readonly skills: ReadonlyMap<string, readonly number[]>;
  /** Content stems of the whole resume. */
  readonly stems: ReadonlySet<string>;
  /** How often each content stem occurs. */
  readonly stemCounts: ReadonlyMap<string, number>;
  /** Adjacent content-stem pairs ("secur analyst"): phrases are far more specific than words. */
  readonly bigrams: ReadonlySet<string>;
  readonly education: readonly Line[];
  readonly certifications: readonly Line[];
  /** Total months of dated experience, overlaps counted once. */
  readonly experienceMonths: number;
}

const HEADINGS: ReadonlyArray<readonly [RegExp, ResumeSectionKind]> = [
  [/^(personal|contact)/i, 'header'],
  [/^(summary|profile|objective|about|professional summary|career summary|overview)/i, 'summary'],
  [/(skills|competenc|expertise|technolog|tools|proficienc|qualifications|abilities)/i, 'skills'],
  [/(experience|employment|work history|career|positions|roles)/i, 'experience'],
  [/(education|academic|degree|training|schooling)/i, 'education'],
  [/(certific|licen[cs]|accreditation|courses)/i, 'certifications'],
  [/(projects|portfolio|achievements|accomplishments)/i, 'projects'],
  [/^(languages|interests|hobbies|references|volunteer|awards|publications)/i, 'other'],
];

function classifyHeading(heading: string): ResumeSectionKind | undefined {
  if (heading.split(/\s+/).length > 5) return undefined;
  for (const [re, kind] of HEADINGS) if (re.test(heading)) return kind;
  return undefined;
}

const ROLE_PREFIX =
  /^(?:role|position|title|job title|worked as|working as|work as|served as|employed as)\s*[:-]?\s*(?:an?\s+)?/i;

/**
 * Parses a redacted resume: sections, lines with their stems, dated roles, and dictionary skills.
 * `asOfMonth` resolves "present" in date ranges.
 */
export function parseResume(redactedText: string, dictionary: SkillDictionary, asOfMonth: number): ParsedResume {
  const sections = splitSections<ResumeSectionKind>(redactedText, classifyHeading, 'header', 'other');
  const lines: ResumeLine[] = [];
  const skills = new Map<string, number[]>();
  const stems = new Set<string>();
  const stemCounts = new Map<string, number>();
  const bigrams = new Set<string>();
  const roles: ResumeRole[] = [];
  const education: Line[] = [];
  const certifications: Line[] = [];

  for (const section of sections) {
    parseSectionInto(section, asOfMonth, dictionary, {
      lines,
      skills,
      stems,
      stemCounts,
      bigrams,
      roles,
      education,
      certifications,
    });
  }
  const intervals = roles.map((r) => [r.startMonth, r.endMonth] as const);
  return {
    text: redactedText,
    lines,
    roles,
    skills,
    stems,
    stemCounts,
    bigrams,
    education,
    certifications,
    experienceMonths: mergedMonths(intervals),
  };
}

interface Accumulator {
  lines: ResumeLine[];
  skills: Map<string, number[]>;
  stems: Set<string>;
  stemCounts: Map<string, number>;
  bigrams: Set<string>;
  roles: ResumeRole[];
  education: Line[];
  certifications: Line[];
}

function parseSectionInto(
  section: Section<ResumeSectionKind>,
  asOfMonth: number,
  dictionary: SkillDictionary,
  acc: Accumulator,
): void {
  let openRole: { title: string; line: Line; startMonth: number; endMonth: number; block: Set<string> } | undefined;
  let previousContent: Line | undefined;
  const closeRole = () => {
    if (!openRole) return;
    acc.roles.push({
      title: openRole.title,
      titleStems: contentStemsOf(openRole.title),
      startMonth: openRole.startMonth,
      endMonth: openRole.endMonth,
      line: openRole.line,
      blockStems: openRole.block,
    });
    openRole = undefined;
  };

  for (const raw of section.lines) {
    const body = lineBody(raw);
    if (!body.text.trim()) continue;
    const tokens = tokenize(body.text);
    const lineStems = new Set<string>();
    let previous: string | undefined;
    for (const t of tokens) {
      if (STOP_WORDS.has(t.raw)) continue;
      if (previous !== undefined) acc.bigrams.add(`${previous} ${t.stem}`);
      previous = t.stem;
      lineStems.add(t.stem);
      acc.stemCounts.set(t.stem, (acc.stemCounts.get(t.stem) ?? 0) + 1);
    }
    const index = acc.lines.length;
    acc.lines.push({ ...body, section: section.kind, stems: lineStems });
    for (const s of lineStems) acc.stems.add(s);
    for (const mention of dictionary.find(tokens)) {
      const list = acc.skills.get(mention.skillId);
      if (list) {
        if (list[list.length - 1] !== index) list.push(index);
      } else acc.skills.set(mention.skillId, [index]);
    }
    if (section.kind === 'education') acc.education.push(body);
    if (section.kind === 'certifications') acc.certifications.push(body);

    // Years in education lines are graduation years (an age proxy): never read them as experience.
    const ranges = section.kind === 'education' ? [] : findDateRanges(body.text, asOfMonth);
    const range = ranges[0];
    if (range) {
      closeRole();
      let title = roleTitle(body.text, range.start, range.end);
      let line: Line = body;
      if (!title && previousContent) {
        title = roleTitle(previousContent.text, 0, 0);
        line = previousContent;
      }
      openRole = {
        title,
        line,
        startMonth: range.startMonth,
        endMonth: range.endMonth,
        block: new Set([...contentStemsOf(title), ...lineStems]),
      };
    } else if (openRole) {
      for (const s of lineStems) openRole.block.add(s);
    }
    previousContent = body;
  }
  closeRole();
}

function roleTitle(text: string, cutStart: number, cutEnd: number): string {
  const before = text.slice(0, cutStart);
  const after = text.slice(cutEnd);
  // Usually the title precedes the dates; "2019 - 2023: Nurse, City Hospital" puts it after.
  // After the dates, the title ends where the description starts.
  const pick = /[\p{L}]/u.test(before) ? before : (after.split(/[:;]|\.\s|,\s|\s[–—-]\s/)[0] ?? '');
  return pick
    .replace(ROLE_PREFIX, '')
    .replace(/\bfrom\s*$/i, '')
    .replace(/^[\s"“”'*_:,|()[\]–—-]+|[\s"“”'*_:,|()[\]–—.-]+$/gu, '')
    .trim();
}

function contentStemsOf(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOP_WORDS.has(t.raw) && !out.includes(t.stem)) out.push(t.stem);
  return out;
}
