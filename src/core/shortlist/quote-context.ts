import type { Db } from '../../db/client.ts';
import { redactPersonalData } from '../../scoring/index.ts';

/** A reason's quote with the resume text around it, as the scorer read it. */
export interface QuoteContext {
  before: string;
  quote: string;
  after: string;
}

/** What stands in for personal data in redaction mode. */
export const REDACTED = '[redacted]';

/** How much text around a quote is shown, at most, on each side. */
const CONTEXT_CHARS = 220;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d \t().-]{7,}\d(?![\p{L}\p{N}])/gu;

/** Patterns for one candidate's own identifiers (each word of the name, the email) and any email or phone. */
export function identifierPatterns(candidate: { name: string | null; primaryEmail: string | null }): RegExp[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = (candidate.name ?? '').split(/[\s,]+/).map((w) => w.replace(/[.'’]+$/, '')).filter((w) => w.length >= 2);
  const own = [...words, ...(candidate.primaryEmail ? [candidate.primaryEmail] : [])];
  return [
    EMAIL,
    PHONE,
    ...own.map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu')),
  ];
}

function maskRanges(text: string, patterns: RegExp[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // Phones need 9+ digits, so year ranges ("2019 - 2023") stay.
      if (re === PHONE && m[0].replace(/\D/g, '').length < 9) continue;
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges;
}

/** Replaces masked characters by one marker per run, keeping the rest as it is. */
function cut(text: string, from: number, to: number, masked: Uint8Array | null): string {
  if (!masked) return text.slice(from, to);
  let out = '';
  for (let i = from; i < to; i++) {
    if (!masked[i]) out += text[i];
    else if (i === from || !masked[i - 1]) out += REDACTED;
  }
  return out;
}

/** Scrubs one candidate's identifiers, and any email or phone, from a short text (a reason, a quote). */
export function scrubIdentifiers(text: string, patterns: RegExp[]): string {
  const mask = new Uint8Array(text.length);
  for (const [a, b] of maskRanges(text, patterns)) mask.fill(1, a, b);
  return cut(text, 0, text.length, mask);
}

/**
 * What redaction mode hides in a resume text: everything the scorer's own personal-data stripping masks,
 * plus the candidate's name words and email, and any email or phone, wherever else they occur.
 * Computed once per text and shared by all its quotes.
 */
export function personalDataMask(text: string, patterns: RegExp[]): Uint8Array {
  const masked = new Uint8Array(text.length);
  for (const [a, b] of redactPersonalData(text).masked) masked.fill(1, a, b);
  for (const [a, b] of maskRanges(text, patterns)) masked.fill(1, a, b);
  return masked;
}

/**
 * The quote with the line before and after it, taken from the text the scorer read (offsets refer to
 * it). With a mask (redaction mode) every masked stretch is replaced by a marker.
 */
export function quoteInContext(
  text: string,
  reason: { quote: string; start: number; end: number },
  masked: Uint8Array | null,
): QuoteContext {
  let { start, end } = reason;
  if (text.slice(start, end) !== reason.quote) {
    // Offsets from another version of the text: find the quote, or show it alone.
    const at = text.indexOf(reason.quote);
    if (at < 0) return { before: '', quote: masked ? REDACTED : reason.quote, after: '' };
    [start, end] = [at, at + reason.quote.length];
  }
  const lineBefore = text.lastIndexOf('\n', Math.max(0, text.lastIndexOf('\n', start - 1) - 1));
  let from = Math.max(lineBefore + 1, start - CONTEXT_CHARS);
  const nextBreak = text.indexOf('\n', end);
  const lineAfter = nextBreak < 0 ? -1 : text.indexOf('\n', nextBreak + 1);
  let to = Math.min(lineAfter < 0 ? text.length : lineAfter, end + CONTEXT_CHARS);
  // Clipped mid-text: start and end at a word boundary.
  if (from > lineBefore + 1) from = Math.min(start, text.indexOf(' ', from) + 1 || start);
  if (to < (lineAfter < 0 ? text.length : lineAfter)) to = Math.max(end, text.lastIndexOf(' ', to));
  return {
    before: cut(text, from, start, masked).replace(/^\s+/, ''),
    quote: cut(text, start, end, masked),
    after: cut(text, end, to, masked).replace(/\s+$/, ''),
  };
}

/** The extracted resume text each score was computed from, by application id. */
export async function scoredTexts(
  db: Db,
  apps: { applicationId: string; candidateId: string; resumeHash: string }[],
): Promise<Map<string, string>> {
  if (apps.length === 0) return new Map();
  const files = await db.resumeFile.findMany({
    where: { OR: apps.map((a) => ({ candidateId: a.candidateId, contentHash: a.resumeHash })) },
    select: { candidateId: true, contentHash: true, extractedText: true },
  });
  const byKey = new Map(files.map((f) => [`${f.candidateId}|${f.contentHash}`, f.extractedText]));
  const out = new Map<string, string>();
  for (const a of apps) {
    const text = byKey.get(`${a.candidateId}|${a.resumeHash}`);
    if (text) out.set(a.applicationId, text);
  }
  return out;
}
