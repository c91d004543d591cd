import { STOP_WORDS, tokenize } from './text/tokenize.ts';
import { carriesOnBullet } from './text/wrapped-bullet.ts';
import type { Evaluation } from './features.ts';
import { clip } from './jd/labels.ts';
import { isMet, type RequirementMatch } from './match.ts';
import type { ParsedResume } from './resume-parse.ts';
import type { Reason } from './types.ts';

export const MAX_REASON_CHARS = 120;
export const MIN_REASONS = 3;
export const MAX_REASONS = 5;
/** Quotes longer than this are cut around the evidence, at word boundaries. */
const MAX_QUOTE_CHARS = 160;

/**
 * Turns met requirements into 3-5 bullets, each about one requirement: "<requirement label>: <what
 * the resume shows>" with a verbatim quote of the resume line behind it, taken from the unredacted
 * stretch of that line, so quotes never contain personal data and are identical for resumes that
 * differ only in it. Requirements evidenced by one line (a skills list) each get their own bullet,
 * never one that merges their labels. A resume with less evidence gets what it has, partial evidence
 * marked "partly", and one honest "little evidence" bullet quoting its closest line.
 */
export function buildReasons(evaluation: Evaluation, resume: ParsedResume, original: string): Reason[] {
  const withLine = evaluation.matches.filter((m) => m.lineIndex !== undefined);
  const met = withLine.filter(isMet).sort((a, b) => priority(b) - priority(a));
  const reasons: Reason[] = [];
  const used = new Set<number>();
  const labels = new Set<string>();
  const add = (lineIndex: number, text: string) => {
    const quote = quoteLine(resume, original, lineIndex);
    if (!quote) return false;
    used.add(lineIndex);
    reasons.push({ text: clip(text, MAX_REASON_CHARS), ...quote });
    return true;
  };
  // What each quoted line has been shown to evidence, so a second requirement met by the very same
  // words ("PostgreSQL" preferred, after "Relational databases: PostgreSQL") adds no bullet.
  const shownOn = new Map<number, Set<string>>();
  for (const m of met) {
    if (reasons.length >= MAX_REASONS) break;
    // One bullet per requirement (two requirements worded alike read as one).
    if (labels.has(m.requirement.label)) continue;
    const line = m.lineIndex!;
    const terms = (m.shows ?? []).map((t) => t.toLowerCase());
    const seen = shownOn.get(line);
    if (seen && terms.length > 0 && terms.every((t) => seen.has(t))) continue;
    if (add(line, reasonText(m, resume, line))) {
      labels.add(m.requirement.label);
      const set = seen ?? new Set<string>();
      for (const t of terms) set.add(t);
      shownOn.set(line, set);
    }
  }
  // Partial evidence the resume claims: a skill not only in a job title's words ("Senior Shift Lead"
  // is no part of "Availability for weekend shifts"; years are read from titles, though), and not a
  // condition of the job, which is asked at interview.
  const claimed = (m: RequirementMatch) =>
    m.requirement.kind === 'experience'
    || m.requirement.stems.some((st) => resume.lines[m.lineIndex!]?.claimStems.has(st));
  const partial = withLine
    .filter((m) => !isMet(m) && m.coverage >= 0.3 && !m.titleOnly && !m.requirement.condition && claimed(m))
    .sort((a, b) => b.coverage - a.coverage);
  for (const m of partial) {
    if (reasons.length >= MIN_REASONS) break;
    if (labels.has(m.requirement.label) || used.has(m.lineIndex!)) continue;
    if (add(m.lineIndex!, `${m.requirement.label}: partly (${where(resume, m.lineIndex!)})`)) labels.add(m.requirement.label);
  }
  // The resume's lines by how many of the job's requirement words each holds: needed only when the
  // requirements give fewer than three bullets, and then read once.
  const wanted = requirementStems(evaluation);
  let related: Array<[number, number]> | undefined;
  const relatedOnce = () => (related ??= relatedLines(wanted, resume));
  // Other lines about the job's subject are evidence too, though no single requirement names them.
  for (const [lineIndex, hits] of reasons.length < MIN_REASONS ? relatedOnce() : []) {
    if (reasons.length >= MIN_REASONS) break;
    if (hits > 0 && !used.has(lineIndex)) {
      const words = relatedWords(wanted, resume, lineIndex);
      add(lineIndex, `Related to this job: ${[...words, where(resume, lineIndex)].join(', ')}`);
    }
  }
  if (met.length === 0) {
    for (const [lineIndex] of relatedOnce()) {
      if (used.has(lineIndex)) continue;
      add(lineIndex, 'Little evidence of this job\'s requirements; the closest line');
      break;
    }
    return reasons;
  }
  // Requirements met on fewer than three lines: the resume's education and roles give the context.
  for (const [lineIndex] of reasons.length < MIN_REASONS ? relatedOnce() : []) {
    if (reasons.length >= MIN_REASONS) break;
    const section = resume.lines[lineIndex]?.section;
    if (used.has(lineIndex)) continue;
    add(lineIndex, section === 'education' ? 'Education: in education' : `Also on the resume: ${where(resume, lineIndex)}`);
  }
  return reasons;
}

function priority(m: RequirementMatch): number {
  const kind = m.requirement.kind;
  const base = kind === 'experience' ? 3 : kind === 'certification' ? 2.5 : kind === 'skill' ? 2 : 1;
  return base + (m.requirement.mustHave ? 2 : 0) + m.coverage * 0.5;
}

/**
 * "TypeScript or Node.js experience: Node.js, TypeScript, in a role"; "5+ years building backend
 * services: 12 yrs stated"; "PostgreSQL: in the skills list".
 */
function reasonText(m: RequirementMatch, resume: ParsedResume, lineIndex: number): string {
  const label = m.requirement.label;
  const shows: string[] = [];
  for (const s of m.shows ?? []) {
    if (label.toLowerCase() !== s.toLowerCase() && !shows.includes(s)) shows.push(s);
  }
  const kind = m.requirement.kind;
  if ((kind !== 'experience' && kind !== 'education') || shows.length === 0) shows.push(where(resume, lineIndex));
  return `${label}: ${shows.join(', ')}`;
}

/** Where on the resume a line is, in a recruiter's words. */
function where(resume: ParsedResume, lineIndex: number): string {
  switch (resume.lines[lineIndex]?.section) {
    case 'experience':
      return 'in a role';
    case 'skills':
      return 'in the skills list';
    case 'summary':
      return 'in the summary';
    case 'education':
      return 'in education';
    case 'certifications':
      return 'in certifications';
    case 'projects':
      return 'in a project';
    default:
      return 'on the resume';
  }
}

/** The job's requirement words on a line, as the resume writes them, words next to each other read
 * as one phrase (at most three, in its order): "Related to this job: SAP Technical Lead, in a role"
 * says why the line is there. */
function relatedWords(wanted: ReadonlySet<string>, resume: ParsedResume, lineIndex: number): string[] {
  const line = resume.lines[lineIndex];
  if (!line) return [];
  const seen = new Set<string>();
  const phrases: Array<{ start: number; end: number; lastToken: number }> = [];
  tokenize(line.text).forEach((t, i) => {
    if (!wanted.has(t.stem) || seen.has(t.stem) || STOP_WORDS.has(t.raw)) return;
    seen.add(t.stem);
    const last = phrases.at(-1);
    if (last && last.lastToken === i - 1 && /^[^\S\n]+$/.test(line.text.slice(last.end, t.start))) {
      last.end = t.end;
      last.lastToken = i;
    } else phrases.push({ start: t.start, end: t.end, lastToken: i });
  });
  return phrases.slice(0, 3).map((p) => line.text.slice(p.start, p.end));
}

function requirementStems(evaluation: Evaluation): Set<string> {
  const wanted = new Set<string>();
  for (const m of evaluation.matches) for (const s of m.requirement.stems) wanted.add(s);
  return wanted;
}

/** Lines with the job's requirement words, most first: [line index, words found]. */
function relatedLines(wanted: ReadonlySet<string>, resume: ParsedResume): Array<[number, number]> {
  const scored: Array<[number, number]> = [];
  resume.lines.forEach((line, i) => {
    let hits = 0;
    for (const s of line.stems) if (wanted.has(s)) hits += 1;
    scored.push([i, hits]);
  });
  // Ties go to experience lines, then to the order of the resume.
  const rank = (i: number) => (resume.lines[i]?.section === 'experience' ? 0 : 1);
  scored.sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || a[0] - b[0]);
  return scored;
}

type Span = { start: number; end: number };

/** `carriesOnBullet` for two parsed lines, read from the start of their lines in the original. */
function continuesBullet(original: string, above: Span, line: Span): boolean {
  const whole = (l: Span) => original.slice(original.lastIndexOf('\n', l.start - 1) + 1, l.end);
  // The very next line: a blank line between them ends the bullet.
  if (!/^[^\S\n]*\n[^\S\n]*$/.test(original.slice(above.end, original.lastIndexOf('\n', line.start - 1) + 1))) return false;
  return carriesOnBullet(whole(above), whole(line));
}

/**
 * The quotable part of a line (with the bullet it carries on, when it is a wrapped bullet's second
 * half, and the rest of its bullet, when the bullet wraps onto the line below): the longest stretch
 * not touched by redaction, trimmed and cut to MAX_QUOTE_CHARS at word boundaries, keeping the
 * line's own end when a bullet's beginning is what must go. Offsets refer to the original text.
 */
function quoteLine(
  resume: ParsedResume,
  original: string,
  lineIndex: number,
): { quote: string; start: number; end: number } | undefined {
  const line = resume.lines[lineIndex];
  if (!line) return undefined;
  const above = lineIndex > 0 ? resume.lines[lineIndex - 1] : undefined;
  const isRoleTitle = (l: { start: number }) => resume.roles.some((r) => r.line.start === l.start);
  const wrapped = above !== undefined && continuesBullet(original, above, line) && !isRoleTitle(line);
  const from = wrapped ? above.start : line.start;
  // ... and the line below, when this bullet goes on there ("…that saved USD" / "193K a year").
  // A role's title under a bullet ("Software Engineer — Costco", its dates on the next line) is no
  // part of it, in either direction.
  const below = resume.lines[lineIndex + 1];
  const carriesOn = below !== undefined && continuesBullet(original, line, below) && !isRoleTitle(below);
  const to = carriesOn ? below.end : line.end;
  // Redaction replaced masked characters by spaces; runs of 2+ spaces where the original has text
  // mark a masked stretch, so compare both texts.
  let best: [number, number] | undefined;
  let runStart = from;
  for (let i = from; i <= to; i++) {
    const masked = i < to && resume.text[i] !== original[i];
    if (i === to || masked) {
      if (!best || i - runStart > best[1] - best[0]) best = [runStart, i];
      runStart = i + 1;
    }
  }
  if (!best) return undefined;
  let [start, end] = best;
  while (start < end && /[\s*•·\-–—,;:|]/.test(original[start] ?? '')) start += 1;
  while (end > start && /[\s*,;:|(]/.test(original[end - 1] ?? '')) end -= 1;
  if (end - start > MAX_QUOTE_CHARS && wrapped && start < line.start) {
    // What the line itself says is the evidence: drop the bullet's beginning, not its end.
    let cut = end - MAX_QUOTE_CHARS;
    while (cut < end - MAX_QUOTE_CHARS / 2 && !/\s/.test(original[cut - 1] ?? '')) cut += 1;
    start = cut;
    while (start < end && /[\s,;:]/.test(original[start] ?? '')) start += 1;
  } else if (end - start > MAX_QUOTE_CHARS) {
    let cut = start + MAX_QUOTE_CHARS;
    while (cut > start + MAX_QUOTE_CHARS / 2 && !/\s/.test(original[cut] ?? '')) cut -= 1;
    end = cut;
    while (end > start && /[\s,;:]/.test(original[end - 1] ?? '')) end -= 1;
  }
  if (end - start < 3) return undefined;
  return { quote: original.slice(start, end), start, end };
}
