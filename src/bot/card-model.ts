/**
 * The channel-neutral shortlist card: computed once by core/ and drawn as Block Kit (bot/slack), as an
 * Adaptive Card (bot/teams) and as HTML (the web page). Plain data, no platform types.
 */

export type Verdict = 'approve' | 'skip' | 'maybe';
export type DecisionChannel = 'slack' | 'teams' | 'web' | 'cli';

/** One bullet of why a resume fits, with the verbatim resume quote behind it. */
export interface CardReason {
  text: string;
  quote: string;
  /** Offsets of the quote in the text that was scored. */
  start: number;
  end: number;
}

export interface CardDecision {
  verdict: Verdict;
  note: string | null;
  reviewerId: string;
  reviewerName: string;
  channel: DecisionChannel;
  at: Date;
}

export interface CandidateCard {
  applicationId: string;
  rank: number;
  /** 0-100 on the scorer's documented scale. */
  score: number;
  /** What the score means on that scale: strong, worth a look, partial, weak. */
  band: string;
  /** Absent in redaction mode: the card then names the candidate only by rank. */
  candidateName?: string;
  reasons: CardReason[];
  /** Must-have requirements with no evidence in the resume. */
  missing: string[];
  scoredAt: Date;
  scorerVersion: string;
  /** The newest decision on this application by anyone, if any. */
  latestDecision: CardDecision | null;
  /** The newest decision on it by the card's reviewer, when the card was built for one. */
  reviewerDecision: CardDecision | null;
}

/** One requirement of the job as Skima scores against it (read from the description, or corrected by a person). */
export interface CardRequirement {
  label: string;
  mustHave: boolean;
  /** Missing it keeps a resume out of "worth a look". */
  essential: boolean;
  /** The rule that made it ("requirements section", "preference in parentheses", "edited", ...). */
  rule: string;
  /** A person changed or added it. */
  edited: boolean;
  /** A personal quality: counted when the resume shows it, never held against one that does not. */
  quality?: boolean;
}

export interface ShortlistCard {
  jobId: string;
  jobTitle: string;
  department: string | null;
  location: string | null;
  /** True when names and contact details are hidden everywhere the card is drawn. */
  redacted: boolean;
  counts: {
    /** Applications of the job with a score. */
    screened: number;
    /** Applications that could not be scored (unreadable or no resume). */
    unscorable: number;
    /** Candidates on the shortlist with no decision from anyone yet. */
    awaitingDecision: number;
  };
  candidates: CandidateCard[];
  /** Applications of the job someone skipped that are still active: the card offers to archive them
   * all ("Archive skipped…") when there are any. Absent on cards built before it was counted. */
  skippedActive?: number;
  /** The job's requirements the scores count, in the description's order (conditions asked at interview
   * are left out). Absent on cards built before requirements were shown. */
  requirements?: CardRequirement[];
  generatedAt: Date;
}
