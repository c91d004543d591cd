import { applyRequirementEdits, bundledSkillDictionary, parseJobDescription, type RequirementEdit } from '../scoring/index.ts';

/** One requirement of a job as Skima read it, for people to see (shortlist page, cards). */
export interface JobRequirementView {
  readonly label: string;
  readonly mustHave: boolean;
  /** The rule that made it: "requirements section", "cue phrase", "preference in parentheses", ... */
  readonly rule: string;
  /** Missing it keeps a resume out of "worth a look" (a licence or certification). */
  readonly essential: boolean;
  /** Asked at interview, never counted against a resume ("Able to lift 30 lb"). */
  readonly condition: boolean;
  /** A personal quality ("Attention to detail"): counted when the resume shows it, else asked at interview. */
  readonly quality: boolean;
  /** A person changed or added it (core/requirements/). */
  readonly edited: boolean;
}

/**
 * The requirements the default scorer reads from a job's description, in the description's order,
 * with people's edits applied (added ones last): the same list the scorer counts.
 */
export function jobRequirements(
  descriptionText: string | null,
  edits: readonly RequirementEdit[] = [],
): JobRequirementView[] {
  if (!descriptionText) return [];
  const dictionary = bundledSkillDictionary();
  const parsed = parseJobDescription(descriptionText, dictionary);
  const job = edits.length ? applyRequirementEdits(parsed, edits, dictionary).job : parsed;
  return job.requirements.map((r) => ({
    label: r.label,
    mustHave: r.mustHave,
    rule: r.rule,
    essential: r.essential === true,
    condition: r.condition === true,
    quality: r.quality === true,
    edited: r.edited === true,
  }));
}
