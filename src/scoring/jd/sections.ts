import { BULLET, type Line, lineBody, splitLines } from '../text/lines.ts';
import { allMatches } from '../text/matches.ts';
import { collapseWhitespace } from '../text/whitespace.ts';

/**
 * The parts of a job description as a recruiter reads it. Only `required` and `preferred` make
 * requirements; `role` makes them only from sentences that ask something of the candidate;
 * `duties` adds context words; `company`, `benefits` and `legal` never count.
 */
export type JdSectionKind = 'title' | 'company' | 'role' | 'duties' | 'required' | 'preferred' | 'benefits' | 'legal';

/** First match wins: the order settles headings of two kinds ("Essential Functions", "Preferred Requirements"). */
const HEADINGS: ReadonlyArray<readonly [RegExp, JdSectionKind]> = [
  [/^(?:job\s+)?(?:title|position title)$/i, 'title'],
  [/equal\s+(?:opportunit|employment)|^eeo|diversity|accommodation|legal/i, 'legal'],
  [/essential\s+(?:functions|duties)|responsibilit|duties|what you.?ll\s+(?:do|own)|what you will do|you will:?$|day[- ]to[- ]day|key tasks|your tasks|what you.ll be doing|in this role|you.ll be responsible|what you.ll own|the work/i, 'duties'],
  [/nice|preferred|bonus|plus(?:es)?\b|desirable|desired|good to have|advantage|optional|extra credit|stand out|would be great|great if|it.s a plus|what.s nice/i, 'preferred'],
  [/requirement|required|must|qualifications|what you bring|what you.?(?:ll|will)?\s*(?:bring|need|have)|what we.re looking for|what we need|what you.ll need|what you need|who you are|you have|you should have|skills|competenc|essential|minimum|education|experience|licen[cs]|certific|what we.d love|about you|you bring/i, 'required'],
  [/benefit|perks|what we offer|why (?:join|work|us|\w+$)|salary|compensation|^pay\b|pay range|rewards|job type|schedule|location|how to apply|working hours/i, 'benefits'],
  [/^about (?:us|the company|the team|\w+(?:\s+\w+)?$)|who we are|company|our story|our mission|^the team$|^we are/i, 'company'],
  [/the role|about the (?:role|job|position)|role overview|position (?:summary|overview)|job (?:summary|description|overview)|overview|the opportunity|the position|your mission|the job|summary|description|purpose|introduction|mission/i, 'role'],
];

export function classifyHeading(heading: string): JdSectionKind | undefined {
  const text = collapseWhitespace(heading.replace(/[*_#:]+/g, ' ')).trim();
  if (!text || text.split(' ').length > 9) return undefined;
  // "About Northwind" is the company; "About the role" is not.
  if (/^about\s+(?:the\s+)?(?:role|job|position|opportunity)\b/i.test(text)) return 'role';
  if (/^about\s+you\b/i.test(text)) return 'required';
  for (const [re, kind] of HEADINGS) if (re.test(text)) return kind;
  return undefined;
}

/** Words headings are made of; a line of other words ("Refrigeration experience") is content. */
const HEADING_WORDS = new Set(
  (
    'about the a an role job position company us we who are what you youll you\'ll will do bring need have should '
    + 'were we\'re looking for responsibilities responsibility key duties essential functions requirements required '
    + 'qualifications qualification minimum basic preferred nice to bonus points desirable desired skills experience '
    + 'education and & benefits perks compensation salary pay why join overview summary description opportunity mission '
    + 'your our team extra credit pluses plus its it\'s if also would be great make stand out offer day in life is '
    + 'must-have must-haves nice-to-have nice-to-haves technical core competencies licenses licences certifications '
    + 'certificates additional information details all get how apply what\'s whats love see bonuses good must own need title'
  ).split(' '),
);

function headingWordsOnly(text: string): boolean {
  const words = text.toLowerCase().replace(/[’]/g, '\'').replace(/[^a-z&' -]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  // "About Northwind", "Why Brightpay": a heading word and a name.
  if (words.length <= 3 && /^(?:about|why|join|life at|working at)$/.test(words[0] ?? '')) return true;
  return words.every((w) => HEADING_WORDS.has(w));
}

export interface JdItem extends Line {
  /** A list entry (bullet or number), read as one requirement; otherwise prose, read sentence by sentence. */
  readonly bullet: boolean;
}

export interface JdSection {
  readonly kind: JdSectionKind;
  readonly heading: string;
  readonly items: JdItem[];
}

const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const BOLD_HEADING = /^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$/;
const PLAIN_HEADING = /^\s*([A-Za-z][\w &/'’,.()-]{1,70}?)\s*[:：]?\s*$/;
/** "Requirements: cash handling; ...", "**About us**: ...", "Who we are — Sprout ...". */
const INLINE_HEADING = /^\s*(?:\*\*|__)?([A-Za-z][\w &/'’-]{1,40}?)(?:\*\*|__)?\s*(?::|\s[—–]\s|\s-\s)\s*(?:\*\*|__)?\s*(\S.*)$/;
const HAS_LETTER = /\p{L}/u;

/** Splits a description into sections at its headings (markdown, bold, plain lines, inline "Heading: text"). */
export function splitJobSections(text: string): JdSection[] {
  const sections: JdSection[] = [];
  let current: JdSection = { kind: 'role', heading: '', items: [] };
  const start = (kind: JdSectionKind, heading: string) => {
    if (current.items.length > 0 || current.heading) sections.push(current);
    current = { kind, heading, items: [] };
  };
  const lines = splitLines(text);
  const width = wrapWidth(lines);
  // The length of the last line of items made of more than one line: a paragraph the wrapping cut
  // goes on while its lines run to the width.
  const lastLine = new WeakMap<JdItem, number>();
  // Whether the line before was blank (or held no words): a line after one starts an item of its own.
  let afterGap = true;
  for (const line of lines) {
    if (!/[\p{L}\p{N}]/u.test(line.text)) {
      afterGap = true;
      continue;
    }
    const gap = afterGap;
    afterGap = false;
    const md = MARKDOWN_HEADING.exec(line.text) ?? BOLD_HEADING.exec(line.text);
    const plain = md ? null : PLAIN_HEADING.exec(line.text);
    const candidate = (md?.[1] ?? plain?.[1] ?? '').trim();
    // A plain line is a heading when it ends with a colon, or is written in heading words only
    // ("Nice to have", "What would make you stand out"): "EPA 608 certification" is a requirement.
    const plainOk = plain && !/[.!?]$/.test(candidate) && (/[:：]\s*$/.test(line.text) || headingWordsOnly(candidate));
    const kind = md || plainOk ? classifyHeading(candidate) : undefined;
    if (kind || (md && candidate && !INLINE_HEADING.test(candidate))) {
      start(kind ?? current.kind, candidate);
      continue;
    }
    const inline = BULLET.test(line.text) ? null : INLINE_HEADING.exec(line.text);
    const inlineKind = inline ? classifyHeading(inline[1] ?? '') : undefined;
    if (inline && inlineKind) {
      const rest = inline[2] ?? '';
      const offset = line.text.lastIndexOf(rest);
      start(inlineKind, inline[1] ?? '');
      current.items.push({ text: rest, start: line.start + offset, end: line.end, bullet: false });
      continue;
    }
    const body = lineBody(line);
    const previous = current.items.at(-1);
    if (previous && !gap && carriesOn(previous, line.text, width, lastLine.get(previous))) {
      // A line the description's own wrapping cut ("…with Selenium or" / "Playwright"): one item.
      const item = { ...previous, text: `${previous.text} ${body.text.trim()}`, end: body.end };
      current.items[current.items.length - 1] = item;
      lastLine.set(item, body.text.trim().length);
      continue;
    }
    // Fields written out: an object spread here was a visible part of parsing a description.
    if (HAS_LETTER.test(body.text)) {
      current.items.push({ text: body.text, start: body.start, end: body.end, bullet: BULLET.test(line.text) });
    }
  }
  sections.push(current);
  return sections.filter((s) => s.items.length > 0 || s.heading);
}

/** A line that ends mid-phrase: after a comma, or a word that cannot end one ("with", "or", "the"). */
const OPEN_END = /(?:,|\b(?:and|or|of|with|in|the|a|an|to|for|on|at|as|such|including|like|from|by|our|your|their|is|are|be))\s*$/i;

/**
 * The width a description was wrapped at (a plain-text posting, an email, a PDF), or 0: the longest
 * line has 45 to 100 characters, and at least three lines (a quarter of those with 20 or more) come
 * within 15 characters of the longest. A description from HTML keeps its paragraphs on one line.
 */
function wrapWidth(lines: readonly Line[]): number {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n >= 20);
  const longest = Math.max(0, ...lengths);
  // Nobody wraps at less than 45: a list of short lines is a list.
  if (longest > 100 || longest < 45) return 0;
  const nearWidth = lengths.filter((n) => n >= longest - 15).length;
  return nearWidth >= 3 && nearWidth >= lengths.length / 4 ? longest : 0;
}

function unclosedBracket(text: string): boolean {
  return (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
}

/** "… and a pension. St." ends with an abbreviation, not a sentence. */
const ABBREVIATION_END = /(?:^|\s)(?:st|e\.g|i\.e|dr|mr|mrs|ms|no|vs|approx)\.$/i;

/**
 * Whether a line carries on the item above it, which wrapping cut: it is no list item of its own (no
 * bullet), the item above ends no sentence, and either that item is prose cut mid-sentence ("… a
 * clothing allowance. Pebble &" / "Pine is an equal opportunity employer."), or, in a description
 * wrapped at a fixed width, the line starts in lower case, or the item ends mid-phrase ("…with
 * Selenium or" / "Playwright"), or the line hangs indented under a bullet.
 */
function carriesOn(previous: JdItem, line: string, width: number, lastLineLength: number | undefined): boolean {
  if (BULLET.test(line)) return false;
  const prev = previous.text.trimEnd();
  if (/[.!?:;]$/.test(prev) && !ABBREVIATION_END.test(prev)) return false;
  // The first words of a sentence the line below ends ("… allowance. Pebble &" / "Pine is an equal
  // opportunity employer."): at most three words after the last full stop.
  const sentenceBegun = /[.!?]\s+(?:\S+\s+){0,2}\S+$/.test(prev);
  const endsSentence = /[.!?]\s*$/.test(line);
  if (!previous.bullet && sentenceBegun && endsSentence) return true;
  // A bracket the item above opened ("… network security (firewalls," / "IDS/IPS, VPN)"), or one
  // that explains it ("API testing" / "(Postman, REST Assured)").
  if (unclosedBracket(prev) || /^\s*\(/.test(line)) return true;
  const lowerStart = /^\s*\p{Ll}/u.test(line);
  // In lower case after a comma or "and" ("… regardless of age, religion," / "disability or ..."),
  // or ending a sentence that a line of prose above began ("… a hybrid schedule after 90" / "days.").
  const prose = !previous.bullet && (/[.!?]\s+\S/.test(prev) || prev.length >= 40);
  if (lowerStart && (OPEN_END.test(prev) || (prose && endsSentence))) return true;
  // "… parental leave of" / "16 weeks.": a number after a word that needs one.
  if (/^\s*\d/.test(line) && /\b(?:of|for|to|at|by|from|with|than|over|under|and|or)\s*$/i.test(prev)) return true;
  if (width === 0) return false;
  // In a description wrapped at a width, more lines go on: "… an Equal Opportunity" / "Employer, ...",
  // and any line under a paragraph the wrapping already cut, while its lines run to the width ("… such
  // as Tableau or Power" / "BI, 2+ years ..."): a short line ended its item ("… Zendesk or" / "Freshdesk").
  const paragraphGoesOn = lastLineLength !== undefined && !previous.bullet && lastLineLength >= width - 15;
  return lowerStart || OPEN_END.test(prev) || (prose && endsSentence) || paragraphGoesOn
    || (previous.bullet && /^\s{2,}\S/.test(line));
}

/** What one sentence outside a requirements list is about. */
export type SentenceKind = 'legal' | 'benefits' | 'company' | 'request' | 'context';

const LEGAL =
  /\b(?:equal\s+(?:opportunit|employment)|EEO|EOE|discriminat|without regard to|regardless of|reasonable accommodations?|protected veteran|veterans?\s*\/\s*disabled|drug[- ]free|affirmative action|background check|e-verify|values? diversity|welcomes? applica|encourage applications|all qualified applicants)/i;
const BENEFITS =
  /(?:\bwe offer\b|\bbenefits?\b|\bperks?\b|401\s*\(k\)|\bhealth(?:care)?\s+(?:insurance|benefits|cover)|\bmedical\b|\bdental\b|\bPTO\b|paid time off|\bholidays?\b|\bvacation\b|\bsalary\b|\bcompensation\b|\bper hour\b|\/\s*hour\b|\bper mile\b|\bsign-on\b|\bcommission\b|\bequity\b|stock options|\bdiscount\b|\bstipend\b|\ballowance\b|\bpension\b|tuition|parental leave|learning budget|\boffsite\b|\bOTE\b|\$\s?\d|\bfull[- ]time\b|\bpart[- ]time\b|\bon[- ]site\b|remote-first|\bhybrid\b|shift differential|\bfree\s+(?:beer|meals?|lunch|coffee|snacks|parking|gym))/i;
/** A sentence that asks something of the candidate. */
export const REQUEST_CUE =
  /\b(?:must|required|requires?|requirements?|mandatory|need(?:s|ed)?\s+to\s+(?:have|be)|you\s+(?:have|bring|possess|should|will\s+(?:have|need|bring)|need|are\s+(?:skilled|comfortable|confident|fluent|proficient|experienced|able))|(?:candidates?|applicants?)\s+(?:should|must|will\s+(?:have|need|bring|possess|hold|be\s+(?:required|expected|able|skilled|proficient|experienced|familiar|comfortable|fluent))|need|are\s+expected)|ideal\s+candidate|successful\s+candidate|love to hear from you if|qualifications?|experience\s+(?:with|in|as|of|using|\w+ing)|\d+\s*\+?\s*(?:years?|yrs)|proficien|knowledge\s+of|familiarity\s+with|certifi|licen[cs]e|degree|skills?\s+(?:in|with)|preferred|a\s+plus|nice\s+to\s+have|\b(?:are|we.re|is)\s+(?:seeking|looking\s+for|hiring)\b[^.]*?\b(?:with|who\s+(?:has|have))|would\s+be\s+(?:a\s+bonus|great|an?\s+(?:plus|advantage))|bonus\s+if)\b/i;

/** "Northwind Outfitters designs and sells ...", "We are 2,300 people ...": about the company. */
const COMPANY_NAMED =
  /^(?:At\s+)?(?:[A-Z&][\w&'’.-]*\s+){1,6}(?:is|are|has|have|makes|builds|runs|sells|serves|designs|operates|delivers|manufactures|distributes|moves|helps|was|offers|provides)\b/;
const COMPANY_WE =
  /^(?:we\s+are\b|we're\b|we\s+(?:make|build|sell|serve|run|design|help|care|move|believe)\b|our\s+|founded\b|backed by\b|join (?:our|us)\b|since \d{4})/i;
const isCompany = (sentence: string) => COMPANY_NAMED.test(sentence) || COMPANY_WE.test(sentence);

/** Words that address the candidate: a sentence with them is not about the company. */
const CANDIDATE_CUE = /\b(?:you|your|candidates?|applicants?|must|required|should|ideal|looking for|seeking)\b/i;

export function classifySentence(sentence: string): SentenceKind {
  if (isLegal(sentence)) return 'legal';
  const company = isCompany(sentence.trim());
  // "Cool Breeze has served the valley for 30 years": the company, though it names years.
  if (company && !CANDIDATE_CUE.test(sentence)) return 'company';
  // A sentence that asks for something ("Experience with Kafka is a bonus") is a request, whatever
  // else it says; "$10,000 sign-on bonus" and "We offer health insurance" are perks.
  if (REQUEST_CUE.test(sentence)) return 'request';
  if (BENEFITS.test(sentence)) return 'benefits';
  return company ? 'company' : 'context';
}

/** Equal-opportunity and other legal text: `classifySentence(text) === 'legal'`, without the other tests. */
export function isLegal(text: string): boolean {
  return LEGAL.test(text);
}

const SENTENCE_END = /[.!?]\s+(?=[A-Z$(])/g;

/** The sentences of a prose item, with offsets; a short word before a dot ("e.g.", "B.S.") ends none. */
export function sentencesOf(item: Line): Line[] {
  const parts: Line[] = [];
  let start = 0;
  for (const m of allMatches(SENTENCE_END, item.text)) {
    const end = m.index + 1;
    if (/(?:^|\s)(?:\w|\w\.\w|e\.g|i\.e|etc|sr|jr|mr|ms|dr|vs|no|inc|ltd|approx|st)$/i.test(item.text.slice(start, m.index))) continue;
    parts.push({ text: item.text.slice(start, end), start: item.start + start, end: item.start + end });
    start = m.index + m[0].length;
  }
  parts.push({ text: item.text.slice(start), start: item.start + start, end: item.end });
  return parts.filter((p) => /[\p{L}]/u.test(p.text));
}
