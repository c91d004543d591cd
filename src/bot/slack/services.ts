import type { ShortlistCard, Verdict } from '../card-model.ts';

// The ports the Slack front door needs of Skima's core. bot/ never imports core/: core implements
// these (src/core/slack-services.ts) and tests pass fakes.

/** A Slack user matched to an Ashby user by verified email. */
export interface Reviewer {
  ashbyUserId: string;
  name: string;
  /** An Ashby user with a recruiting or admin role: may see every job, rediscover and run setup. */
  recruiter: boolean;
}

export interface JobSummary {
  id: string;
  title: string;
  status: string;
}

/** One line of App Home: a job the reviewer may see, with the state of its shortlist. */
export interface HomeJob extends JobSummary {
  shortlisted: number;
  /** Shortlisted candidates nobody has decided on yet. */
  awaitingDecision: number;
  /** Shortlisted candidates this reviewer has not decided on yet. */
  awaitingYou: number;
}

/** Where a card was posted, so it can be updated in place. */
export interface SlackMessageRef {
  channel: string;
  ts: string;
}

export interface StatusReport {
  sync: { resource: string; lastSyncAt: Date | null; stale: boolean }[];
  queue: Record<string, { queued: number; running: number; failed: number; dead: number }>;
  lastWebhookAt: Date | null;
  errors: { source: string; message: string; at: Date; count: number }[];
  applications?: { screened: number; pending: number; unscorable: number };
  pool?: { indexed: number; candidates: number };
}

export interface DigestReport {
  from: Date;
  to: Date;
  applicationsScreened: number;
  unscorable: number;
  medianTimeToScreenMs: number | null;
  medianManagerResponseMs: number | null;
  decisions: { approve: number; skip: number; maybe: number };
  followedRankingShare: number | null;
  interviewsFromTopTen: number;
  hires: number;
  jobs: { jobId: string; title: string; screened: number; approvals: number }[];
  /** Against the average of the four weeks before; `change` in words, empty when there is nothing to say. */
  trends: { figure: string; change: string }[];
}

export interface SetupReport {
  id: string;
  title: string;
  status: 'ok' | 'warn' | 'fail' | 'fixed';
  detail: string;
  fix?: string;
}

export interface RediscoverReport {
  job: { id: string; title: string };
  considered: number;
  candidates: {
    candidateId: string;
    pastApplicationId: string;
    pastJobTitle: string;
    pastStatus: string;
    archiveReason: string | null;
    score: number;
    band: string;
    reasons: { text: string; quote: string }[];
    missing: string[];
    lastActivityAt: Date;
    candidateName?: string;
  }[];
}

export type AddToJobReport =
  | { status: 'added'; jobTitle: string; score: number | null }
  | { status: 'already'; jobTitle: string };

/** A malformed request a person can fix (bad filters): its message is shown to them. */
export class UsageError extends Error {}

export interface DecisionRequest {
  /** The job the reviewer was checked against; the core refuses an application of another job. */
  jobId: string;
  applicationId: string;
  reviewer: Reviewer;
  verdict: Verdict;
  note?: string;
}

export interface SlackServices {
  /** The Ashby user with this (Slack-verified) email, or null: nobody Skima may serve. */
  resolveReviewer(email: string): Promise<Reviewer | null>;
  /** Whether the reviewer may see the job's shortlist and decide on it. False for unknown jobs too. */
  canSeeJob(reviewer: Reviewer, jobId: string): Promise<boolean>;
  /** Jobs matching a title or id that the reviewer may see. */
  findJobs(reviewer: Reviewer, query: string): Promise<JobSummary[]>;
  /** The jobs of App Home: the reviewer's own (hiring team), or every open job for a recruiter. */
  homeJobs(reviewer: Reviewer): Promise<HomeJob[]>;
  buildCard(jobId: string, reviewer: Reviewer): Promise<ShortlistCard>;
  /** The job an application belongs to; null when unknown. */
  jobOfApplication(applicationId: string): Promise<string | null>;
  /** Records through the core's one decision entry point; false when the application is unknown or not
   * one of `jobId`'s. */
  recordDecision(input: DecisionRequest): Promise<boolean>;
  /** A fresh secure link to the job's shortlist page for this reviewer only. */
  mintShortlistUrl(jobId: string, reviewer: Reviewer): Promise<{ url: string; expiresAt: Date }>;
  /** Where the card for (job, Slack user) was posted, if it was. */
  cardRef(jobId: string, slackUserId: string): Promise<SlackMessageRef | null>;
  saveCardRef(jobId: string, slackUserId: string, ref: SlackMessageRef, reviewer: Reviewer): Promise<void>;
  /** Redraws a card later, through the durable queue (after a 429 or a network error on the spot). */
  queueCardRefresh(input: { jobId: string; slackUserId: string; reviewer: Reviewer; notBefore?: Date }): Promise<void>;
  /** Records the identity of a Slack request; false when it was recorded before (a replay). Shared by
   * every process, so a replay sent to another one is recognised too. */
  firstDelivery(identity: string): Promise<boolean>;
  /** Slack delivery problems (error codes, never personal data) for `/skima status`. */
  reportError(e: { source: string; message: string }): Promise<void>;
  status(): Promise<StatusReport>;
  digest(): Promise<DigestReport>;
  /** A fresh personal link to the ROI report, for recruiters and admins; otherwise why not. */
  mintReportUrl(reviewer: Reviewer): Promise<{ url: string; expiresAt: Date } | { refused: string }>;
  setup(opts: { fix: boolean }): Promise<SetupReport[]>;
  rediscover(jobId: string, words: string[]): Promise<RediscoverReport>;
  /** "Add to job" on a rediscovered candidate (recruiters and admins; see core/rediscover-add.ts). */
  addToJob(reviewer: Reviewer, jobId: string, candidateId: string): Promise<AddToJobReport>;
}
