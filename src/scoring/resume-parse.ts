import type { SkillDictionary } from './skills/dictionary.ts';
import { findDateRanges, findRangeOnto, mergedMonths } from './text/dates.ts';
import { BULLET, type Line, lineBody, type Section, splitSections } from './text/lines.ts';
import { inSpans, negatedSpans } from './text/negation.ts';
import { namesPeople, othersSpecialitySpans } from './text/others-speciality.ts';
import {
  headerTitle,
  INTRODUCED_TITLE,
  joinTitleParts,
  lineTitle,
  namesRole,
  roleLine,
  roleTitle,
  titleLikeLine,
  titleSpanEnd,
} from './text/role-title.ts';
import { STOP_WORDS, tokenize } from './text/tokenize.ts';
import { carriesOnBullet } from './text/wrapped-bullet.ts';

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
  /**
   * The stems outside a role's title: what the line claims the candidate did or knows. A job title
   * names a role, often with its employer's team or product ("Admin Cisco Sales Specialist"), and is
   * evidence of the role, not of hands-on skill. Nor are words naming other people's speciality
   * ("working with the PostgreSQL lead", see `othersSpecialitySpans`). The same set as `stems` on
   * lines that hold neither.
   */
  readonly claimStems: ReadonlySet<string>;
  /**
   * A line of a bare skills list (the skills section, or a "Skills: ..." line outside any role): it
   * says the candidate knows a thing, where a line of a dated role or of described work shows it used.
   */
  readonly listLine: boolean;
}

export interface ParsedResume {
  /** The redacted text (same length and offsets as the original). */
  readonly text: string;
  readonly lines: readonly ResumeLine[];
  readonly roles: readonly ResumeRole[];
  /** Skill id -> indexes into `lines` where the skill is mentioned outside a role's title. */
  readonly skills: ReadonlyMap<string, readonly number[]>;
  /**
   * "<line index>:<skill id>" -> the words the resume uses for it on that line ("PostgreSQL" for the
   * relational-databases skill it is a kind of), so a reason says what the resume names.
   */
  readonly skillNames: ReadonlyMap<string, string>;
  /** Skill id -> indexes into `lines` where the skill is named inside a role's title. */
  readonly titleSkills: ReadonlyMap<string, readonly number[]>;
  /** Content stems of the whole resume. */
  readonly stems: ReadonlySet<string>;
  /** Content stems of the whole resume outside role titles (see `ResumeLine.claimStems`). */
  readonly claimStems: ReadonlySet<string>;
  /** Content stems of the role titles written on the resume's lines. */
  readonly titleStems: ReadonlySet<string>;
  /** How often each content stem occurs. */
  readonly stemCounts: ReadonlyMap<string, number>;
  /** Adjacent content-stem pairs ("secur analyst"): phrases are far more specific than words. */
  readonly bigrams: ReadonlySet<string>;
  /** `stems`, `stemCounts` and `bigrams` of the lines that are not a bare skills list (see `ResumeLine.listLine`). */
  readonly work: {
    readonly stems: ReadonlySet<string>;
    readonly stemCounts: ReadonlyMap<string, number>;
    readonly bigrams: ReadonlySet<string>;
  };
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
  if (heading.split(/\s+/).length > 5 || namesOneCredential(heading)) return undefined;
  for (const [re, kind] of HEADINGS) if (re.test(heading)) return kind;
  return undefined;
}

/**
 * "Valid driver's license", "Forklift certification": a line naming one credential is content, not
 * the heading of a section of them ("Licenses", "Licenses & Certifications"); read as a heading, the
 * very evidence a job asking for a driver's license needs was dropped.
 */
function namesOneCredential(heading: string): boolean {
  const words = heading.trim().split(/\s+/);
  if (words.length < 2 || /&|\/|\band\b/i.test(heading)) return false;
  return /^(?:licen[cs]e|certificate|certification)$/i.test(words[words.length - 1] ?? '');
}

/** "Skills: Python, SQL", "Technical skills - ...", "Tools: ...": a list line wherever it stands. */
const SKILLS_LABEL =
  /^(?:[\w/&-]+\s+){0,2}(?:skills?|technologies|tools|tech(?:nical)?\s+stack|stack|competenc(?:ies|es)|proficienc(?:ies|y)|expertise|keywords)\s*[:\-–—|]/i;

/**
 * Parses a redacted resume: sections, lines with their stems, dated roles, and dictionary skills.
 * `asOfMonth` resolves "present" in date ranges.
 */
export function parseResume(redactedText: string, dictionary: SkillDictionary, asOfMonth: number): ParsedResume {
  const sections = splitSections<ResumeSectionKind>(redactedText, classifyHeading, 'header', 'other');
  const lines: ResumeLine[] = [];
  const skills = new Map<string, number[]>();
  const skillNames = new Map<string, string>();
  const titleSkills = new Map<string, number[]>();
  const titleStems = new Set<string>();
  const stems = new Set<string>();
  const stemCounts = new Map<string, number>();
  const bigrams = new Set<string>();
  const work = { stems: new Set<string>(), stemCounts: new Map<string, number>(), bigrams: new Set<string>() };
  const roles: ResumeRole[] = [];
  const education: Line[] = [];
  const certifications: Line[] = [];

  for (const section of sections) {
    parseSectionInto(section, asOfMonth, dictionary, {
      lines,
      skills,
      skillNames,
      titleSkills,
      titleStems,
      stems,
      stemCounts,
      bigrams,
      work,
      roles,
      education,
      certifications,
    });
  }
  const intervals = roles.map((r) => [r.startMonth, r.endMonth] as const);
  const claimStems = new Set<string>();
  for (const line of lines) for (const s of line.claimStems) claimStems.add(s);
  return {
    text: redactedText,
    lines,
    roles,
    skills,
    skillNames,
    titleSkills,
    stems,
    claimStems,
    titleStems,
    stemCounts,
    bigrams,
    work,
    education,
    certifications,
    experienceMonths: mergedMonths(intervals),
  };
}

interface Accumulator {
  lines: ResumeLine[];
  skills: Map<string, number[]>;
  skillNames: Map<string, string>;
  titleSkills: Map<string, number[]>;
  titleStems: Set<string>;
  stems: Set<string>;
  stemCounts: Map<string, number>;
  bigrams: Set<string>;
  work: { stems: Set<string>; stemCounts: Map<string, number>; bigrams: Set<string> };
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
  let openRole: {
    title: string;
    line: Line;
    startMonth: number;
    endMonth: number;
    block: Set<string>;
    // Its dates name no role: the line right below may ("Jan 2018 - Present" / "Backend Engineer, Amazon").
    titleBelow: boolean;
  } | undefined;
  let previousContent: { raw: Line; body: Line; index: number } | undefined;
  // The lines just read that may head the next role (its title, its employer): at most two short lines
  // without dates, bullets or sentences, the first starting a block (the section's first line, or one
  // after a blank line), so that no line of the open role's description is taken for a title.
  let header: Array<{ body: Line; index: number }> = [];
  // A blank line since the header: then it heads only a dated line that holds no title before its dates.
  let gapAfterHeader = false;
  let blankBefore = true;
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

  // The line just read, as written and as parsed; unset after a blank line (see `carriesOnBullet`).
  let above: { raw: Line; body: Line } | undefined;
  // Lines that carry on the bullet above them (a PDF wraps long bullets), and the last word read.
  const carryOn: number[] = [];
  let lastStem: string | undefined;
  // Lines read as a role's title (they claim nothing, so share no words with a bullet).
  const titleLines = new Set<number>();
  const asTitle = (index: number) => {
    titleOnly(acc, index);
    titleLines.add(index);
  };
  // A summary sentence found outside its section carries on over the lines it wraps onto.
  let summaryGoesOn = false;
  for (const [lineNo, raw] of section.lines.entries()) {
    const body = lineBody(raw);
    const aboveHere = above;
    above = body.text.trim() ? { raw, body } : undefined;
    if (!body.text.trim()) {
      blankBefore = true;
      gapAfterHeader = header.length > 0;
      continue;
    }
    const kind = lineKind(section.kind, body.text, summaryGoesOn);
    summaryGoesOn = kind === 'summary' && section.kind !== 'summary' && !/[.!?]$/.test(body.text.trim());
    // A line that denies a skill ("without Angular JS", "except IGMP") is no evidence of it.
    const denied = negatedSpans(body.text);
    const allTokens = tokenize(body.text);
    const tokens = denied.length > 0 ? allTokens.filter((t) => !inSpans(denied, t.start)) : allTokens;
    // Years in education lines are graduation years (an age proxy): never read them as experience.
    const next = section.lines[lineNo + 1];
    const range = kind === 'education'
      ? undefined
      : findDateRanges(body.text, asOfMonth)[0] ?? (next && findRangeOnto(body.text, next.text, asOfMonth));
    // Denied words are no part of the role's title either (same length, so offsets hold).
    const visible = range && denied.length > 0 ? blankSpans(body.text, denied) : body.text;
    const titled = range ? roleTitle(visible, range.start, range.end) : '';
    // Where the role's title ends on this line; a skills list with dates ("AWS (2019 - 2023)")
    // claims the skill, so it holds no title.
    const titleEnd = range && titled && section.kind !== 'skills' ? titleSpanEnd(visible, range.start, range.end) : 0;
    // "…with the PostgreSQL lead": words naming other people's speciality are on the line, not claimed.
    const others = othersSpecialityOf(raw, body, aboveHere);
    const claimedAt = (start: number) => start >= titleEnd && (others.length === 0 || !inSpans(others, start));
    const lineStems = new Set<string>();
    const claimStems = titleEnd > 0 || others.length > 0 ? new Set<string>() : lineStems;
    const listLine = section.kind === 'skills' || (!openRole && !range && SKILLS_LABEL.test(body.text));
    const carried = aboveHere !== undefined && carriesOnBullet(aboveHere.raw.text, raw.text);
    // "…; high-volume" / "hiring of 250 caregivers": the phrase goes on over the break.
    let previous: string | undefined = carried ? lastStem : undefined;
    for (const t of tokens) {
      if (STOP_WORDS.has(t.raw)) continue;
      if (previous !== undefined) {
        const bigram = `${previous} ${t.stem}`;
        acc.bigrams.add(bigram);
        if (!listLine) acc.work.bigrams.add(bigram);
      }
      previous = t.stem;
      lineStems.add(t.stem);
      if (claimedAt(t.start)) claimStems.add(t.stem);
      else if (t.start < titleEnd) acc.titleStems.add(t.stem);
      acc.stemCounts.set(t.stem, (acc.stemCounts.get(t.stem) ?? 0) + 1);
      if (!listLine) {
        acc.work.stems.add(t.stem);
        acc.work.stemCounts.set(t.stem, (acc.work.stemCounts.get(t.stem) ?? 0) + 1);
      }
    }
    lastStem = previous;
    const index = acc.lines.length;
    if (carried) carryOn.push(index);
    // Fields written out: an object spread here cost about 3% of a score.
    const { text, start, end } = body;
    acc.lines.push({ text, start, end, section: kind, stems: lineStems, claimStems, listLine });
    for (const s of lineStems) acc.stems.add(s);
    for (const mention of dictionary.find(tokens)) {
      if (mention.start >= titleEnd && !claimedAt(mention.start)) continue;
      // Naming Scrum claims Agile too (the dictionary's `broader`), never the reverse.
      for (const id of dictionary.withBroader(mention.skillId)) {
        addSkill(mention.start < titleEnd ? acc.titleSkills : acc.skills, id, index);
        const key = `${index}:${id}`;
        if (!acc.skillNames.has(key)) acc.skillNames.set(key, body.text.slice(mention.start, mention.end));
      }
    }
    if (kind === 'education') acc.education.push(body);
    if (section.kind === 'certifications') acc.certifications.push(body);

    if (range) {
      closeRole();
      let title = titled;
      let line: Line = body;
      // "Senior Nurse" over "2019 - 2023: City Hospital", "Senior Software Engineer" over "Acme Corp |
      // 2019 - Present", LinkedIn's "Amazon" / "Backend Engineer" / "Jan 2018 - Present": the lines
      // above name the role or its employer, and only "2019 - 2023: Worked as a Nurse" says which. All
      // are the title then, the part naming a role first.
      const afterDates = !/[\p{L}]/u.test(visible.slice(0, range.start));
      const useHeader = header.length > 0 && !INTRODUCED_TITLE.test(visible.slice(range.end))
        && (afterDates || !gapAfterHeader);
      // Without a header, the line just above may still name the role (LinkedIn puts "Backend Engineer"
      // under the previous role's last line); never a bullet or a sentence of that role.
      const namingAbove = previousContent && roleLine(previousContent.raw.text, previousContent.body.text)
        ? [previousContent]
        : [];
      const headLines = useHeader ? header : title ? [] : namingAbove;
      // A header line is a title whole; another line above ends where a description would start.
      const headTitles = headLines.map((l) => (useHeader ? headerTitle : lineTitle)(l.body.text));
      if (headTitles.some((t) => t)) {
        title = joinTitleParts([...headTitles, title]);
        // The role's line is the one that names it, for quoting: "Store Manager" with its dates rather
        // than the employer above.
        const naming = headLines.find((l) => namesRole(l.body.text));
        if (naming || !namesRole(titled)) line = (naming ?? headLines[0])!.body;
        // The lines above the dates are the role's title: they claim no skill.
        if (section.kind !== 'skills') for (const l of headLines) asTitle(l.index);
      }
      openRole = {
        title,
        line,
        startMonth: range.startMonth,
        endMonth: range.endMonth,
        block: new Set([...contentStemsOf(title), ...lineStems]),
        titleBelow: section.kind !== 'skills' && !namesRole(title),
      };
    } else if (openRole) {
      for (const s of lineStems) openRole.block.add(s);
      if (openRole.titleBelow && roleLine(raw.text, body.text)) {
        openRole.title = joinTitleParts([openRole.title, headerTitle(body.text)]);
        openRole.line = body;
        for (const s of contentStemsOf(openRole.title)) openRole.block.add(s);
        asTitle(index);
      }
      openRole.titleBelow = false;
    }
    previousContent = { raw, body, index };
    const titleLike = !range && titleLikeLine(raw.text, body.text);
    // A title under the open role's last bullet ("- Tuned queries" / "Backend Engineer" / "Shopify |
    // 2013 - 2018") heads the next role when it names one; any other line there may carry the bullet on.
    const startsBlock = !openRole || blankBefore || (BULLET.test(aboveHere?.raw.text ?? '') && roleLine(raw.text, body.text));
    if (!titleLike) header = [];
    else if (header.length > 0 && !blankBefore && !gapAfterHeader) header = [...header, { body, index }].slice(-2);
    else header = startsBlock ? [{ body, index }] : [];
    gapAfterHeader = false;
    blankBefore = false;
  }
  closeRole();
  joinWrappedBullets(acc, carryOn, titleLines);
}

/**
 * A bullet a PDF wrapped over several lines is one piece of evidence: "…; high-volume" / "hiring of
 * 250 caregivers" meets "High-volume hiring". Its lines share their words, what each claims included
 * (a role's title line, or the line a role's dates make, keeps its own).
 */
function joinWrappedBullets(acc: Accumulator, carryOn: readonly number[], titleLines: ReadonlySet<number>): void {
  const roleLines = new Set(acc.roles.map((r) => r.line.start));
  const apart = (i: number) => titleLines.has(i) || roleLines.has(acc.lines[i]?.start ?? -1);
  let from = 0;
  while (from < carryOn.length) {
    // A run of lines carrying on one another, with the bullet they carry on.
    let to = from;
    while (to + 1 < carryOn.length && carryOn[to + 1] === carryOn[to]! + 1) to += 1;
    const indexes = [carryOn[from]! - 1, ...carryOn.slice(from, to + 1)].filter((i) => !apart(i));
    from = to + 1;
    if (indexes.length < 2) continue;
    const stems = new Set<string>();
    const claims = new Set<string>();
    for (const i of indexes) {
      const line = acc.lines[i]!;
      for (const st of line.stems) stems.add(st);
      for (const st of line.claimStems) claims.add(st);
    }
    for (const i of indexes) acc.lines[i] = { ...acc.lines[i]!, stems, claimStems: claims };
  }
}

/**
 * `othersSpecialitySpans` of a line, read with the bullet it carries on: a PDF wraps "…working
 * closely with the" and "PostgreSQL lead" onto two lines.
 */
function othersSpecialityOf(
  raw: Line,
  body: Line,
  above: { raw: Line; body: Line } | undefined,
): Array<readonly [number, number]> {
  // The people named end the stretch, so they are on this line.
  if (!namesPeople(body.text)) return [];
  const carried = above && carriesOnBullet(above.raw.text, raw.text) ? `${above.body.text} ` : '';
  if (!carried) return othersSpecialitySpans(body.text);
  const spans: Array<readonly [number, number]> = [];
  for (const [s, e] of othersSpecialitySpans(carried + body.text)) {
    if (e > carried.length) spans.push([Math.max(0, s - carried.length), e - carried.length]);
  }
  return spans;
}

/**
 * "Senior account executive with 11 years of experience in B2B sales, …": a summary sentence. A
 * two-column PDF puts the sidebar (skills, education) first and loses the summary's heading, so the
 * summary lands under EDUCATION; a reason then said "in education" for it.
 */
const SUMMARY_SENTENCE = /\b\d{1,2}\+?\s+years?\s+of\s+(?:[a-z-]+\s+){0,2}experience\b/i;

function lineKind(kind: ResumeSectionKind, text: string, summaryGoesOn: boolean): ResumeSectionKind {
  if (kind !== 'education' && kind !== 'header' && kind !== 'other') return kind;
  // A wrapped line carries the sentence on; a line with a year is an entry of the section again.
  const carriesOn = summaryGoesOn && !/\b(?:19|20)\d{2}\b/.test(text);
  return carriesOn || SUMMARY_SENTENCE.test(text) ? 'summary' : kind;
}

function addSkill(map: Map<string, number[]>, skillId: string, index: number): void {
  const list = map.get(skillId);
  if (list) {
    if (list[list.length - 1] !== index) list.push(index);
  } else map.set(skillId, [index]);
}

/** Marks a line already read as a role's title: its words and skills become title-only. */
function titleOnly(acc: Accumulator, index: number): void {
  const line = acc.lines[index];
  if (!line) return;
  acc.lines[index] = { ...line, claimStems: new Set() };
  for (const s of line.stems) acc.titleStems.add(s);
  for (const [id, list] of acc.skills) {
    const at = list.indexOf(index);
    if (at < 0) continue;
    list.splice(at, 1);
    if (list.length === 0) acc.skills.delete(id);
    addSkill(acc.titleSkills, id, index);
  }
}

function contentStemsOf(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOP_WORDS.has(t.raw) && !out.includes(t.stem)) out.push(t.stem);
  return out;
}

function blankSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}
