export type RequirementKind = 'skill' | 'experience' | 'education' | 'certification';

/**
 * How a requirement was read, so a recruiter can see why Skima took it (and correct it): the section
 * or cue phrase that made it, and what made it optional.
 */
export type RequirementRule =
  | 'requirements section'
  | 'nice-to-have section'
  | 'cue phrase'
  | 'preference phrase'
  | 'preference in parentheses'
  | 'skill named in an unstructured description'
  | 'edited';

/**
 * One thing that evidences a requirement: a named tool, skill or phrase ("TypeScript", "another
 * major cloud" read as the cloud category). A requirement is met by any term of each group.
 */
export interface RequirementTerm {
  /** The term as the description words it. */
  readonly label: string;
  /** Distinct content stems that evidence the term. */
  readonly stems: readonly string[];
  /** Dictionary skills named by the term. */
  readonly skillIds: readonly string[];
  /** Share of the term's stems that the dictionary skills account for (0-1). */
  readonly skillShare: number;
  /**
   * Stems of the names that must be on the evidence line: acronyms ("Architecting solutions on
   * AWS" -> aws), technology names ("C#.NET") and a name given with its abbreviation ("Master Data
   * Management (MDM)"). The term's other words do not meet it without them.
   */
  readonly keyTerms?: readonly string[];
  /** Stem sets that each evidence the term: a name and its abbreviation ("SDLC"). */
  readonly alternatives?: ReadonlyArray<readonly string[]>;
  /** Stems of tools the term names on their own: a line claiming them meets it. */
  readonly tools?: readonly string[];
  /** The term shares words with the job's title, so a resume's role title is evidence of it. */
  readonly namesRole?: boolean;
}

export interface Requirement {
  readonly kind: RequirementKind;
  readonly mustHave: boolean;
  /**
   * A must-have the job cannot be done without (a licence, or one a recruiter marked): missing it
   * keeps a resume out of "worth a look".
   */
  readonly essential?: boolean;
  /**
   * A condition of the job a resume rarely states ("Able to lift 30 lb", "Availability for weekend
   * shifts"): shown and asked at interview, never counted against a resume or listed as missing.
   */
  readonly condition?: boolean;
  /**
   * A personal quality ("Excellent communication skills", "Attention to detail"): a resume can only
   * claim it, so it counts when the resume shows it and is never held against one that does not
   * (asked at interview instead, never listed as missing).
   */
  readonly quality?: boolean;
  /** A person changed or added it (see edits.ts). */
  readonly edited?: boolean;
  /** Short readable label, in the description's words: "TypeScript or Node.js". */
  readonly label: string;
  /** Which rule made the requirement (see RequirementRule). */
  readonly rule: RequirementRule;
  /** Every group must be met, each by any of its terms ("TypeScript or Node.js" is one group). */
  readonly groups: ReadonlyArray<readonly RequirementTerm[]>;
  /** Content stems of all terms (lexical relevance). */
  readonly stems: readonly string[];
  /** Dictionary skills of all terms. */
  readonly skillIds: readonly string[];
  /** Years asked for (experience requirements); the groups name the kind of experience. */
  readonly years?: number;
  /** Minimum degree level (education): 1 diploma, 2 associate, 3 bachelor, 4 master, 5 doctorate. */
  readonly degreeLevel?: number;
  /** "or equivalent experience": relevant years stand in for the degree. */
  readonly orExperience?: boolean;
}

export interface ParsedJob {
  readonly title: string;
  readonly titleStems: readonly string[];
  readonly requirements: readonly Requirement[];
  /** Content stems of the parts about the role (not the company, benefits or legal text), with counts. */
  readonly stems: ReadonlyMap<string, number>;
  /** Adjacent content-stem pairs of those parts (same construction as the resume's). */
  readonly bigrams: ReadonlySet<string>;
  readonly location?: { readonly remote: boolean; readonly text: string };
}
