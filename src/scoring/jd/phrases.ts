import type { SkillDictionary } from '../skills/dictionary.ts';
import { COUNT, countValue } from '../text/number-words.ts';
import { tokenize } from '../text/tokenize.ts';
import { collapseWhitespace, trimClosingPunctuation } from '../text/whitespace.ts';
import { isPersonalQuality } from './traits.ts';
import { clip, INTRO_CUE, NOT_A_SKILL, stripFraming } from './labels.ts';
import { dictionaryTerm, keyStems, namedInParentheses, termOf } from './terms.ts';
import type { Requirement, RequirementKind, RequirementRule, RequirementTerm } from './types.ts';

/**
 * One requirement as recruiters write it: "Strong TypeScript or Node.js experience", "Relational
 * databases (PostgreSQL preferred), including schema design", "5+ years building backend services",
 * "Bachelor's degree or equivalent experience".
 */

/** "5+ years", "five years", "three (3) years", "3-5 yrs". */
const YEARS_RE = new RegExp(`${COUNT}\\s*\\+?\\s*(?:(?:-|to)\\s*\\d+\\s*)?[\\s-]*(?:years?|yrs?)(?:['’]s?)?\\b`, 'i');
/** Words that make a requirement optional. */
export const PREFERENCE_CUE =
  /\b(?:preferred|preferably|nice[- ]to[- ]have|a plus|bonus|desirable(?!\s+candidates?\b)|ideally|advantage(?:ous)?|optional|would be (?:great|nice|helpful)|is a big plus)\b/i;
/** "(PostgreSQL preferred)", "(ideally Go)": the parenthesis is optional, the rest is not. */
const PAREN_PREFERENCE = /\s*\(([^()]*\b(?:preferred|preferably|ideally|a plus|nice to have|bonus)\b[^()]*)\)/i;
/** ", ideally in banking": a trailing preference qualifies its own clause only. */
const TRAILING_PREFERENCE = /,\s*(?:ideally|preferably)\s+([^,;]+)$/i;
/** Markers that say how much a requirement matters, not what it is. */
const STATUS_WORDS =
  /\s*(?:,\s*)?(?:(?:is|are|would be)\s+)?(?:(?:a\s+)?(?:big\s+)?(?:plus|bonus|must)|(?:strongly\s+)?(?:preferred|required|desired|desirable|mandatory|essential|necessary|an?\s+advantage)|nice to have|(?:is|are)\s+(?:(?:absolutely|very|also)\s+)?(?:crucial|critical|vital|important|key))\s*$/i;
const LEADING_STATUS = /^(?:preferably|ideally|preferred|required|must[- ]have|nice[- ]to[- ]have|bonus|plus|essential|desirable)\s*[:,]?\s+/i;
const DEGREE_LEVELS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:ph\.?d|doctorate|doctoral)\b/i, 5],
  [/\b(?:master'?s\b|masters?\s+(?:degree|of)\b|mba\b|m\.?sc\b|m\.s\.)/i, 4],
  [/\b(?:bachelor'?s?|b\.?sc|b\.?s\.|b\.?a\.|bsn|undergraduate|university degree|college degree|four-year degree)(?:\s|$|\b)/i, 3],
  [/\b(?:associate'?s?\s+degree|associate\s+of)\b/i, 2],
  [/\b(?:high school|ged|diploma)\b/i, 1],
];
const DEGREE_CUE = /\b(?:degree|diploma|graduate|education|bachelor'?s?|master'?s|ph\.?d|bsn|mba|ged)\b/i;
const OR_EXPERIENCE = /\bor\s+(?:an?\s+)?(?:equivalent|comparable|related|relevant)(?:\s+\w+){0,2}\s+experience\b|\bor\s+equivalent\b/i;
const CERT_CUE = /\b(?:certified|certification|certificate|licen[cs]ed?|registration|registered|CDL|endorsement)\b/i;
/** "Able to lift 30 lb", "Availability for weekend shifts": conditions of the job, met by saying so. */
const ELABORATION = /,?\s+(?:including|includes|incl\.|with a focus on|especially|particularly|in particular)\b.*$/i;
/** Every ELABORATION match holds one of these (in any case): without one, the pattern need not run. */
const ELABORATION_WORDS = ['incl', 'focus', 'especially', 'particular'];
/** "Project management, able to oversee projects": what follows the comma describes the skill. */
const APPOSITIVE_ABILITY = /,\s+(?:(?:being\s+)?(?:able|capable)\s+(?:to|of)|with\s+(?:the\s+|an?\s+)?ability\s+to)\s[\s\S]*$/i;

/** The clause without what elaborates on it. The patterns are tried at every space, and few clauses
 * elaborate: each runs only when the clause holds a word it needs. */
function withoutElaboration(text: string): string {
  const lower = text.toLowerCase();
  let out = ELABORATION_WORDS.some((w) => lower.includes(w)) ? text.replace(ELABORATION, '') : text;
  if (lower.includes(',') && (lower.includes('able ') || lower.includes('ability'))) out = out.replace(APPOSITIVE_ABILITY, '');
  return out;
}
/**
 * Conditions of the job a resume rarely states ("Able to lift 30 lb", "Availability for weekend
 * shifts", "Willingness to travel"): shown with the requirements, asked at interview, never counted
 * against a resume or listed as missing.
 */
const CONDITION =
  /^(?:(?:be\s+|must\s+be\s+)?(?:physically\s+)?able\s+to\s+(?:lift|stand|sit|walk|work|travel|commute|kneel|bend|climb|pass)|availab(?:le|ility)\b|willing(?:ness)?\s+to\b|flexible\s+(?:schedule|hours)|(?:must\s+be\s+)?(?:at\s+least\s+)?1[68]\+?\s+(?:years\s+(?:of\s+age|old))|legally\s+(?:authorized|eligible)|(?:authorized|eligible)\s+to\s+work|comfortable\s+(?:working|with)\s+(?:nights|weekends|shifts|on\s+call)|(?:an?\s+)?(?:portfolio|work\s+samples|writing\s+samples)\b)/i;
/** Framing stripFraming leaves: "Comfortable making 60+ calls", "Ownership of a budget". */
const EXTRA_FRAMING =
  /^(?:(?:a\s+)?(?:focus|specialization|specialisation)\s+(?:on|in)\s+|(?:you\s+are\s+|be\s+|are\s+)?(?:comfortable|confident|at ease)\s+(?:with\s+|in\s+|at\s+)?|ownership\s+of\s+|(?:a\s+)?track\s+record\s+of\s+|(?:you\s+)?(?:build|run|have\s+run|have\s+built)\s+)/i;
/** "$200K or more", "or equivalent": how much, not another alternative. */
const OR_MORE = /\s+or\s+(?:more|higher|above|greater|better|less|fewer|over)\b/gi;
/** "A portfolio that shows your range": what follows describes it. */
const RELATIVE_CLAUSE = /\s+(?:that|which|who|whose|where)\s+.*$/i;
/** Verbs of what a skill is used to do ("Physical fitness to manage equipment"). */
const PURPOSE_VERBS =
  'manage|support|ensure|deliver|drive|build|develop|create|help|handle|solve|meet|achieve|maintain|provide|'
  + 'understand|identify|tally|measure|execute|perform|communicate|work|lead|use|make|improve|analy[sz]e|evaluate|'
  + 'operate|coordinate|influence|guide|resolve|diagnose|assess|track|plan|design|convey|enable|endure|interpret|'
  + 'conduct|complete|prepare|troubleshoot|liaise|engage|serve|calculate|read|record|oversee|implement|monitor';
/**
 * What a named skill is for: "Angular JS in constructing dynamic interfaces", "Physical fitness to
 * manage equipment", "Oracle EBS, furthering our mission", "CIF, an integral part of APO". Not the
 * object of an ability ("ability to manage multiple tasks" asks for managing them).
 */
const PURPOSE = new RegExp(
  String.raw`(?:(?<!\b(?:ability|abilities|able|capacity|willing|willingness|need|expected|eager|ready|how|want))\s+to\s+(?:${PURPOSE_VERBS})\b|\s+(?:for\s+(?:the|an?|our|their|its|effective|efficient|\w+ing)\s|in\s+\w+ing\b|when\s|while\s|by\s+\w+ing\b|so\s+that\s|in\s+order\s+to\s)|,\s+(?:[a-z]+ing\s|an?\s|the\s))[\s\S]*$`,
);

/**
 * The skill without what it is for: a resume shows the skill, not the description's purpose for it.
 * Only where what is left is a name (capitalised past its first letter, or two content words or more),
 * so "Tools for data visualization" keeps its subject.
 */
function withoutPurpose(text: string): string {
  const m = PURPOSE.exec(text);
  if (!m || m.index === 0) return text;
  const head = text.slice(0, m.index).trim();
  if (/^\S+ing\b/i.test(head) && m[0].startsWith(',')) return text;
  const named = /\p{Lu}/u.test(head.slice(1));
  return named || keyStems(head).length >= 2 || SKILL_OF.test(head) ? head : text;
}

/** "Math abilities", "Animal handling skills": a subject and the noun that makes it a skill, which
 * names it however short; "Technical skills" names nothing. */
const SKILL_OF =
  /^(?!(?:technical|general|basic|relevant|necessary|required|good|strong|practical|proven|excellent|solid)\s)\p{L}[\p{L}-]+(?:\s+\p{L}[\p{L}-]+)?\s+(?:skills?|abilities|ability|knowledge|expertise|proficiency)$/iu;

/** "Axure software", "Jira tools": the name is the skill; the noun after it says what kind of thing it is. */
const KIND_OF_NAME = /^(.*\p{Lu}\S*)\s+(?:software|tools?|platforms?|technolog(?:y|ies)|suite|applications?|programs?)$/u;

/** The name without its kind noun, unless the noun is part of a name the dictionary knows ("Power Platform"). */
function withoutKindNoun(entry: string, dictionary: SkillDictionary): string {
  const m = KIND_OF_NAME.exec(entry);
  if (!m?.[1]) return entry;
  const skillsOf = (text: string) => new Set(dictionary.find(tokenize(text)).map((x) => x.skillId));
  const before = skillsOf(entry);
  const after = skillsOf(m[1]);
  return [...before].every((id) => after.has(id)) ? m[1] : entry;
}

const CATEGORY_ALTERNATIVE = /^(?:another|any other|other|a similar|similar|an equivalent|equivalent|a comparable|comparable)\b\s*(.*)$/i;
const SHARED_QUALIFIER =
  /\s+(?:in\s+production|on\s+the\s+(?:backend|back end|frontend|front end|server)|in\s+the\s+state\s+of\s+\w+(?:\s+\w+)?|with\s+a\s+clean\s+record|within\s+\w+)$/i;

/**
 * Removes trailing status markers ("... is a plus", "required"), looking at the tail only: an
 * end-anchored pattern would be tried from every position of the text.
 */
function stripStatus(clause: string): string {
  let text = clause;
  for (let i = 0; i < 2; i++) {
    if (!mayEndInStatus(text)) break;
    const cut = Math.max(0, text.length - 40);
    const tail = text.slice(cut).replace(STATUS_WORDS, '');
    if (tail.length === text.length - cut) break;
    text = text.slice(0, cut) + tail;
  }
  return text;
}

/**
 * The last word of every STATUS_WORDS match ("nice to have" ends in "have"; "surplus" ends in "plus"
 * and matches too). Even on the tail alone the pattern is tried at every position; most clauses end
 * in none of these, and then it cannot match.
 */
const STATUS_ENDINGS = [
  'plus', 'bonus', 'must', 'preferred', 'required', 'desired', 'desirable', 'mandatory', 'essential', 'necessary', 'advantage', 'have',
  'crucial', 'critical', 'vital', 'important', 'key',
];

function mayEndInStatus(text: string): boolean {
  const end = text.trimEnd().slice(-9).toLowerCase();
  return STATUS_ENDINGS.some((w) => end.endsWith(w));
}

export interface ItemContext {
  readonly mustHave: boolean;
  readonly rule: RequirementRule;
  readonly dictionary: SkillDictionary;
}

/** The requirements one list entry or clause asks for: usually one, plus any optional part. */
export function readRequirement(text: string, context: ItemContext): Requirement[] {
  let clause = collapseWhitespace(trimClosingPunctuation(text.trim()));
  if (!/[\p{L}]/u.test(clause) || wordsOver(clause, 40)) return [];
  // "Applicants should possess the following skills: Linux, Solaris, Unix": the list is the requirement.
  const intro = /^([^:]{2,80}):\s+(\S.*)$/.exec(clause);
  if (intro?.[1] && INTRO_CUE.test(intro[1])) clause = intro[2] ?? clause;
  const out: Requirement[] = [];
  const optional = (phrase: string, rule: RequirementRule) => {
    const cleaned = collapseWhitespace(phrase.replace(PREFERENCE_CUE, ' ')).trim().replace(/^(?:in|with|on|at|for)\s+/i, '');
    out.push(...readRequirement(cleaned, { ...context, mustHave: false, rule }));
  };
  const paren = PAREN_PREFERENCE.exec(clause);
  if (paren) {
    optional(paren[1] ?? '', 'preference in parentheses');
    clause = clause.replace(paren[0], '');
  }
  const trailing = TRAILING_PREFERENCE.exec(clause);
  if (trailing && context.mustHave) {
    optional(trailing[1] ?? '', 'preference phrase');
    clause = clause.slice(0, trailing.index);
  }
  let { mustHave, rule } = context;
  if (mustHave && PREFERENCE_CUE.test(clause)) {
    mustHave = false;
    rule = 'preference phrase';
  }
  clause = stripStatus(clause.replace(LEADING_STATUS, '')).trim();
  if (!/[\p{L}]/u.test(clause)) return out;
  const label = readableLabel(withoutElaboration(clause));
  const asked = CONDITION.test(clause)
    ? { condition: true }
    : isPersonalQuality(withoutPurpose(withoutElaboration(clause))) ? { quality: true } : {};
  const base = { mustHave, rule, label, ...asked };

  const years = YEARS_RE.exec(clause);
  if (years) {
    const n = countValue(years[1]);
    if (n > 0 && n <= 40) {
      const groups = experienceGroups(clause, years.index, years.index + years[0].length, context.dictionary);
      out.unshift(requirement('experience', base, groups, { years: n }));
      return out;
    }
  }
  // "Master's or PhD": the lowest degree named is enough. "Paralegal certificate or associate
  // degree": the other alternatives meet it too.
  const levels = DEGREE_CUE.test(clause)
    ? DEGREE_LEVELS.filter(([re]) => re.test(clause)).map(([, level]) => level)
    : [];
  if (levels.length > 0) {
    const others = clause
      .split(/\s*(?:,|\bor\b)\s*/i)
      .filter((part) => !DEGREE_LEVELS.some(([re]) => re.test(part)) && CERT_CUE.test(part));
    const groups = others.length > 0 ? [others.flatMap((o) => skillGroups(o, context.dictionary).flat())] : [];
    out.unshift(
      requirement('education', base, groups.filter((g) => g.length > 0), {
        degreeLevel: Math.min(...levels),
        ...(OR_EXPERIENCE.test(clause) ? { orExperience: true } : {}),
      }),
    );
    return out;
  }
  const kind: RequirementKind = CERT_CUE.test(clause) ? 'certification' : 'skill';
  const groups = skillGroups(clause, context.dictionary);
  if (groups.length === 0) return out;
  out.unshift(requirement(kind, { ...base, ...(kind === 'certification' && mustHave ? { essential: true } : {}) }, groups));
  return out;
}

/** Whether a text of single-spaced words has more than `max` words (without splitting it). */
function wordsOver(text: string, max: number): boolean {
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (++spaces >= max) return true;
  return false;
}

function requirement(
  kind: RequirementKind,
  base: {
    mustHave: boolean;
    rule: RequirementRule;
    label: string;
    essential?: boolean;
    condition?: boolean;
    quality?: boolean;
  },
  groups: RequirementTerm[][],
  extra: { years?: number; degreeLevel?: number; orExperience?: boolean } = {},
): Requirement {
  // Plain loops: Array.prototype.flat is slow in V8, and this runs for every requirement read.
  const stems = new Set<string>();
  const skillIds = new Set<string>();
  for (const group of groups) {
    for (const term of group) {
      for (const st of term.stems) stems.add(st);
      for (const id of term.skillIds) skillIds.add(id);
    }
  }
  return { kind, ...base, groups, stems: [...stems], skillIds: [...skillIds], ...extra };
}

/**
 * A first word written as its owner writes it: a capital after its first letter ("iOS", "eBay",
 * "macOS"), or lower case without a vowel ("dbt", "npm", "k8s"), a name or an abbreviation.
 */
const KEEP_CASE_WORD = /^(?:\p{Ll}+\p{Lu}|[b-df-hj-np-tv-xz][b-df-hj-np-tv-xz0-9]+(?![\p{L}\d]))/u;

/** The requirement in the description's words, without status markers, at most 80 characters. */
export function readableLabel(clause: string): string {
  const framed = stripFraming(clause.replace(EXTRA_FRAMING, ''))
    .replace(/^(?:you\s+(?:have|are|bring)|have|has|hold|possess)\s+/i, '')
    .replace(/^(?:with|in|of)\s+/i, '')
    .replace(/^(?:(?:should|must|will|shall)\s+(?:also\s+)?(?:be|have)\s+)?(?:comfortable|confident)\s+(?:with\s+|in\s+|at\s+)?/i, '')
    .replace(/^(?:and|or)\s+(?:with\s+)?/i, '');
  // "Research Skills: including planning, ..." less its elaboration leaves the name and its colon.
  const text = collapseWhitespace(framed).trim().replace(/\s*[:–—-]+$/, '');
  const label = KEEP_CASE_WORD.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return clip(label, 80);
}

/**
 * What a skill requirement asks for: groups that must all be met, each met by any of its terms.
 * "TypeScript or Node.js" is one group of two; "Kubernetes and Terraform" two groups; "a BI tool
 * such as Tableau or Power BI" one group (the category or either example); "AWS or another major
 * cloud" one group (AWS, or any cloud).
 */
export function skillGroups(clause: string, dictionary: SkillDictionary): RequirementTerm[][] {
  let text = clause;
  // "Kubernetes: deploying and debugging workloads" names Kubernetes; the rest describes its use.
  const colon = /^([^:]{2,60}):\s+\S/.exec(text);
  if (colon && (colon[1] ?? '').split(/\s+/).length <= 6) text = colon[1] ?? text;
  text = withoutPurpose(
    stripFraming(withoutElaboration(text).replace(EXTRA_FRAMING, ''))
      .replace(RELATIVE_CLAUSE, '')
      .replace(/\s+(?:experience|skills?|knowledge|background|proficiency|expertise|abilities)$/i, '')
      .trim(),
  );
  // Examples of a category: "a BI tool such as Tableau or Power BI", "a CRM (Salesforce, HubSpot or similar)".
  let examples: string[] = [];
  // Both patterns are slow to fail (the lazy start is tried at every length): run only when the
  // clause holds what they need.
  const lower = text.toLowerCase();
  const such = EXAMPLE_CUES.some((w) => lower.includes(w)) ? EXAMPLES.exec(text) : null;
  const parens = text.includes('(') ? PARENTHESISED_EXAMPLES.exec(text) : null;
  if (such?.[1] && such[2]) {
    text = such[1];
    examples = listEntries(such[2].replace(/[()]/g, ''));
  } else if (parens?.[1] && parens[2] && /[,/]|\bor\b/.test(parens[2])) {
    text = `${parens[1]} ${parens[3] ?? ''}`.trim();
    examples = listEntries(parens[2]);
  }
  const named = namedInParentheses(text);
  const groups: string[][] = splitGroups(text.replace(OR_MORE, ''));
  // "Disassembling engines manually and correctly (Manual Dexterity)": the parenthesis names the skill.
  if (named) {
    if (groups.length === 0) groups.push([]);
    groups[0]!.push(named);
  }
  if (examples.length > 0) {
    if (groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(...examples);
  }
  const out: RequirementTerm[][] = [];
  for (const group of groups) {
    const named = group.map((entry, i) => (group.length > 1 && i === group.length - 1 ? entry.replace(SHARED_QUALIFIER, '') : entry));
    const terms: RequirementTerm[] = [];
    const categories: string[] = [];
    for (const entry of named) {
      const cleaned = withoutKindNoun(entry.replace(/^(?:an?|the|any|some)\s+/i, '').replace(SHARED_QUALIFIER, '').trim(), dictionary);
      const category = CATEGORY_ALTERNATIVE.exec(cleaned);
      if (category) {
        categories.push(category[1] ?? '');
        continue;
      }
      if (!cleaned || NOT_A_SKILL.test(cleaned)) continue;
      const term = termOf(cleaned, dictionary);
      if (term) terms.push(term);
    }
    // "another major cloud", "or similar": the category named, or the categories of the tools named.
    for (const phrase of categories) {
      const ids = new Set(dictionary.find(tokenize(phrase)).map((m) => m.skillId));
      if (ids.size === 0) {
        for (const t of terms) {
          for (const id of t.skillIds) for (const b of dictionary.withBroader(id).slice(1)) ids.add(b);
        }
      }
      for (const id of ids) {
        const term = dictionaryTerm(id, dictionary);
        if (term && !terms.some((t) => t.skillIds.includes(id))) terms.push(term);
      }
    }
    if (terms.length > 0) out.push(terms);
  }
  return out;
}

const EXAMPLES = /^(.*?)\s*(?:,\s*)?\b(?:such as|like|e\.g\.?,?|for example|for instance)\s+(.+)$/i;
/** Every EXAMPLES match holds one of these (in any case). */
const EXAMPLE_CUES = ['such as', 'like', 'e.g', 'for example', 'for instance'];
const PARENTHESISED_EXAMPLES = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/;

/** Entries of a list: "Snowflake, BigQuery, Redshift", "CMA or RMA", "Salesforce, HubSpot or similar". */
function listEntries(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\bor\b|\band\b|\/)\s*/i)
    .map((e) => e.trim())
    .filter((e) => /[\p{L}\p{N}]/u.test(e));
}

/**
 * "A and B", "A, B and C": each must be met; "A or B", "A, B or C": any. Entries too long to be
 * names stay one phrase ("Troubleshooting residential and commercial systems").
 */
function splitGroups(text: string): string[][] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const lower = trimmed.toLowerCase();
  const lastOr = lower.lastIndexOf(' or ');
  if (lastOr >= 0 && lastOr > lower.lastIndexOf(' and ')) {
    const entries = trimmed.split(/\s*(?:,\s*or|,|\bor\b)\s*/i).map((e) => e.trim()).filter(Boolean);
    // "test automation experience with Selenium or Playwright", "running services on AWS or
    // another major cloud": the alternatives are the names after the last preposition; the words
    // before it describe their use.
    const first = entries[0] ?? '';
    const lead = /^(.*\s)(?:with|in|on|using|of|for)\s+(\S.*)$/i.exec(first);
    if (entries.length >= 2 && first.split(/\s+/).length > 2 && lead?.[2] && lead[2].split(/\s+/).length <= 4) {
      entries[0] = lead[2];
    }
    if (entries.length >= 2 && entries.slice(0, -1).every((e) => e.split(/\s+/).length <= 4)) return [entries];
    return [[trimmed]];
  }
  const parts = trimmed.split(/\s*(?:,\s*and|,|\band\b)\s*|\s+&\s+/i).map((e) => e.trim()).filter(Boolean);
  // Only a list of names splits; a phrase that joins two words ("written and verbal communication",
  // "reading schematics and using an oscilloscope") is split only when both sides stand alone.
  // (Checked cheapest first: most clauses are one part, and keyStems tokenises.)
  const named =
    parts.length >= 2
    && (parts.slice(1).every(isName) || parts.every(isActivity))
    && parts.every((p) => keyStems(p).length >= 1);
  if (named) {
    return parts.map((p) => p.split(/\s+or\s+/i).map((e) => e.trim()).filter(Boolean));
  }
  return [[trimmed]];
}

/** A name ("TypeScript", "ACLS certification"), not a word of a shared phrase ("commercial systems"). */
function isName(entry: string): boolean {
  return /^[A-Z0-9]/.test(entry.trim());
}

/** An activity of its own ("taking vital signs", "using an oscilloscope"). */
function isActivity(entry: string): boolean {
  return /^\w+ing\s+\S/i.test(entry.trim());
}

/**
 * The kind of experience a years requirement asks for: "5+ years building backend services in
 * production" -> backend services; "5 years in SRE or DevOps roles" -> SRE, or DevOps; "2+ years as
 * a paralegal" -> paralegal. Empty when it asks for years of experience in general.
 */
function experienceGroups(
  clause: string,
  yStart: number,
  yEnd: number,
  dictionary: SkillDictionary,
): RequirementTerm[][] {
  const subject = experienceSubject(clause.slice(yEnd)) || experienceSubject(clause.slice(0, yStart), true);
  if (!subject) return [];
  const parts = subject.split(/\s+or\s+/i);
  const entries = parts.length >= 2 && parts.every((p) => p.split(/\s+/).length <= 3) ? parts : [subject];
  const terms = entries.map((e) => termOf(e.trim(), dictionary)).filter((t): t is RequirementTerm => t !== undefined);
  return terms.length > 0 ? [terms] : [];
}

function experienceSubject(text: string, before = false): string {
  let s = text.trim();
  if (before) {
    s = s.replace(/^(?:minimum|at least|a minimum of|over|more than)\s+/i, '').replace(/\s+(?:experience|background)\s+(?:of|for)?\s*(?:at least|minimum|over)?\s*$/i, '');
  } else {
    s = s
      .replace(/^['’]?s?\s*(?:of\s+)?(?:(?:professional|relevant|related|hands-on|progressive|proven|direct|practical|industry|prior|previous|combined|total|paid|recent|post-qualification|working)\s+)*(?:work\s+)?(?:experience|background)?\s*/i, '')
      .replace(/^(?:of|in|as|at|with|within|building|working|doing|across|on)\s+(?:as\s+)?/i, '')
      .replace(/^(?:an?|the)\s+/i, '');
  }
  s = s
    .replace(/\s*[,;(].*$/, '')
    .replace(/\s+(?:with|who|that|which|including|where|in order|for|during|under)\b.*$/i, '')
    .replace(/\s+in\s+(?:production|the\s+field|a\s+(?:fast-paced|busy|similar|related)\b.*)$/i, '')
    .replace(/\s+(?:roles?|positions?|capacity|settings?|environments?)$/i, '')
    .replace(/\s+(?:experience|background|work)$/i, '')
    .replace(/\s+(?:is|are)\s+.*$/i, '')
    .trim();
  return keyStems(s).length > 0 && s.split(/\s+/).length <= 8 ? s : '';
}
