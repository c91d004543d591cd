import type { SkillDictionary } from './skills/dictionary.ts';
import { type Line, lineBody, splitLines, splitSections } from './text/lines.ts';
import { STOP_WORDS, type Token, tokenize } from './text/tokenize.ts';

export type RequirementKind = 'skill' | 'experience' | 'education' | 'certification' | 'location';

export interface Requirement {
  readonly kind: RequirementKind;
  readonly mustHave: boolean;
  /** Short human label: "Customer Service", "4 yrs as Junior Systems Admin/Engineer". */
  readonly label: string;
  /** Distinct content stems that evidence the requirement. */
  readonly stems: readonly string[];
  /** Dictionary skills named by the requirement. */
  readonly skillIds: readonly string[];
  /** Share of the label's stems that the dictionary skills account for (0-1). */
  readonly skillShare: number;
  /**
   * Stems of the names in the label that must be on the evidence line: acronyms ("Architecting
   * solutions on AWS" -> aws), technology names ("C#.NET") and a name given with its abbreviation
   * ("Master Data Management (MDM)": each name whole). The label's other words do not meet the
   * requirement without them.
   */
  readonly keyTerms?: readonly string[];
  /** Stem sets that each evidence the requirement: a name and its abbreviation ("SDLC"). */
  readonly alternatives?: ReadonlyArray<readonly string[]>;
  /**
   * Stems of the tools the label names on their own ("capable of running SQL processes" -> sql): a
   * line claiming them meets the requirement, the label's other words only describing their use.
   */
  readonly tools?: readonly string[];
  /**
   * The requirement shares words with the job's title, so it names the role or its specialty ("Shift
   * lead" for a "Retail Shift Lead", "Java" for a "Java Developer"): a resume's role title is
   * evidence of it, as a title is not of another tool ("Salesforce" for a "CRM Developer").
   */
  readonly namesRole?: boolean;
  /** Years asked for (experience requirements). */
  readonly years?: number;
  /** Minimum degree level (education requirements): 1 diploma, 2 associate, 3 bachelor, 4 master, 5 doctorate. */
  readonly degreeLevel?: number;
}

export interface ParsedJob {
  readonly title: string;
  readonly titleStems: readonly string[];
  readonly requirements: readonly Requirement[];
  /** Content stems of the whole description (framing words removed) with their counts. */
  readonly stems: ReadonlyMap<string, number>;
  /** Adjacent content-stem pairs of the description (same construction as the resume's). */
  readonly bigrams: ReadonlySet<string>;
  readonly location?: { readonly remote: boolean; readonly text: string };
}

type JdSectionKind = 'title' | 'summary' | 'required' | 'preferred' | 'experience' | 'education' | 'duties' | 'other';

const HEADINGS: ReadonlyArray<readonly [RegExp, JdSectionKind]> = [
  [/^(job\s+)?(title|position|role)$/i, 'title'],
  [/(nice|preferred|bonus|plus|desirable|desired|good to have|advantage|optional)/i, 'preferred'],
  [/(experience)/i, 'experience'],
  [/(education|degree|certific|licen[cs])/i, 'education'],
  [
    /(required|requirements|must|qualifications|skills|what you bring|what we.re looking for|who you are|competenc)/i,
    'required',
  ],
  [/(responsibilit|duties|what you.ll do|the role|day to day|tasks)/i, 'duties'],
  [/(summary|about|overview|description|purpose|introduction)/i, 'summary'],
  [/(benefits|perks|salary|compensation|location|schedule|equal opportunity|how to apply)/i, 'other'],
];

function classifyHeading(heading: string): JdSectionKind | undefined {
  if (heading.split(/\s+/).length > 6) return undefined;
  for (const [re, kind] of HEADINGS) if (re.test(heading)) return kind;
  return undefined;
}

/** Words that frame a requirement but are not evidence of it ("strong ... skills"). */
const FILLER = new Set(
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
    + 'methodology practices techniques'
  ).split(' '),
]);

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const YEARS_RE =
  /(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:(?:-|to)\s*\d+\s*)?[\s-]*(?:years?|yrs?)\b/i;
const PREFERRED_CUE =
  /\b(preferred|nice to have|a plus|is a plus|bonus|desirable(?!\s+candidates?\b)|ideally|preferably|advantage|optional)\b/i;
/**
 * A preference in a trailing clause qualifies that clause, not the requirement before it: "5 years as
 * a QA manager, ideally in a relevant industry" still asks for the 5 years.
 */
const TRAILING_PREFERENCE = /,\s*(?:ideally|preferably)\b[^,;]*$/i;

function asksPreferably(text: string): boolean {
  return PREFERRED_CUE.test(text.replace(TRAILING_PREFERENCE, ''));
}
const DEGREE_LEVELS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(ph\.?d|doctorate|doctoral)\b/i, 5],
  [/\b(master'?s?|mba|m\.?sc|m\.?s\.)\b/i, 4],
  [/\b(bachelor'?s?|b\.?sc|b\.?s\.|b\.?a\.|undergraduate|university degree|college degree)\b/i, 3],
  [/\b(associate'?s?)\b/i, 2],
  [/\b(high school|ged|diploma)\b/i, 1],
];
/** Upper-case words; not the tail of a technology name (the "NET" of "C#.NET" or "ASP.NET"). */
const ACRONYM_RE = /(?<![\p{L}\p{N}.#+])[A-Z][A-Z0-9#+]{2,6}(?![\p{L}\p{N}])/gu;
/** Upper-case words that are not skills: places, company forms, posting boilerplate. */
const NOT_SKILL_ACRONYMS = new Set(
  (
    'USA USD EUR GBP LLC INC LTD PLC CEO CFO COO CTO EOE EEO TBD ASAP NYC FAQ PTO DOE AND THE FOR YOU OUR '
    + 'NOT ALL ANY WHO WHAT JOB ROLE REQUIRED SKILLS EXPERIENCE SUMMARY NOTE NEW HOT TOP PLUS'
  ).split(' '),
);
const DEGREE_NAMES: Record<number, string> = {
  5: 'Doctorate',
  4: 'Master\'s degree',
  3: 'Bachelor\'s degree',
  2: 'Associate\'s degree',
  1: 'High school diploma',
};
/** A sentence that asks something of the candidate (not one that describes the company). */
const REQUEST_CUE =
  /\b(?:candidates?|applicants?|you)\s+(?:will|would|should|must|shall|need\s+to|are\s+expected\s+to)\s+(?:have|possess|demonstrate|show|bring|be)\b|\b(?:must|should)\s+(?:have|possess|be\s+(?:adept|proficient|skilled|familiar|knowledgeable|experienced))\b|\brequires?\s+(?:experience|knowledge|proficiency|expertise|skills?|familiarity)\b|\b(?:skills|proficiency|expertise|knowledge)\s+(?:in|of|with)\b/i;
/** "We are seeking a <role> with experience in ..." */
const SOUGHT_WITH =
  /\b(?:seeking|looking\s+for|hiring|in\s+search\s+of)\b[^.]*?\b(?:with|who\s+(?:has|have|possesses))\s+(?:a\s+(?:focus|specialization|specialisation|background)\s+(?:on|in)|(?:(?:strong|proven|solid|extensive|deep|in-depth|significant)\s+)?(?:experience|expertise|knowledge|proficiency|skills?|background|understanding)\s+(?:in|with|of))\s+/i;
/**
 * Requirements kept per description, in the order read (listed ones first). Real postings have far
 * fewer (the 99th percentile of the RJDB dev descriptions is 24); the cap bounds the work on a
 * pasted document that is not a job description.
 */
const MAX_REQUIREMENTS = 80;
const CERT_CUE = /\b(certified|certification|certificate|licen[cs]ed?|registration|registered)\b/i;

export function parseJobDescription(text: string, dictionary: SkillDictionary): ParsedJob {
  const sections = splitSections<JdSectionKind>(text, classifyHeading, 'summary', 'other');
  const requirements: Requirement[] = [];
  let title = '';

  for (const section of sections) {
    const items = section.lines.map(lineBody).filter((l) => /[\p{L}]/u.test(l.text));
    if (section.kind === 'title') {
      title ||= items[0]?.text ?? '';
      continue;
    }
    if (section.kind === 'summary') {
      // A summary paragraph often asks for skills in passing ("Applicants should have excellent
      // physical stamina, organizational and communication skills"): those sentences are
      // requirements too. Sentences that only describe the company or the work are not.
      for (const item of items) {
        for (const whole of sentencesOf(item.text)) {
          // "We are seeking a Guidewire Developer with a focus on IAM, BOKS and Compliance": the
          // skills after the cue are asked for; the role before it is not a skill.
          const sought = SOUGHT_WITH.exec(whole.text);
          const sentence = sought
            ? { text: whole.text.slice(sought.index + sought[0].length), start: whole.start, end: whole.end }
            : whole;
          if (!sought && !REQUEST_CUE.test(sentence.text)) continue;
          const req = parseRequirement(sentence, 'required', dictionary);
          // Only what reads as a list of skills, or years asked for; a lone clause of prose is
          // more often a description than a requirement.
          if (Array.isArray(req) && req.length >= 2) requirements.push(...req);
          else if (req && !Array.isArray(req) && req.kind === 'experience') requirements.push(req);
        }
      }
      continue;
    }
    if (section.kind === 'duties' || section.kind === 'other') continue;
    for (const item of items) {
      // A paragraph under a requirements heading asks for one thing per sentence.
      for (const part of paragraphSentences(item)) {
        const req = parseRequirement(part, section.kind, dictionary);
        if (req) requirements.push(...[req].flat());
      }
    }
  }

  // Unstructured descriptions (one paragraph, no headings): fall back to the dictionary skills and
  // the sentences that ask for years, so there is still something to check.
  if (requirements.length === 0) {
    for (const sentence of sentencesOf(text)) {
      const req = parseRequirement(sentence, 'required', dictionary, true);
      if (req) requirements.push(...[req].flat());
    }
  }

  // Dictionary skills the description names outside its requirement lists ("experience in
  // socket programming using Node.js") are requirements too.
  const named = new Set(requirements.flatMap((r) => r.skillIds));
  for (const mention of dictionary.find(tokenize(text))) {
    if (named.has(mention.skillId)) continue;
    named.add(mention.skillId);
    const entry = dictionary.skills.get(mention.skillId);
    if (!entry || entry.family === 'general') continue;
    const entryStems = keyStems(entry.label);
    // Already asked for in other words ("1 year as a shift lead" covers "Shift lead").
    if (requirements.some((r) => entryStems.every((st) => r.stems.includes(st)))) continue;
    const context = text.slice(Math.max(0, mention.start - 80), mention.end + 20);
    requirements.push({
      kind: 'skill',
      mustHave: !PREFERRED_CUE.test(context),
      label: entry.label,
      stems: entryStems,
      skillIds: [entry.id],
      skillShare: 1,
    });
  }

  // Acronyms name tools, standards and certifications (SSRS, SOAP, DNS, HIPAA, CDL): each one the
  // description uses and no requirement covers yet becomes a requirement of its own.
  const covered = new Set(requirements.flatMap((r) => r.stems));
  for (const m of text.matchAll(ACRONYM_RE)) {
    const word = m[0];
    // Roman numerals and codes with many digits (job references) are not skills.
    if (NOT_SKILL_ACRONYMS.has(word) || /^[IVX]+$/.test(word) || /\d{3,}/.test(word)) continue;
    const stems = keyStems(word);
    if (stems.length === 0 || stems.some((st) => covered.has(st))) continue;
    for (const st of stems) covered.add(st);
    const context = text.slice(Math.max(0, m.index - 80), m.index + word.length + 20);
    requirements.push({
      kind: 'skill',
      mustHave: !PREFERRED_CUE.test(context),
      label: word,
      stems,
      skillIds: [],
      skillShare: 0,
    });
  }

  if (!title) title = firstLine(text);
  const stems = new Map<string, number>();
  const bigrams = new Set<string>();
  for (const line of splitLines(text)) {
    let previous: string | undefined;
    for (const t of tokenize(line.text)) {
      if (STOP_WORDS.has(t.raw)) continue;
      if (previous !== undefined && !FILLER.has(t.raw) && !FILLER.has(previous)) bigrams.add(`${previous} ${t.stem}`);
      previous = t.stem;
      if (FILLER.has(t.raw) || /^\d+$/.test(t.raw)) continue;
      stems.set(t.stem, (stems.get(t.stem) ?? 0) + 1);
    }
  }
  const titleStems = keyStems(coreTitle(title));
  const location = parseLocation(text);
  const kept = dedupe(requirements)
    .slice(0, MAX_REQUIREMENTS)
    .map((r) =>
      r.kind === 'skill' && r.stems.some((st) => titleStems.includes(st))
        ? { ...r, namesRole: true }
        : r,
    );
  return { title, titleStems, requirements: kept, stems, bigrams, ...(location ? { location } : {}) };
}

function parseRequirement(
  item: Line,
  sectionKind: JdSectionKind,
  dictionary: SkillDictionary,
  unstructured = false,
): Requirement | Requirement[] | undefined {
  const text = item.text.trim();
  const mustHave = sectionKind !== 'preferred' && !asksPreferably(text);
  const tokens = tokenize(text);
  const skillIds = [...new Set(dictionary.find(tokens).map((m) => m.skillId))];
  const years = YEARS_RE.exec(text);

  if (years && (sectionKind === 'experience' || /experience|worked|working|as an?\b|role/i.test(text))) {
    const n = Number(years[1]) || WORD_NUMBERS[(years[1] ?? '').toLowerCase()] || 0;
    const subject = experienceSubject(text, years.index, years.index + years[0].length);
    const stems = keyStems(subject);
    // A long "subject" means the sentence was not parsed into a role or skill: better no
    // requirement than one that nobody can meet.
    if (n > 0 && stems.length > 0 && stems.length <= 8) {
      return {
        kind: 'experience',
        mustHave,
        label: clip(`${n} yrs ${subject}`, 80),
        stems,
        skillIds: [],
        skillShare: 0,
        years: n,
      };
    }
  }

  for (const [re, level] of DEGREE_LEVELS) {
    if (re.test(text) && (sectionKind === 'education' || /degree|diploma|graduate|education/i.test(text))) {
      return {
        kind: 'education',
        mustHave,
        label: DEGREE_NAMES[level] ?? 'Degree',
        stems: keyStems(text),
        skillIds,
        skillShare: 0,
        degreeLevel: level,
      };
    }
  }

  if (unstructured) {
    // One requirement per named skill; the same skill named in several sentences counts once.
    return skillIds.map((id) => {
      const label = dictionary.skills.get(id)?.label ?? id;
      return { kind: 'skill', mustHave, label, stems: keyStems(label), skillIds: [id], skillShare: 1 };
    });
  }

  // An intro line ("The candidate should have the following:") is not a requirement.
  if (/:\s*$/.test(text)) return undefined;
  const kind: RequirementKind = CERT_CUE.test(text) ? 'certification' : 'skill';
  const parts = splitSkillList(text);
  // "Capacity to spot tendencies over time (Monitoring)": a closing parenthesis names the skill.
  const named = namedInParentheses(text);
  if (named && !parts.some((p) => p.toLowerCase() === named.toLowerCase())) parts.push(named);
  const reqs = parts
    .map((label) => skillRequirement(label, kind, mustHave, dictionary))
    .filter((r): r is Requirement => r !== undefined);
  return reqs.length > 0 ? reqs : undefined;
}

function skillRequirement(
  label: string,
  kind: RequirementKind,
  mustHave: boolean,
  dictionary: SkillDictionary,
): Requirement | undefined {
  if (NOT_A_SKILL.test(label.trim())) return undefined;
  const stems = keyStems(label);
  // The label names the skill; the rest of the item only describes it.
  const labelTokens = tokenize(label);
  const mentions = dictionary.find(labelTokens);
  const labelSkills = [...new Set(mentions.map((m) => m.skillId))];
  if (stems.length === 0 && labelSkills.length === 0) return undefined;
  const pair = abbreviationPair(label);
  const alternatives = pair?.alternatives;
  // A name given with its abbreviation ("Master Data Management (MDM)") is a fixed name, like an
  // acronym: "managed data governance" has two of its words but is not the skill.
  const keyTerms = [
    ...new Set([...acronymStems(label), ...technicalStems(labelTokens), ...(pair?.names ?? [])]),
  ].filter((st) => stems.includes(st));
  const tools = toolStems(label, labelTokens).filter((st) => stems.includes(st));
  return {
    kind,
    mustHave,
    label: clip(label, 60),
    stems,
    skillIds: labelSkills,
    skillShare: skillShareOf(stems, labelTokens, mentions),
    // Only when the label has other words (a bare acronym is its own evidence), or two names.
    ...(keyTerms.length > 0 && (keyTerms.length < stems.length || alternatives) ? { keyTerms } : {}),
    ...(tools.length > 0 && tools.length < stems.length ? { tools } : {}),
    ...(alternatives ? { alternatives } : {}),
  };
}

/**
 * One requirement per skill: "Conversant with Jboss, Linux, and Greenplum" and "core skills:
 * Confidentiality, Basic IT Skills, Initiative" are lists, each entry checked on its own. A
 * sentence whose parts are not short noun phrases stays one requirement.
 */
function splitSkillList(text: string): string[] {
  const colon = /^([^:]{2,120}):\s+(\S.*)$/.exec(text);
  const head = colon?.[1] ?? '';
  // "Customer Service: Experience in helping clients" names one skill; "Applicants should possess
  // the following skills: Linux, Solaris" introduces a list.
  const intro = INTRO_CUE.test(head);
  if (colon && !intro && head.split(/\s+/).length <= 6) return [skillLabel(text)];
  // Strip the framing before splitting: cutting the whole sentence to one clause first would keep
  // only the first entry of a long list.
  const body = stripFraming(colon ? (colon[2] ?? '') : text);
  const parts = body
    // A parenthesis may hold separators of its own; an abbreviation of the words before it ("SQL
    // Server, Windows Presentation Foundation (WPF)") stays with its entry, as its other name.
    .replace(/\s*\((.*?)\)\s*/g, (whole, inner: string, at: number) =>
      keepsAbbreviation(body.slice(0, at + whole.trimEnd().length).trim(), inner) ? `${whole.trimEnd()} ` : ' ',
    )
    .split(/\s*(?:,|;|\/|\||\band\b|\bor\b|&|\betc\b\.?)\s*/i)
    .map((p) => skillLabel(p.replace(/^(?:such as|like|including|e\.g\.?|especially)\s+/i, '').trim()))
    .filter((p) => /[\p{L}]/u.test(p));
  const shortParts = parts.filter((p) => p.split(/\s+/).length <= 4).length;
  // A list of short noun phrases, allowing one longer entry in a list of four or more.
  const list =
    parts.length >= 2 && (shortParts === parts.length || (parts.length >= 4 && shortParts >= parts.length - 1));
  return list ? parts : [skillLabel(colon && !intro ? body : text)];
}

/**
 * Whether "(WPF)" at the end of `text` abbreviates the words just before it, and those words stay in
 * one list entry ("National Institute of Standards and Technology (NIST)" is split at its "and").
 */
function keepsAbbreviation(text: string, inner: string): boolean {
  if (!/^[A-Z0-9]{2,8}s?$/.test(inner)) return false;
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(text);
  const expansion = m?.[1] && m[2] ? abbreviatedWords(m[1].split(/\s+/), m[2]) : undefined;
  return expansion !== undefined && !/[,;/|&]|\b(?:and|or)\b/i.test(expansion.join(' '));
}

/**
 * List entries that name no skill: a lone adverb ("efficiently") or connective ("Furthermore, the
 * candidate ..." split at its comma), a lone verb of doing the work
 * ("implementing", "responsible" from "planning, implementing and maintaining ..."), or a phrase
 * about something already named ("its application").
 */
const NOT_A_SKILL =
  /^(?:\w+(?:ally|ently|antly|ously|ively|ately|fully|ectly|ickly)|furthermore|moreover|also|however|therefore|thus|hence|besides|likewise|meanwhile|nonetheless|nevertheless|overall|lastly|(?:first|second|third)ly|in addition|implement(?:ing)?|maintain(?:ing)?|prepar(?:e|ing)|ensur(?:e|ing)|provid(?:e|ing)|responsible|undertak(?:e|ing)|identify(?:ing)?|conduct(?:ing)?|perform(?:ing)?|execut(?:e|ing)|deliver(?:ing)?|assist(?:ing)?|creat(?:e|ing)|modify(?:ing)?|setting|processes|(?:its|their|his|her|our|your|this|these|those|such)\b.*)$/i;

/** A heading that introduces a list rather than naming a skill. */
const INTRO_CUE = /\b(?:following|includ\w*|such as|should|must|possess\w*|requir\w*|need\w*|looking for)\b/i;

const LEADING_FRAME =
  /^(?:and\s+|(?:the\s+)?(?:ideal\s+|successful\s+|desirable\s+|selected\s+|potential\s+|prospective\s+)?(?:candidates?|applicants?|you)\s+(?:will|should|must|shall|to)\s+(?:have|possess|demonstrate|show|be)\s+|(?:must|should)\s+(?:have|be|possess|demonstrate)\s+|(?:demonstrate|demonstrated|possess|possesses|have|has|show|bring)\s+|(?:the\s+)?(?:ability|capacity|willingness)\s+to\s+|(?:a\s+)?(?:strong|excellent|good|solid|basic|advanced|demonstrated|proven|effective|substantial|exceptional|outstanding|superior|keen|deep|thorough|sound|working|in-depth|high|great|considerable|extensive|comprehensive|robust|sharp|profound|remarkable|sufficient|adequate|impeccable|sensible|unrelenting|firm)\s+|(?:a\s+)?(?:foundation|grounding|footing)\s+(?:in|with|of)\s+|(?:well-versed|versed|capable|aware|preferably)\s+(?:in|with|of|at)\s+|(?:exhibit|exhibits|display|displays|boasts?)\s+|(?:proficiency|proficient|experience|experienced|knowledge|knowledgeable|understanding|familiarity|familiar|expertise|skilled|competence|competency|competent|capability|efficiency|efficient|effectiveness|conversant|background|talent|adept|versatility|mastery|expert|fluency|fluent|command|grasp|qualification|hands-on experience)\s+(?:in|with|of|at|on|using|to)?\s*|(?:skills?|abilities)\s+(?:in|with|of)\s+|(?:utilizing|using|usage\s+of|use\s+of|configuring|demonstrating|manipulating|leveraging|applying|applies|(?:a\s+)?level\s+of|skill\s*set\s+in|know-how\s+(?:with|in|of)|interest\s+in|work(?:ing)?\s+with|excel\s+in)\s+)/i;

/** Removes the words that frame a requirement ("The ideal candidate should have strong ..."). */
function stripFraming(text: string): string {
  let label = text.replace(/[.;]+$/, '');
  for (let i = 0; i < 4; i++) {
    const next = label.replace(LEADING_FRAME, '');
    if (next === label) break;
    label = next;
  }
  return label;
}

/** "Customer Service: Experience in helping clients" -> "Customer Service"; strips framing words. */
function skillLabel(text: string): string {
  const colon = /^([^:]{2,60}):\s+\S/.exec(text);
  if (colon && (colon[1] ?? '').split(/\s+/).length <= 6) return (colon[1] ?? '').trim();
  let label = stripFraming(text);
  label = label.replace(/\s+(?:skills?|abilities|capabilities|knowledge|experience|proficiency)$/i, '');
  // The skill is the noun phrase; what follows describes its use ("physical fitness to manage
  // equipment", "NoSQL databases like Mongo", "SSL is demanded").
  const core = label
    .replace(
      /\s+(?:to(?!\s+details?\b)|for|like|such as|is|are|was|that|which|who|particularly|especially|with respect|in order|when|while|by|so that|as well as|along with|across|within|using|via)\b.*$/i,
      '',
    )
    .replace(/^(?:the|an?|any|all)\s+/i, '');
  if (keyStems(core).length > 0) label = core;
  // Keep the first clause of long sentences: it usually names the skill.
  const words = label.split(/\s+/);
  if (words.length > 8)
    label = (label.split(/[,;(]|\s[–—-]\s|\sand\s(?=to\b)/)[0] ?? label).split(/\s+/).slice(0, 8).join(' ');
  return label.trim();
}

function experienceSubject(text: string, yStart: number, yEnd: number): string {
  const after = text.slice(yEnd);
  const before = text.slice(0, yStart);
  const patterns = [
    /\brole\s+of\s+(?:an?\s+|the\s+)?(.+)$/i,
    /\b(?:working\s+as|worked\s+as|experience\s+as|as)\s+(?:an?\s+|the\s+)?(.+)$/i,
    /\bin\s+(?:an?\s+|the\s+)?(.+?)\s+(?:role|position|capacity)\b/i,
    /\b(?:experience|background)\s+(?:in|with|of)\s+(.+)$/i,
    /\b(?:of|in|with)\s+(?:an?\s+|the\s+)?(.+)$/i,
  ];
  for (const source of [after, before]) {
    for (const re of patterns) {
      const m = re.exec(source);
      if (m?.[1]) {
        const subject = m[1]
          .replace(/\s+(?:for|during|over|within)\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|five).*$/i, '')
          .replace(/\s+(?:role|position)\b.*$/i, '')
          .replace(/\s+(?:in|at)\s+(?:an?|the)\s+.*$/i, '')
          .replace(/\s+(?:with|who|that|which|including|within|where|in order)\b.*$|\s*[,;(].*$/i, '')
          .replace(
            /\s+(?:is|are)\s+(?:necessary|required|needed|essential|preferred|a must|significant|important|desired|mandatory|a plus).*$/i,
            '',
          )
          .replace(/^(?:a\s+)?(?:preference|preferance)\s+for\s+/i, '')
          .replace(/\s+(?:experience|background)$/i, '')
          .replace(/\s+(?:for|of|with|over)\s*(?:at\s+least|a\s+minimum\s+of|minimum|more\s+than)?\s*$/i, '')
          .replace(/[.;,]+$/, '')
          .replace(/(?:\s+(?:in|for|at|with|of|on)(?:\s+(?:an?|the))?)+\s*$/i, '')
          .trim();
        if (keyStems(subject).length > 0) return subject;
      }
    }
  }
  return (after || before).replace(/[.;,]+$/, '').trim();
}

/** Words in job titles that say nothing about the work: seniority, contract, place, urgency. */
const TITLE_NOISE =
  /\b(?:junior|jr|senior|sr|mid|level|entry|lead|principal|staff|remote|hybrid|onsite|on-site|full[- ]time|part[- ]time|contract|temp|temporary|permanent|urgent|immediate|hiring|needed|wanted|f2f|w2|c2c|downtown|locals?|only|ii|iii|iv)\b/gi;

/** The part of a job title that names the work: "Senior Java Developer (Remote, $90K)" -> "Java Developer". */
export function coreTitle(title: string): string {
  const core = title
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\$[\d,.]+k?(?:\s*-\s*\$?[\d,.]+k?)?/gi, ' ')
    .replace(TITLE_NOISE, ' ')
    .split(/\s[-–—|]\s|,/)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  return core && keyStems(core).length > 0 ? core : title;
}

/**
 * "Full Software Development Life Cycle (SDLC)" and "Oracle RAC (Real Application Clusters)" give
 * two names for one skill: `alternatives` are the stems with the parenthesis, and with the words it
 * abbreviates (or expands) replaced by it; `names` are the stems of the abbreviation and of the
 * words it stands for (not "Full", not "Oracle").
 */
function abbreviationPair(label: string): { alternatives: string[][]; names: string[] } | undefined {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(label);
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
function abbreviatedWords(outside: readonly string[], abbreviation: string): string[] | undefined {
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
 * Words written the way only technology names are ("C#.NET", "Node.js", "C++"): like an acronym,
 * such a word names the skill, and the words around it describe its use. (Not versions: "12c".)
 */
function technicalStems(tokens: readonly Token[]): string[] {
  return tokens
    .filter((t) => /[#+.]/.test(t.raw.slice(1)))
    .map((t) => t.stem);
}

/**
 * The tools a requirement names, standing alone ("capable of running SQL processes", "programming
 * concepts of AJAX", "c#.net applications development"): not an abbreviation that is one word of a
 * longer name ("Angular JS", "Contract W2", "UX Design Engineer").
 */
function toolStems(label: string, tokens: readonly Token[]): string[] {
  const spans = [...label.matchAll(ACRONYM_RE), ...label.matchAll(SHORT_ACRONYM_RE)]
    .filter((m) => !NOT_SKILL_ACRONYMS.has(m[0]) && !/^[IVX]+$/.test(m[0]))
    .map((m) => [m.index, m.index + m[0].length] as const);
  for (const t of tokens) if (/[#+.]/.test(t.raw.slice(1))) spans.push([t.start, t.end]);
  const out: string[] = [];
  for (const [start, end] of spans) {
    if (/[A-Z][\w.#+-]*\s+$/.test(label.slice(0, start)) || /^\s+[A-Z]/.test(label.slice(end))) continue;
    for (const st of keyStems(label.slice(start, end))) if (!out.includes(st)) out.push(st);
  }
  return out;
}

/** Two-letter abbreviations in a requirement's name ("BI & SSIS", "QA testing"), not English words. */
const SHORT_ACRONYM_RE = /(?<![\p{L}\p{N}.#+])(?!(?:OF|IN|ON|AT|TO|OR|AN|AS|BY|IS|IT|BE|DO|GO|IF|NO|SO|UP|US|WE|HE|ME|MY|AM|PM)\b)[A-Z][A-Z0-9](?![\p{L}\p{N}])/gu;

function acronymStems(text: string): string[] {
  const out: string[] = [];
  for (const m of [...text.matchAll(ACRONYM_RE), ...text.matchAll(SHORT_ACRONYM_RE)]) {
    if (NOT_SKILL_ACRONYMS.has(m[0]) || /^[IVX]+$/.test(m[0])) continue;
    for (const st of keyStems(m[0])) if (!out.includes(st)) out.push(st);
  }
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

function keyStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (STOP_WORDS.has(t.raw) || LABEL_FILLER.has(t.raw) || /^\d+$/.test(t.raw)) continue;
    if (!out.includes(t.stem)) out.push(t.stem);
  }
  return out;
}

/**
 * The skill a requirement names in a closing parenthesis: one to four capitalised words
 * ("(Manual Dexterity)"), neither an acronym's expansion ("Oracle RAC (Real Application Clusters)")
 * nor an abbreviation ("(SDLC)"), which name the same skill as the words before them.
 */
function namedInParentheses(text: string): string | undefined {
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

/** The sentences of a multi-sentence item ("... is mandatory. We require ..."), or the item itself. */
function paragraphSentences(item: Line): Line[] {
  const parts: Line[] = [];
  let start = 0;
  for (const m of item.text.matchAll(/[.!?]\s+(?=[A-Z])/g)) {
    const end = m.index + 1;
    // "e.g. Python", "Sr. Engineer", "B.S. Degree": a short word before the dot is no sentence end.
    if (/(?:^|\s)(?:\w|\w\.\w|e\.g|i\.e|etc|sr|jr|mr|ms|dr|vs|no|inc|ltd|approx)$/i.test(item.text.slice(start, m.index))) continue;
    parts.push({ text: item.text.slice(start, end), start: item.start + start, end: item.start + end });
    start = m.index + m[0].length;
  }
  if (parts.length === 0) return [item];
  parts.push({ text: item.text.slice(start), start: item.start + start, end: item.end });
  return parts.filter((p) => /[\p{L}]/u.test(p.text));
}

function sentencesOf(text: string): Line[] {
  const out: Line[] = [];
  for (const m of text.matchAll(/[^.!?;\n•]+[.!?;]?/g)) {
    if (/[\p{L}]/u.test(m[0])) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function parseLocation(text: string): { remote: boolean; text: string } | undefined {
  const m = /^\s*(?:[*_#-]*\s*)?(?:location|based in|work location)\s*[*_]*\s*:\s*(.+)$/im.exec(text);
  const remote = /\b(remote|work from home|wfh|distributed team|anywhere)\b/i.test(text);
  if (m?.[1]) return { remote, text: clip(m[1].trim(), 80) };
  return remote ? { remote, text: 'Remote' } : undefined;
}

function firstLine(text: string): string {
  for (const l of splitLines(text)) {
    const t = lineBody(l).text.trim();
    if (t) return clip(t, 80);
  }
  return '';
}

function dedupe(reqs: Requirement[]): Requirement[] {
  const seen = new Set<string>();
  const keyOf = (r: Requirement, stems: readonly string[]) => `${r.kind}|${[...stems].sort().join(' ')}|${r.skillIds.join(' ')}`;
  return reqs.filter((r) => {
    // "Object Oriented Design (OOD)" and a later "object-oriented design" ask for one skill.
    const keys = [keyOf(r, r.stems), ...(r.alternatives ?? []).map((alt) => keyOf(r, alt))];
    if (keys.some((k) => seen.has(k))) return false;
    for (const k of keys) seen.add(k);
    return true;
  });
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
