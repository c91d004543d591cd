import type { Evaluation } from './features.ts';
import { clip } from './jd-parse.ts';
import { MET_THRESHOLD, type RequirementMatch } from './match.ts';
import type { ParsedResume } from './resume-parse.ts';
import type { Reason } from './types.ts';

export const MAX_REASON_CHARS = 120;
export const MIN_REASONS = 3;
export const MAX_REASONS = 5;
/** Quotes longer than this are cut around the evidence, at word boundaries. */
const MAX_QUOTE_CHARS = 160;

/**
 * Turns met requirements into 3-5 bullets. Each bullet quotes one resume line verbatim, taken
 * from the unredacted stretch of that line around the evidence, so quotes never contain personal
 * data and are identical for resumes that differ only in it.
 */
export function buildReasons(evaluation: Evaluation, resume: ParsedResume, original: string): Reason[] {
  const met = evaluation.matches
    .filter((m) => m.coverage >= MET_THRESHOLD && m.lineIndex !== undefined)
    .sort((a, b) => priority(b) - priority(a));

  // Requirements evidenced by the same line share one bullet ("Spark; Impala; HBase").
  const byLine = new Map<number, RequirementMatch[]>();
  for (const m of met) {
    const list = byLine.get(m.lineIndex!);
    if (list) list.push(m);
    else byLine.set(m.lineIndex!, [m]);
  }

  const reasons: Reason[] = [];
  for (const [lineIndex, matches] of byLine) {
    if (reasons.length >= MAX_REASONS) break;
    const quote = quoteLine(resume, original, lineIndex);
    if (!quote) continue;
    reasons.push({ text: bulletText(matches.map(reasonLabel)), ...quote });
  }

  // Too few met requirements: add the lines most related to the job, so the reader still sees
  // evidence (education, the closest role).
  if (reasons.length < MIN_REASONS) {
    const used = new Set(byLine.keys());
    for (const lineIndex of fillerLines(evaluation, resume, used)) {
      if (reasons.length >= MIN_REASONS) break;
      const quote = quoteLine(resume, original, lineIndex);
      if (!quote) continue;
      const section = resume.lines[lineIndex]?.section;
      const prefix =
        section === 'education' ? 'Education' : section === 'experience' ? 'Related experience' : 'Related';
      reasons.push({ text: clip(`${prefix}: ${quote.quote}`, MAX_REASON_CHARS), ...quote });
    }
  }
  return reasons;
}

function priority(m: RequirementMatch): number {
  const kind = m.requirement.kind;
  const base = kind === 'experience' ? 3 : kind === 'certification' ? 2.5 : kind === 'skill' ? 2 : 1;
  return base + (m.requirement.mustHave ? 1 : 0) + m.coverage * 0.5;
}

function reasonLabel(m: RequirementMatch): string {
  const req = m.requirement;
  if (req.kind === 'experience' && m.yearsFound !== undefined) {
    const years = Math.round(Math.min(m.yearsFound, req.years ?? m.yearsFound) * 10) / 10;
    return `${years} ${years === 1 ? 'yr' : 'yrs'} ${req.label.replace(/^\d+(?:\.\d+)?\s+yrs\s+/, '')}`;
  }
  return req.label;
}

function bulletText(labels: string[]): string {
  const seen = new Set<string>();
  const unique = labels.filter((l) => {
    const key = l.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let text = unique[0] ?? '';
  for (const label of unique.slice(1)) {
    if (text.length + label.length + 2 > MAX_REASON_CHARS) break;
    text += `; ${label}`;
  }
  return clip(text, MAX_REASON_CHARS);
}

function fillerLines(evaluation: Evaluation, resume: ParsedResume, used: Set<number>): number[] {
  const wanted = new Set<string>();
  for (const m of evaluation.matches) for (const s of m.requirement.stems) wanted.add(s);
  const scored: Array<[number, number]> = [];
  resume.lines.forEach((line, i) => {
    if (used.has(i) || line.section === 'header') return;
    let hits = 0;
    for (const s of line.stems) if (wanted.has(s)) hits += 1;
    const bonus = line.section === 'education' ? 0.5 : line.section === 'experience' ? 0.25 : 0;
    // Every content line is a candidate: the job's words first, then education and experience.
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
