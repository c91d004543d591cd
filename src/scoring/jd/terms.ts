import type { SkillDictionary } from '../skills/dictionary.ts';
import { allMatches } from '../text/matches.ts';
import { STOP_WORDS, type Token, tokenize } from '../text/tokenize.ts';
import type { RequirementTerm } from './types.ts';

/** Words that frame a requirement but are not evidence of it ("strong ... skills"). */
export const FILLER = new Set(
  (
    'ability abilities able proficiency proficient experience experienced knowledge knowledgeable understanding '
    + 'strong excellent good great solid basic advanced demonstrated proven effective substantial capacity '
    + 'familiarity familiar expertise expert skill skills skilled competence competent capability capabilities '
    + 'working work year years yrs minimum least plus required require requires preferred must have has having '
    + 'need needed necessary essential ideal ideally candidate candidates successful previous prior practical '
    + 'hands-on hands demonstrable relevant related similar field role position job various etc new highly '
    + 'framework frameworks industry concepts languages platform platforms environment environments technologies tools field sector area domain demanded talent competency conversant background adept versatility mastery considerable extensive keen outstanding exceptional superior deep thorough comprehensive sound high level one two three four five '
    + 'six seven eight nine ten'
  ).split(' '),
);

/**
 * Also no evidence of a requirement, though part of what a description is about (so they still count
 * for lexical relevance): praise that says how good, not what, and generic heads after a named
 * skill ("VBScript language", "Hub technology", "ALM workflows").
 */
const LABEL_FILLER = new Set([
  ...FILLER,
  ...(
    'robust sharp profound remarkable sufficient adequate immaculate admirable impeccable phenomenal fantastic '
    + 'unquestionable acute significant valuable vast exemplary supreme brilliant superb stellar impressive '
    + 'language technology aspects procedures processes workflows suite principles methodologies '
    + 'methodology practices techniques active valid current unrestricted'
  ).split(' '),
]);

/** Upper-case words; not the tail of a technology name (the "NET" of "C#.NET" or "ASP.NET"). */
export const ACRONYM_RE = /(?<![\p{L}\p{N}.#+])[A-Z][A-Z0-9#+]{2,6}(?![\p{L}\p{N}])/gu;
/** Upper-case words that are not skills: places, company forms, posting boilerplate. */
export const NOT_SKILL_ACRONYMS = new Set(
  (
    'USA USD EUR GBP LLC INC LTD PLC CEO CFO COO CTO EOE EEO TBD ASAP NYC FAQ PTO DOE AND THE FOR YOU OUR '
    + 'NOT ALL ANY WHO WHAT JOB ROLE REQUIRED SKILLS EXPERIENCE SUMMARY NOTE NEW HOT TOP PLUS'
  ).split(' '),
);

const AMOUNT = /^\d+(?:\.\d+)?(?:k|m|\+|%|lbs?|kg)?$/;
const startsWithDigit = (raw: string) => raw.charCodeAt(0) >= 48 && raw.charCodeAt(0) <= 57;
/** Both acronym patterns need an upper-case letter followed by another, a digit, "#" or "+": most labels have none. */
const MAY_HOLD_ACRONYM = /[A-Z][A-Z0-9#+]/;

export function keyStems(text: string): string[] {
  return stemsOfTokens(tokenize(text));
}

function stemsOfTokens(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    // Amounts and counts ("$200K", "60+", "30 lb") say how much, not what.
    if (STOP_WORDS.has(t.raw) || LABEL_FILLER.has(t.raw) || (startsWithDigit(t.raw) && AMOUNT.test(t.raw))) continue;
    if (!out.includes(t.stem)) out.push(t.stem);
  }
  return out;
}

/**
 * The term a phrase names ("PostgreSQL", "Software Development Life Cycle (SDLC)", "running
 * services on AWS"): its stems, dictionary skills, and the names that must be on the evidence line.
 */
export function termOf(label: string, dictionary: SkillDictionary): RequirementTerm | undefined {
  const labelTokens = tokenize(label);
  const stems = stemsOfTokens(labelTokens);
  const mentions = dictionary.find(labelTokens);
  const labelSkills = [...new Set(mentions.map((m) => m.skillId))];
  if (stems.length === 0 && labelSkills.length === 0) return undefined;
  const pair = abbreviationPair(label);
  const alternatives = pair?.alternatives;
  // Both are read twice below (for the key terms and for the tools): found once.
  const acronyms = acronymsOf(label);
  const technical = labelTokens.filter(isTechnical);
  // A name given with its abbreviation ("Master Data Management (MDM)") is a fixed name, like an
  // acronym: "managed data governance" has two of its words but is not the skill.
  const keyTerms = [
    ...new Set([...acronymStems(acronyms), ...technical.map((t) => t.stem), ...(pair?.names ?? [])]),
  ].filter((st) => stems.includes(st));
  const tools = toolStems(label, acronyms, technical).filter((st) => stems.includes(st));
  return {
    label,
    stems,
    skillIds: labelSkills,
    skillShare: skillShareOf(stems, labelTokens, mentions),
    // Only when the label has other words (a bare acronym is its own evidence), or two names.
    ...(keyTerms.length > 0 && (keyTerms.length < stems.length || alternatives) ? { keyTerms } : {}),
    ...(tools.length > 0 && tools.length < stems.length ? { tools } : {}),
    ...(alternatives ? { alternatives } : {}),
  };
}

/** A term for a dictionary skill (a category a description names in place of a tool). */
export function dictionaryTerm(skillId: string, dictionary: SkillDictionary): RequirementTerm | undefined {
  const entry = dictionary.skills.get(skillId);
  if (!entry) return undefined;
  return { label: entry.label, stems: keyStems(entry.label), skillIds: [entry.id], skillShare: 1 };
}

/**
 * "Full Software Development Life Cycle (SDLC)" and "Oracle RAC (Real Application Clusters)" give
 * two names for one skill: `alternatives` are the stems with the parenthesis, and with the words it
 * abbreviates (or expands) replaced by it; `names` are the stems of the abbreviation and of the
 * words it stands for (not "Full", not "Oracle").
 */
export function abbreviationPair(label: string): { alternatives: string[][]; names: string[] } | undefined {
  // Most labels have no parenthesis, and the pattern backtracks through the whole label to fail.
  const m = label.includes('(') ? /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(label) : null;
  if (!m?.[1] || !m[2]) return undefined;
  const outside = m[1].split(/\s+/);
  const inside = m[2].trim().split(/\s+/);

  // "(SDLC)" abbreviates the last words outside it.
  if (inside.length === 1 && /^[A-Z0-9]{2,}s?$/.test(inside[0] ?? '')) {
    const words = abbreviatedWords(outside, m[2]);
    if (!words) return undefined;
    return {
      alternatives: [keyStems(m[1]), keyStems(m[2])].filter((a) => a.length > 0),
      names: [...keyStems(words.join(' ')), ...keyStems(m[2])],
    };
  }
  // "Oracle RAC (Real Application Clusters)": the parenthesis expands an acronym outside it.
  const idx = outside.findIndex((w) => /^[A-Z0-9]{2,}s?$/.test(w) && abbreviationForms(w).includes(initialsOf(inside)));
  if (idx < 0) return undefined;
  const expanded = [...outside.slice(0, idx), ...inside, ...outside.slice(idx + 1)].join(' ');
  return {
    alternatives: [keyStems(m[1]), keyStems(expanded)].filter((a) => a.length > 0),
    names: [...keyStems(outside[idx] ?? ''), ...keyStems(m[2])],
  };
}

const significant = (words: string[]) => words.filter((w) => !/^(?:of|and|&|the|for|to|in)$/i.test(w));
const initialsOf = (words: string[]) =>
  significant(words)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();

/** The last words of `outside` that the abbreviation ("SDLC", "APIs") stands for, with the small words between them. */
export function abbreviatedWords(outside: readonly string[], abbreviation: string): string[] | undefined {
  const sig = significant([...outside]);
  // "(APIs)" is a plural; "(SSIS)" ends in the S of "Services".
  for (const abbr of abbreviationForms(abbreviation)) {
    if (abbr.length < 2 || sig.length < abbr.length) continue;
    const words = sig.slice(sig.length - abbr.length);
    if (initialsOf(words) === abbr) return outside.slice(outside.lastIndexOf(words[0] ?? ''));
  }
  return undefined;
}

/** An abbreviation's letters, as written and without a plural "s" ("APIs" -> API). */
function abbreviationForms(word: string): string[] {
  const letters = word.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return /S$/.test(letters) ? [letters, letters.slice(0, -1)] : [letters];
}

/**
 * A word written the way only technology names are ("C#.NET", "Node.js", "C++"): like an acronym,
 * such a word names the skill, and the words around it describe its use. (Not versions: "12c".)
 */
function isTechnical(token: Token): boolean {
  return TECHNICAL_MARK.test(token.raw.slice(1));
}

const TECHNICAL_MARK = /[#+.]/;

/** The upper-case words of a label that may name skills (not "USA", "LLC", Roman numerals), long ones first. */
function acronymsOf(label: string): RegExpExecArray[] {
  if (!MAY_HOLD_ACRONYM.test(label)) return [];
  return [...allMatches(ACRONYM_RE, label), ...allMatches(SHORT_ACRONYM_RE, label)].filter(
    (m) => !NOT_SKILL_ACRONYMS.has(m[0]) && !ROMAN_NUMERAL.test(m[0]),
  );
}

const ROMAN_NUMERAL = /^[IVX]+$/;

/**
 * The tools a requirement names, standing alone ("capable of running SQL processes", "programming
 * concepts of AJAX", "c#.net applications development"): not an abbreviation that is one word of a
 * longer name ("Angular JS", "Contract W2", "UX Design Engineer").
 */
function toolStems(label: string, acronyms: readonly RegExpExecArray[], technical: readonly Token[]): string[] {
  const spans = acronyms.map((m) => [m.index, m.index + m[0].length] as const);
  for (const t of technical) spans.push([t.start, t.end]);
  const out: string[] = [];
  for (const [start, end] of spans) {
    if (/[A-Z][\w.#+-]*\s+$/.test(label.slice(0, start)) || /^\s+[A-Z]/.test(label.slice(end))) continue;
    for (const st of keyStems(label.slice(start, end))) if (!out.includes(st)) out.push(st);
  }
  return out;
}

/** Two-letter abbreviations in a requirement's name ("BI & SSIS", "QA testing"), not English words. */
const SHORT_ACRONYM_RE = /(?<![\p{L}\p{N}.#+])(?!(?:OF|IN|ON|AT|TO|OR|AN|AS|BY|IS|IT|BE|DO|GO|IF|NO|SO|UP|US|WE|HE|ME|MY|AM|PM)\b)[A-Z][A-Z0-9](?![\p{L}\p{N}])/gu;

function acronymStems(acronyms: readonly RegExpExecArray[]): string[] {
  const out: string[] = [];
  for (const m of acronyms) for (const st of keyStems(m[0])) if (!out.includes(st)) out.push(st);
  return out;
}

function skillShareOf(
  stems: readonly string[],
  tokens: readonly { stem: string; start: number }[],
  mentions: readonly { start: number; end: number }[],
): number {
  if (stems.length === 0) return mentions.length > 0 ? 1 : 0;
  const covered = new Set<string>();
  for (const t of tokens) if (mentions.some((m) => t.start >= m.start && t.start < m.end)) covered.add(t.stem);
  return stems.filter((s) => covered.has(s)).length / stems.length;
}

const ENDS_IN_PARENTHESIS = /\)[.;]?\s*$/;

/**
 * The skill a requirement names in a closing parenthesis: one to four capitalised words
 * ("(Manual Dexterity)"), neither an acronym's expansion ("Oracle RAC (Real Application Clusters)")
 * nor an abbreviation ("(SDLC)"), which name the same skill as the words before them.
 */
export function namedInParentheses(text: string): string | undefined {
  // The pattern below is tried from every position; only a text ending in ")" can match it.
  if (!ENDS_IN_PARENTHESIS.test(text)) return undefined;
  const m = /(\S+)\s*\(([A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,3})\)[.;]?\s*$/.exec(text);
  if (!m?.[2]) return undefined;
  const words = m[2].split(/\s+/).filter((w) => !/^(?:and|&)$/.test(w));
  // "(SDLC)" abbreviates the words before it.
  if (words.length === 1 && /^[A-Z0-9]+s?$/.test(m[2])) return undefined;
  const before = (m[1] ?? '').replace(/[^A-Za-z0-9]/g, '');
  const initials = words.map((w) => w[0]).join('');
  if (/^[A-Z0-9]{2,}$/.test(before) && before.toUpperCase() === initials.toUpperCase()) return undefined;
  return m[2];
}
