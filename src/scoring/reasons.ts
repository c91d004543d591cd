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
 * /**
 * Turns met requirements into 3-5 bullets, each "<requirement>: <what the resume shows>" with a
 * verbatim quote of the resume line behind it, taken from the unredacted stretch of that line, so
 * quotes never contain personal data and are identical for resumes that differ only in it. A resume
 * with less evidence gets what it has, partial evidence marked "partly", and one honest "little
 * evidence" bullet quoting its closest line.
 */
export function buildReasons(evaluation: Evaluation, resume: ParsedResume, original: string): Reason[] {
  const withLine = evaluation.matches.filter((m) => m.lineIndex !== undefined);
  const met = withLine.filter(isMet).sort((a, b) => priority(b) - priority(a));
  const reasons: Reason[] = [];
  for (const m of met) {
    if (reasons.length >= MAX_REASONS) break;
    const quote = quoteLine(resume, original, m.lineIndex!);
    if (quote) reasons.push({ text: reasonText(m, resume), ...quote });
  }
  if (reasons.length >= MIN_REASONS) return reasons;
  const partial = withLine
    .filter((m) => !isMet(m) && m.coverage >= 0.3 && !m.titleOnly)
    .sort((a, b) => b.coverage - a.coverage);
  for (const m of partial) {
    if (reasons.length >= MIN_REASONS) break;
    const quote = quoteLine(resume, original, m.lineIndex!);
    if (quote) reasons.push({ text: clip(`${m.requirement.label}: partly (${where(resume, m.lineIndex!)})`, MAX_REASON_CHARS), ...quote });
  }
  if (reasons.length >= MIN_REASONS) return reasons;
  const used = new Set(reasons.map((r) => r.start));
  for (const lineIndex of fillerLines(evaluation, resume)) {
    const quote = quoteLine(resume, original, lineIndex);
    if (!quote || used.has(quote.start)) continue;
    reasons.push({ text: 'Little evidence of this job\'s requirements; the closest line', ...quote });
    break;
  }
  return reasons;
}

function priority(m: RequirementMatch): number {
  const kind = m.requirement.kind;
  const base = kind === 'experience' ? 3 : kind === 'certification' ? 2.5 : kind === 'skill' ? 2 : 1;
  return base + (m.requirement.mustHave ? 2 : 0) + m.coverage * 0.5;
}

/** "TypeScript or Node.js: Node.js, TypeScript, in a role", "5+ years building backend services: 12 yrs stated". */
function reasonText(m: RequirementMatch, resume: ParsedResume): string {
  const label = m.requirement.label;
  const shows = (m.shows ?? []).filter((s) => s.toLowerCase() !== label.toLowerCase());
  const parts = m.requirement.kind === 'experience' || m.requirement.kind === 'education' ? shows : [...shows, where(resume, m.lineIndex!)];
  if (parts.length === 0) parts.push(where(resume, m.lineIndex!));
  return clip(`${label}: ${parts.join(', ')}`, MAX_REASON_CHARS);
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

/** Lines most related to the job, for the "little evidence" bullet. */
function fillerLines(evaluation: Evaluation, resume: ParsedResume): number[] {
  const wanted = new Set<string>();
  for (const m of evaluation.matches) for (const s of m.requirement.stems) wanted.add(s);
  const scored: Array<[number, number]> = [];
  resume.lines.forEach((line, i) => {
    if (line.section === 'header') return;
    let hits = 0;
    for (const s of line.stems) if (wanted.has(s)) hits += 1;
    const bonus = line.section === 'experience' ? 0.25 : 0;
    scored.push([i, hits + bonus]);
  });
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scored.map(([i]) => i);
}

/**
 * The quotable part of a line: the longest stretch not touched by redaction, trimmed and cut to
 * MAX_QUOTE_CHARS at word boundaries. Offsets refer to the original text.
 */
function quoteLine(
  resume: ParsedResume,
  original: string,
  lineIndex: number,
): { quote: string; start: number; end: number } | undefined {
  const line = resume.lines[lineIndex];
  if (!line) return undefined;
  // Redaction replaced masked characters by spaces; runs of 2+ spaces where the original has text
  // mark a masked stretch, so compare both texts.
  let best: [number, number] | undefined;
  let runStart = line.start;
  for (let i = line.start; i <= line.end; i++) {
    const masked = i < line.end && resume.text[i] !== original[i];
    if (i === line.end || masked) {
      if (!best || i - runStart > best[1] - best[0]) best = [runStart, i];
      runStart = i + 1;
    }
  }
  if (!best) return undefined;
  let [start, end] = best;
  while (start < end && /[\s*•·\-–—,;:|]/.test(original[start] ?? '')) start += 1;
  while (end > start && /[\s*,;:|(]/.test(original[end - 1] ?? '')) end -= 1;
  if (end - start > MAX_QUOTE_CHARS) {
    let cut = start + MAX_QUOTE_CHARS;
    while (cut > start + MAX_QUOTE_CHARS / 2 && !/\s/.test(original[cut] ?? '')) cut -= 1;
    end = cut;
    while (end > start && /[\s,;:]/.test(original[end - 1] ?? '')) end -= 1;
  }
  if (end - start < 3) return undefined;
  return { quote: original.slice(start, end), start, end };
}
