// Where a resume writes a role's title: before its dates ("Java Developer, Acme (2019 - 2023)"), after
// them ("2019 - 2023: Nurse, City Hospital"), or on the lines above ("Senior Software Engineer" over
// "Acme Corp | Jan 2019 - Present", and LinkedIn's title / employer / dates lines).
import { BULLET } from './lines.ts';

/**
 * Nouns that head a job title ("Registered Nurse", "Store Manager", "VP of Sales"). Words that are
 * also common surnames (Baker, Porter, Mason, Head) are left out: the redactor uses this list to tell
 * a title line from a name line.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  (
    'nurse engineer developer manager assistant associate analyst specialist technician driver clerk cashier '
    + 'lead supervisor director officer consultant designer administrator coordinator representative agent '
    + 'operator worker teacher accountant architect programmer scientist executive intern trainee apprentice '
    + 'mechanic electrician welder carpenter chef cook server barista bartender caregiver therapist pharmacist '
    + 'recruiter writer editor researcher instructor tutor professor lecturer attorney lawyer paralegal '
    + 'physician dentist hygienist technologist tester strategist planner merchandiser controller auditor '
    + 'bookkeeper advisor adviser counselor counsellor librarian producer photographer animator receptionist '
    + 'secretary housekeeper janitor custodian paramedic founder cofounder president vp cto ceo cfo coo cio '
    + 'investigator inspector estimator surveyor dispatcher courier picker packer stocker attendant '
    + 'practitioner midwife surgeon radiographer veterinarian psychologist economist statistician actuary '
    + 'underwriter broker member owner'
  ).split(' '),
);

/** Whether a text names a role: one of its words is a role noun ("Senior Software Engineer", not "Acme Corp"). */
export function namesRole(text: string): boolean {
  return text.toLowerCase().split(/[^a-z]+/).some((w) => ROLE_NOUNS.has(w) || (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))));
}

/** "Managed a team of 5 engineers", "Led the nursing staff": a line of work done, though it names a role. */
const DUTY_START =
  /^\s*(?:\p{L}+ed|led|built|ran|wrote|made|drove|grew|kept|held|took|gave|won|sold|taught|brought|oversaw)\b/iu;
/** "Registered Nurse", "Distinguished Engineer": titles that start like a line of work done. */
const TITLE_START = /^\s*(?:registered|certified|licensed|qualified|chartered|accredited|advanced|distinguished)\b/i;

/** Whether a line without dates names a role someone held: a role noun, and no account of work done. */
function namesRoleHeld(text: string): boolean {
  return namesRole(text) && (!DUTY_START.test(text) || TITLE_START.test(text));
}

const ROLE_PREFIX =
  /^(?:role|position|title|job title|worked as|working as|work as|served as|employed as)\s*[:-]?\s*(?:an?\s+)?/i;
/** What separates the dates from a title written after them: "2019 - 2023: Nurse", "(2016 - 2020) as a". */
const AFTER_DATES = /^[\s),:：]*(?:[–—-]\s+)?(?:as\s+)?/i;
/** How long the role lasted, written after its dates: "(8 years)", "· 8 yrs 11 mos", "| 5+ years". */
const DURATION =
  /^[\s(|·•,–—-]*\d+\+?\s*(?:years?|yrs?|months?|mos?)\b(?:[\s,]*(?:and\s+)?\d+\s*(?:months?|mos?)\b)?[\s)]*/i;
/** Where a title written after the dates ends: the description starts after it ("2014 - 2017: Worked
 * as a Help Desk Technician working nights", "2022 - 2023: Logistician at ProLogistics"). */
const TITLE_END = /[:;]|\.(?:\s|$)|,\s|\s[–—-]\s|\s(?:wherein|where|which|who|responsible|working|handling|managing|at|in|for|with|on|to)\s/i;
/** "2014 - 2017: Worked as a Help Desk Technician": a title after the dates that says it is one. */
export const INTRODUCED_TITLE = /^[\s),:：]*(?:[–—-]\s+)?(?:as\s|(?:worked|working|work|served|employed)\s+as\b|(?:role|position|title)\s*:)/i;
/** "Two years experience (2013 - 2015) as a Data Architect II": the role is named after the dates. */
const AS_TITLE = /^[\s),]*as\s+(?:an?|the)\s+\S/i;

/** The title written after a role's dates, and where it starts in the text after them. */
function titleAfterDates(after: string): { offset: number; text: string } {
  const duration = DURATION.exec(after)?.[0].length ?? 0;
  const offset = duration + (AFTER_DATES.exec(after.slice(duration))?.[0].length ?? 0);
  const rest = after.slice(offset);
  const end = rest.search(TITLE_END);
  return { offset, text: end < 0 ? rest : rest.slice(0, end) };
}

/** Whether the text before a line's dates is the title (else it is written after them). */
function titledBeforeDates(text: string, cutStart: number, cutEnd: number): boolean {
  return /[\p{L}]/u.test(text.slice(0, cutStart)) && !AS_TITLE.test(text.slice(cutEnd));
}

/**
 * Where the role's title ends on a dated line (offsets in the line): the dates close a title written
 * before them ("Salesforce Developer (2019 - 2023): built ..."); a title after the dates ends where
 * the description starts ("2019 - 2023: Nurse, City Hospital. Cared for ...").
 */
export function titleSpanEnd(text: string, cutStart: number, cutEnd: number): number {
  if (titledBeforeDates(text, cutStart, cutEnd)) return cutEnd;
  const title = titleAfterDates(text.slice(cutEnd));
  return cutEnd + title.offset + title.text.length;
}

/** The role's title on a line whose dates run from `cutStart` to `cutEnd`. */
export function roleTitle(text: string, cutStart: number, cutEnd: number): string {
  // Usually the title precedes the dates; "2019 - 2023: Nurse, City Hospital" and "Four years
  // (2016 - 2020) as a Java Developer" put it after. After the dates, the title ends where the
  // description starts.
  const before = titledBeforeDates(text, cutStart, cutEnd);
  return cleanTitle(before ? text.slice(0, cutStart) : titleAfterDates(text.slice(cutEnd)).text);
}

/** "Position: Store Manager", "**Company:** Northwind": a resume's field labels, which name no role. */
const FIELD_LABEL = new RegExp(
  '^[\\s*_]*(?:position|job\\s+title|title|role|designation|(?:company|employer|organi[sz]ation)(?:\\s+name)?|client|location)'
  + '[\\s*_]*[:\\-–—][\\s*_]*',
  'i',
);

/** The title a short line above the dates gives, whole ("Software Development Engineer in Test"). */
export function headerTitle(text: string): string {
  return cleanTitle(text.replace(FIELD_LABEL, ''));
}

/** The title any other line right above the dates gives: up to where a description would start. */
export function lineTitle(text: string): string {
  return cleanTitle(titleAfterDates(text.replace(FIELD_LABEL, '')).text);
}

/** "Years: 2015 - 2017", "Years of service:", "Company: (2017 - 2021)": labels, not a title. */
const LABEL_ONLY =
  /^(?:(?:years?|dates?|time|period|duration|tenure|from|to|experience|employment|service|of|company|employer|name)\s*)+$/i;

function cleanTitle(text: string): string {
  let title = text
    .replace(ROLE_PREFIX, '')
    .replace(/\bfrom\s*$/i, '')
    .replace(/^[\s"“”'*_:,|()[\]–—-]+/u, '')
    .replace(/[\s"“”'*_:,|([\]–—.-]+$/u, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  // A closing bracket stays when it closes what the title opened ("Developer (Core Java)"); an
  // unclosed one ends the title ("Senior Developer (Contract" before ", 2019 - 2023)").
  const open = (title.match(/\(/g) ?? []).length;
  const closed = (title.match(/\)/g) ?? []).length;
  if (closed > open) title = title.replace(/[\s)]+$/, '');
  else if (open > closed) title = title.replace(/\s*\([^()]*$/, '');
  return LABEL_ONLY.test(title) ? '' : title;
}

/** "8 years 11 months": LinkedIn's line of time spent at an employer, above its roles. */
const DURATION_LINE = /^\d+\+?\s*(?:years?|yrs?|months?|mos?)\b(?:\s+\d+\s*(?:months?|mos?)\b)?$/i;

/** "Acme Ltd.", "Globex Inc.": an employer's name may end in a full stop that ends no sentence. */
const COMPANY_ABBREVIATION = /\b(?:inc|ltd|corp|co|llc|plc|gmbh|pty|bv|ag|sa)\.$/i;

/**
 * A line that could name a role or its employer: short, no bullet, no sentence, not a duration. A
 * line that names a role may be longer ("Junior Desktop Engineer / Systems Administrator at ...").
 */
export function titleLikeLine(raw: string, text: string, maxWords = 8): boolean {
  const trimmed = text.trim();
  // "Systems Engineer - Performance Bonuses!" is a title yet; a full stop ends a sentence of description.
  const sentenceEnd = /[.?;:]$/.test(trimmed) && !COMPANY_ABBREVIATION.test(trimmed);
  return !BULLET.test(raw) && !sentenceEnd && trimmed.split(/\s+/).length <= maxWords && !DURATION_LINE.test(trimmed);
}

/** The most words a line naming a role may have and still be read as a title. */
const ROLE_LINE_WORDS = 12;

/**
 * A line that is a role's title by what it says, wherever it stands: short, no bullet or sentence,
 * naming a role someone held ("Backend Engineer, Shopify", not "Managed a team of 5 engineers").
 */
export function roleLine(raw: string, text: string): boolean {
  return titleLikeLine(raw, text, ROLE_LINE_WORDS) && namesRoleHeld(text);
}

/**
 * The parts of a title written on separate lines, joined: the part that names a role comes first
 * ("Store Manager, Northwind Traders" from "Northwind Traders" over "2019 - 2023: Store Manager"), so
 * a reason quoting the role's title names the role, not the employer. Written order otherwise.
 */
export function joinTitleParts(parts: readonly string[]): string {
  const present = parts.filter((p) => p);
  const naming = present.filter(namesRole);
  const ordered = naming.length === 1 ? [...naming, ...present.filter((p) => !naming.includes(p))] : present;
  return ordered.join(', ');
}
