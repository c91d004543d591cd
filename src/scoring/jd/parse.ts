import type { SkillDictionary } from '../skills/dictionary.ts';
import { type Line, lineBody, splitLines } from '../text/lines.ts';
import { STOP_WORDS, tokenize } from '../text/tokenize.ts';
import { splitClauses } from './clauses.ts';
import { clip, coreTitle } from './labels.ts';
import { PREFERENCE_CUE, readRequirement } from './phrases.ts';
import { classifySentence, isLegal, type JdSection, sentencesOf, splitJobSections } from './sections.ts';
import { FILLER, keyStems, termOf } from './terms.ts';
import type { ParsedJob, Requirement, RequirementRule, RequirementTerm } from './types.ts';

/**
 * Requirements kept per description, in the order read. Real postings have far fewer; the cap
 * bounds the work on a pasted document that is not a job description.
 */
const MAX_REQUIREMENTS = 40;

/**
 * Reads a job description the way a recruiter does: the requirements and nice-to-have sections
 * make requirements; elsewhere only sentences that ask something of the candidate do; the company
 * blurb, benefits and equal-opportunity text never do (see sections.ts, phrases.ts).
 */
export function parseJobDescription(text: string, dictionary: SkillDictionary): ParsedJob {
  const sections = splitJobSections(text);
  const requirements: Requirement[] = [];
  const context: Line[] = [];
  let title = '';
  // A description with a requirements section says there what it asks: its other prose describes the
  // role ("The candidate will be focused on ...") and adds context words; cue phrases decide only
  // where there is no such section. A nice-to-have section alone does not count: the must-haves are
  // then still in the prose.
  const hasRequirements = sections.some((s) => s.kind === 'required');

  for (const section of sections) {
    if (section.kind === 'title') {
      title ||= section.items[0]?.text ?? '';
      continue;
    }
    if (section.kind === 'company' || section.kind === 'benefits' || section.kind === 'legal') continue;
    if (section.kind === 'duties') {
      context.push(...section.items);
      continue;
    }
    if (hasRequirements && section.kind !== 'required' && section.kind !== 'preferred') context.push(...section.items);
    else readSection(section, dictionary, requirements, context);
  }

  // No headings and no sentence that asks for anything: the skills the description names are all
  // there is to check.
  if (requirements.length === 0) {
    const named = new Set<string>();
    for (const line of context) {
      for (const mention of dictionary.find(tokenize(line.text))) {
        const entry = dictionary.skills.get(mention.skillId);
        if (!entry || entry.family === 'general' || named.has(entry.id)) continue;
        named.add(entry.id);
        const term = termOf(entry.label, dictionary);
        if (!term) continue;
        requirements.push({
          kind: 'skill',
          mustHave: true,
          label: entry.label,
          rule: 'skill named in an unstructured description',
          groups: [[{ ...term, skillIds: [entry.id], skillShare: 1 }]],
          stems: term.stems,
          skillIds: [entry.id],
        });
      }
    }
  }

  if (!title) title = firstLine(text);
  const core = coreTitle(title);
  const titleStems = keyStems(core);
  const stems = new Map<string, number>();
  const bigrams = new Set<string>();
  countContentStems(title, stems, bigrams);
  for (const line of context) countContentStems(line.text, stems, bigrams);
  const titleTerm = termOf(core, dictionary);
  const kept = dedupe(requirements)
    .slice(0, MAX_REQUIREMENTS)
    .map((r) => withTitle(r, titleStems, titleTerm));
  const location = parseLocation(text);
  return { title, titleStems, requirements: kept, stems, bigrams, ...(location ? { location } : {}) };
}

/** Adds a line's content stems (not filler words or bare numbers) to `stems`, and its adjacent pairs to `bigrams`. */
function countContentStems(text: string, stems: Map<string, number>, bigrams: Set<string>): void {
  let previous: string | undefined;
  for (const t of tokenize(text)) {
    if (STOP_WORDS.has(t.raw)) continue;
    const filler = FILLER.has(t.raw);
    // FILLER holds words and `previous` is a stem, so a filler word whose stem differs still starts a pair.
    if (previous !== undefined && !filler && !FILLER.has(previous)) bigrams.add(`${previous} ${t.stem}`);
    previous = t.stem;
    if (filler || (t.raw.charCodeAt(0) <= 57 && ALL_DIGITS.test(t.raw))) continue;
    stems.set(t.stem, (stems.get(t.stem) ?? 0) + 1);
  }
}

const ALL_DIGITS = /^\d+$/;

function readSection(
  section: JdSection,
  dictionary: SkillDictionary,
  requirements: Requirement[],
  context: Line[],
): void {
  const listed = section.kind === 'required' || section.kind === 'preferred';
  const mustHave = section.kind !== 'preferred';
  const rule: RequirementRule = !listed ? 'cue phrase' : mustHave ? 'requirements section' : 'nice-to-have section';
  for (const item of section.items) {
    if (listed && item.bullet) {
      // A list entry is one requirement (several only when separated by semicolons).
      if (isLegal(item.text)) continue;
      context.push(item);
      // Splitting with a pattern costs more than reading most entries' one part: split only at a ';'.
      const parts = item.text.includes(';') ? item.text.split(/;\s+/) : [item.text];
      for (const part of parts) requirements.push(...readRequirement(part, { mustHave, rule, dictionary }));
      continue;
    }
    for (const sentence of sentencesOf(item)) {
      const kind = classifySentence(sentence.text);
      if (kind === 'legal' || kind === 'benefits' || kind === 'company') continue;
      context.push(sentence);
      // Outside a requirements section, only a sentence that asks something of the candidate makes
      // requirements; in one, every sentence that is not a perk, the company or legal text does.
      if (kind !== 'request' && !listed) continue;
      // "Experience with Ashby or Greenhouse, or with technical recruiting, is a plus": the whole
      // sentence is optional, unless it also says what is required.
      const optional = PREFERENCE_CUE.test(sentence.text) && !/\b(?:must|required|requires?)\b/i.test(sentence.text);
      const sentenceRule: RequirementRule = optional ? 'preference phrase' : rule;
      for (const clause of splitClauses(sentence.text)) {
        const read = readRequirement(clause, { mustHave: mustHave && !optional, rule: sentenceRule, dictionary });
        requirements.push(...read);
      }
    }
  }
}

/** Terms that share words with the job's title name the role; experience asked for in general is experience in it. */
function withTitle(r: Requirement, titleStems: readonly string[], titleTerm: Requirement['groups'][number][number] | undefined): Requirement {
  if (r.kind === 'experience' && r.groups.length === 0 && titleTerm) return { ...r, groups: [[titleTerm]], stems: titleTerm.stems };
  const namesTitle = (t: RequirementTerm) => t.stems.some((st) => titleStems.includes(st));
  if (r.kind !== 'skill' || !r.groups.some((g) => g.some(namesTitle))) return r;
  return {
    ...r,
    groups: r.groups.map((g) => g.map((t) => (namesTitle(t) ? { ...t, namesRole: true } : t))),
  };
}

function dedupe(reqs: Requirement[]): Requirement[] {
  const seen = new Map<string, number>();
  const out: Requirement[] = [];
  for (const r of reqs) {
    const key = `${r.kind}|${[...r.stems].sort().join(' ')}|${r.years ?? ''}|${r.degreeLevel ?? ''}`;
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(r);
    } else if (r.mustHave && !out[at]!.mustHave) out[at] = r;
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
