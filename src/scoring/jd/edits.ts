import type { SkillDictionary } from '../skills/dictionary.ts';
import { coreTitle } from './labels.ts';
import { readRequirement } from './phrases.ts';
import { termOf } from './terms.ts';
import type { ParsedJob, Requirement } from './types.ts';

/**
 * A person's correction to the requirements Skima read from a job description. Edits name a parsed
 * requirement by its label, so they survive a re-parse of the same description and, where the label
 * is still there, of a changed one.
 */
export type RequirementEdit =
  /** Mark a parsed requirement must-have or nice-to-have, or weight it as essential. */
  | { readonly op: 'set'; readonly label: string; readonly mustHave?: boolean; readonly essential?: boolean }
  /** Drop a parsed requirement: it is never counted, nor listed as missing. */
  | { readonly op: 'remove'; readonly label: string }
  /** A requirement the description does not state ("Kubernetes", "5+ years of Go"), read like a parsed
   * one; `terms` (any of them meets it) when the label alone does not name what evidences it. */
  | {
    readonly op: 'add';
    readonly label: string;
    readonly mustHave: boolean;
    readonly essential?: boolean;
    readonly terms?: readonly string[];
  };

export interface EditedJob {
  readonly job: ParsedJob;
  /** Edits naming a requirement the description no longer has (it changed since the edit). */
  readonly unmatched: readonly RequirementEdit[];
}

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The job with a person's edits applied, in order (a later edit of the same requirement wins). An
 * essential requirement is a must-have; a requirement made nice-to-have is not essential. An added
 * requirement whose words name nothing the scorer can look for is kept, with its own words as its
 * only term, so it is still counted (and listed as missing) rather than silently dropped.
 */
export function applyRequirementEdits(
  job: ParsedJob,
  edits: readonly RequirementEdit[],
  dictionary: SkillDictionary,
): EditedJob {
  let requirements: Requirement[] = [...job.requirements];
  const unmatched: RequirementEdit[] = [];
  for (const edit of edits) {
    if (edit.op === 'add') {
      const added = addedRequirement(edit, job.title, dictionary);
      requirements = requirements.filter((r) => !sameLabel(r.label, edit.label));
      if (added) requirements.push(added);
      else unmatched.push(edit);
      continue;
    }
    if (!requirements.some((r) => sameLabel(r.label, edit.label))) {
      unmatched.push(edit);
      continue;
    }
    if (edit.op === 'remove') {
      requirements = requirements.filter((r) => !sameLabel(r.label, edit.label));
      continue;
    }
    requirements = requirements.map((r) => (sameLabel(r.label, edit.label) ? setStatus(r, edit) : r));
  }
  return { job: { ...job, requirements }, unmatched };
}

function setStatus(r: Requirement, edit: { mustHave?: boolean; essential?: boolean }): Requirement {
  let mustHave = edit.mustHave ?? r.mustHave;
  let essential = edit.essential ?? r.essential === true;
  if (edit.essential === true) mustHave = true;
  if (!mustHave) essential = false;
  // A person who says it counts overrides "asked at interview" (a condition, or a quality not shown).
  const { condition: _condition, quality: _quality, ...rest } = r;
  return { ...rest, mustHave, essential, edited: true };
}

function addedRequirement(
  edit: Extract<RequirementEdit, { op: 'add' }>,
  title: string,
  dictionary: SkillDictionary,
): Requirement | undefined {
  const label = edit.label.trim();
  if (!label) return undefined;
  const status = { mustHave: edit.mustHave || edit.essential === true, essential: edit.essential === true };
  const terms = (edit.terms ?? []).map((t) => t.trim()).filter(Boolean);
  // Read as a requirements-section entry would be: "5+ years of Go" becomes years of Go experience.
  const phrase = terms.length ? terms.join(' or ') : label;
  const [read] = readRequirement(phrase, { mustHave: true, rule: 'edited', dictionary });
  if (read) {
    const groups = read.kind === 'experience' && read.groups.length === 0 ? titleGroups(title, dictionary) : read.groups;
    const { condition: _condition, quality: _quality, ...rest } = read;
    return { ...rest, ...status, label, rule: 'edited', edited: true, groups, stems: [...new Set(groups.flat().flatMap((t) => t.stems))] };
  }
  const term = termOf(phrase, dictionary);
  if (!term) return undefined;
  return {
    kind: 'skill',
    ...status,
    label,
    rule: 'edited',
    edited: true,
    groups: [[term]],
    stems: term.stems,
    skillIds: term.skillIds,
  };
}

/** "3+ years of experience" with no field named: experience in the role, as the parser reads it. */
function titleGroups(title: string, dictionary: SkillDictionary): Requirement['groups'] {
  const term = termOf(coreTitle(title), dictionary);
  return term ? [[term]] : [];
}
