import { splitLines } from './text/lines.ts';
import { allMatches } from './text/matches.ts';
import { ROLE_NOUNS } from './text/role-title.ts';

/**
 * Fairness redaction. Personal attributes (name, contact details, address, profile URLs, photo,
 * date of birth, age, gender, pronouns, nationality, marital status, ...) are masked before any
 * feature is computed, so two resumes that differ only in them score identically.
 *
 * Masked characters are replaced by spaces, which keeps every offset of the original text valid:
 * quotes can then be cut from the original at unmasked positions only.
 */
export interface Redaction {
  /** The input with every masked character replaced by a space (same length as the input). */
  readonly text: string;
  /** Masked [start, end) ranges, sorted and non-overlapping. */
  readonly masked: ReadonlyArray<readonly [number, number]>;
}

// Lines such as "Email: x", "**Date of birth:** 1990", "Gender - female".
const PERSONAL_LABEL =
  /^[\s*_#>•-]*(?:full\s+|first\s+|last\s+|family\s+|given\s+)?(?:name|e-?mail(?:\s+address)?|phone(?:\s+number)?|mobile|cell(?:\s+phone)?|tel(?:ephone)?|contact(?:\s+details|\s+information)?|(?:home\s+|street\s+|postal\s+|mailing\s+)?address|location|city(?:\s+of\s+residence)?|residence|hometown|linked\s*in|github|twitter|website|portfolio|url|profile|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|born|place\s+of\s+birth|age|gender|sex|pronouns?|nationality|citizenship|marital\s+status|family\s+status|religion|ethnicity|race|photo(?:graph)?|picture|father'?s\s+name|mother'?s\s+name|passport(?:\s+(?:no|number))?|visa\s+status|social\s+security(?:\s+number)?|ssn|health|disability)\s*[*_]*\s*[:\-–|]/i;

// Section headings whose whole content is personal data.
const PERSONAL_HEADING =
  /^[\s#*_]*(?:personal\s+(?:information|info|details|data|profile)|contact(?:\s+(?:information|info|details))?|about\s+me\s*\(personal\))[\s*_:]*$/i;
const ANY_HEADING = /^\s{0,3}(?:#{1,6}\s*\S|(?:\*\*|__)[^*_]{2,60}(?:\*\*|__)\s*:?\s*$|[A-Z][A-Za-z &/]{2,40}:?\s*$)/;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHOTO_FILE = /\S+\.(?:jpe?g|png|gif|webp|heic|bmp)\b/gi;
const PHOTO_EXTENSION = /\.(?:jpe?g|png|gif|webp|heic|bmp)\b/i;

const INLINE_PATTERNS: readonly RegExp[] = [
  // e-mail addresses
  EMAIL,
  // URLs and bare profile links
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\b(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|behance\.net|dribbble\.com)\/\S*/gi,
  // street addresses: "12 Elm Street", "4500 W. Main Ave, Apt 3"
  /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\p{L}'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Strasse|Straße)\b\.?[^\n]*/gu,
  // age and birth
  /\b\d{1,2}\s*(?:years?|yrs?)[\s-]*old\b/gi,
  /\baged?\s*[:-]?\s*\d{1,2}\b/gi,
  /\b(?:born|b\.)\s+(?:in|on)?\s*[^\n,;]{0,30}\b(?:19|20)\d{2}\b/gi,
  // gender, pronouns and honorifics
  /\b(?:he|she|him|her|his|hers|himself|herself|sir|madam)\b/gi,
  // Honorifics only before a name: "MS Office" is a skill, "Ms. Lee" is not.
  /\b(?:Mr|Mrs|Ms|Miss|Mx)\b\.?(?=\s+\p{Lu})/gu,
  /\b(?:MR|MRS|MS)\.(?=\s)/gu,
  /\b(?:male|female|non-binary|nonbinary|transgender|man|woman|husband|wife|mother|father)\b/gi,
  /\b(?:he\/him|she\/her|they\/them)\b/gi,
  // marital status words outside labelled lines
  /\b(?:married|unmarried|divorced|widowed|widow|widower|spouse)\b/gi,
  // photo references
  PHOTO_FILE,
  /\[(?:photo|picture|image|headshot)[^\]]*\]/gi,
  /\b(?:photo|headshot|profile picture|passport photo)\b/gi,
];

/** EMAIL from a given position only, to try it where an address can start (see emailRanges). */
const EMAIL_HERE = new RegExp(EMAIL.source, 'uy');
const LOCAL_PART_CHAR = /^[\p{L}\p{N}._%+-]$/u;

/**
 * EMAIL's matches, as matchAll finds them, but tried only where one can start. From every position
 * the pattern runs along the word there looking for an "@": it was the costliest pattern of a
 * score. The local part cannot hold an "@", so a match is the run of local-part characters just
 * before an "@" (from where the previous match ended, at the earliest), then its domain.
 */
function emailRanges(text: string, ranges: Array<[number, number]>): void {
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, from))) {
    let start = at;
    for (;;) {
      const width = localPartCharBefore(text, start);
      if (width === 0 || start - width < from) break;
      start -= width;
    }
    if (start === at) continue;
    EMAIL_HERE.lastIndex = start;
    const m = EMAIL_HERE.exec(text);
    if (!m) continue;
    ranges.push([start, start + m[0].length]);
    from = start + m[0].length;
  }
}

/** Code units of the local-part character ending at `end` (2 outside the BMP), or 0 if there is none. */
function localPartCharBefore(text: string, end: number): number {
  if (end <= 0) return 0;
  const low = text.charCodeAt(end - 1);
  const high = end >= 2 ? text.charCodeAt(end - 2) : 0;
  const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  return LOCAL_PART_CHAR.test(text.slice(end - width, end)) ? width : 0;
}

// Phone numbers: digits with the usual separators, never across a line break.
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d \t().-]{7,}\d(?![\p{L}\p{N}])/gu;

const YEAR_RANGE = /(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}/;

const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

export function redactPersonalData(text: string): Redaction {
  const ranges: Array<[number, number]> = [];
  const nameWords = new Set<string>();
  const lines = splitLines(text);

  let inPersonalSection = false;
  let seenContent = false;
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    if (PERSONAL_HEADING.test(trimmed)) {
      inPersonalSection = true;
      continue;
    }
    if (inPersonalSection && ANY_HEADING.test(line.text) && !PERSONAL_LABEL.test(line.text)) {
      inPersonalSection = false;
    }
    const labelled = PERSONAL_LABEL.exec(line.text);
    if (inPersonalSection || labelled) {
      ranges.push([line.start, line.end]);
      if (labelled && /name/i.test(labelled[0]) && !/father|mother/i.test(labelled[0])) {
        collectNameWords(line.text.slice(labelled[0].length), nameWords);
      }
    } else if (!seenContent && looksLikeName(trimmed)) {
      // The first content line of a resume is usually the candidate's name.
      ranges.push([line.start, line.end]);
      collectNameWords(trimmed, nameWords);
    }
    seenContent = true;
  }

  for (const m of allMatches(PHONE, text)) {
    // At least 9 digits, so year ranges such as "2019 - 2023" are not phones.
    if (m[0].replace(/\D/g, '').length >= 9 && !YEAR_RANGE.test(m[0])) ranges.push([m.index, m.index + m[0].length]);
  }
  for (const re of INLINE_PATTERNS) {
    // An e-mail address needs an "@", a photo file its extension: most resumes have neither, and
    // these patterns are tried from every position.
    if (re === EMAIL) {
      emailRanges(text, ranges);
      continue;
    }
    if (re === PHOTO_FILE && !PHOTO_EXTENSION.test(text)) continue;
    for (const m of allMatches(re, text)) ranges.push([m.index, m.index + m[0].length]);
  }
  // The name elsewhere in the text ("Santiago's team").
  const lower = nameWords.size > 0 ? text.toLowerCase() : '';
  // Lower-casing keeps every offset here, and no "ſ" (which /iu matches for "s") is in the text.
  const sameOffsets = lower.length === text.length && !text.includes('ſ');
  for (const word of nameWords) {
    if (sameOffsets && ASCII_WORD.test(word)) findAsciiWord(text, lower, word.toLowerCase(), ranges);
    else findWord(text, word, ranges);
  }

  const merged = mergeRanges(ranges);
  return { text: applyMask(text, merged), masked: merged };
}

/**
 * Words that make a short capitalised first line a heading or a job title, not a name
 * ("Registered Nurse", "Professional Summary"): masking them would hide evidence everywhere.
 */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  ...(
    'resume curriculum vitae cv profile summary professional objective experience skills education contact '
    + 'personal information details career work history employment references portfolio about me '
    + 'registered certified licensed senior junior sales retail customer service software data web full stack '
    + 'front back end forklift logistics marketing finance nursing medical dental health care warehouse'
  ).split(' '),
  ...ROLE_NOUNS,
]);

function looksLikeName(line: string): boolean {
  const cleaned = line.replace(/^[#*_\s]+|[*_\s]+$/g, '');
  // Letter-spaced names: "L I A M  A N D R E W S".
  if (/^(?:\p{Lu}\s){2,}\p{Lu}(?:\s{1,3}(?:\p{Lu}\s){1,}\p{Lu})*$/u.test(cleaned)) return true;
  const words = cleaned.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.,:]+$/, '')))) return false;
  return words.every((w) => NAME_WORD.test(w) && w.length <= 20) && !/\d/.test(cleaned);
}

function collectNameWords(value: string, into: Set<string>): void {
  const cleaned = value.replace(/[*_:]/g, ' ');
  if (/^(?:\s*\p{Lu}){3,}\s*$/u.test(cleaned) && /\p{Lu}\s\p{Lu}/u.test(cleaned)) return;
  for (const w of cleaned.split(/[\s,]+/)) {
    const word = w.replace(/[.'’]+$/, '');
    if (word.length >= 2 && /^\p{L}/u.test(word)) into.add(word);
  }
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point that ends just before `i` (or starts at `i`, `after`) is a letter or digit. */
function wordCharAt(text: string, i: number, after: boolean): boolean {
  if (after ? i >= text.length : i <= 0) return false;
  const cp = after ? text.codePointAt(i) : codePointBefore(text, i);
  return cp !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

function codePointBefore(text: string, i: number): number | undefined {
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 2);
  }
  return text.codePointAt(i - 1);
}

/**
 * Every whole-word occurrence of `word` (any case, with a possessive "'s") in `text`, as
 * /(?<![\p{L}\p{N}])word(?:['’]s)?(?![\p{L}\p{N}])/giu would find them. The boundaries are checked
 * here rather than in the pattern: a pattern with Unicode classes under /iu takes about half a
 * millisecond to compile, and every resume brings new name words.
 */
function findWord(text: string, word: string, into: Array<[number, number]>): void {
  const re = new RegExp(`(${escapeRegExp(word)})((?:['’]s)?)`, 'giu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const bare = start + (m[1]?.length ?? 0);
    const full = bare + (m[2]?.length ?? 0);
    // Greedy as the pattern is: with the possessive if a word does not go on after it, else without.
    let end = -1;
    if (!wordCharAt(text, start, false)) {
      if (!wordCharAt(text, full, true)) end = full;
      else if (full > bare && !wordCharAt(text, bare, true)) end = bare;
    }
    if (end < 0) {
      re.lastIndex = start + 1;
      continue;
    }
    into.push([start, end]);
    re.lastIndex = end;
  }
}

const ASCII_WORD = /^[\x20-\x7e]+$/;

/**
 * findWord for a word in ASCII, on the text lower-cased with the same offsets: an ASCII letter
 * matches under /iu exactly the characters that lower-case to it (and "ſ", excluded by the caller).
 */
function findAsciiWord(text: string, lower: string, needle: string, into: Array<[number, number]>): void {
  let from = 0;
  for (;;) {
    const start = lower.indexOf(needle, from);
    if (start < 0) return;
    const bare = start + needle.length;
    const quote = text[bare];
    const full = (quote === '\'' || quote === '’') && lower[bare + 1] === 's' ? bare + 2 : bare;
    let end = -1;
    if (!wordCharAt(text, start, false)) {
      if (!wordCharAt(text, full, true)) end = full;
      else if (full > bare && !wordCharAt(text, bare, true)) end = bare;
    }
    if (end < 0) {
      from = start + 1;
      continue;
    }
    into.push([start, end]);
    from = end;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function applyMask(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const [a, b] of ranges) {
    out += text.slice(pos, a);
    // Keep line breaks so line structure (and offsets) survive.
    out += text.slice(a, b).replace(/[^\n]/g, ' ');
    pos = b;
  }
  return out + text.slice(pos);
}
