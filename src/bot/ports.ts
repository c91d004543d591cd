import type { FastifyPluginAsync } from 'fastify';
import type { DecisionChannel, ShortlistCard, Verdict } from './card-model.ts';

// The one port between Skima's core and its chat front doors (Slack, Teams), in both directions:
// `ChatServices` is what a front door needs of the core (core/chat/chat-services.ts implements it once),
// `ChatFrontDoor` is what the core's workers need of a front door (cards, the digest). bot/ never
// imports core/; tests pass fakes. Nothing here names a chat platform's own types.

/** The chat front doors: each names its queues, its posted cards and the decisions made in it. */
export type ChatChannel = Extract<DecisionChannel, 'slack' | 'teams'>;

export const CHANNEL_NAMES: Record<ChatChannel, string> = { slack: 'Slack', teams: 'Teams' };

/** Whether a stored channel ("slack", "web", "cli", ...) is a chat front door's. */
export function isChatChannel(channel: string): channel is ChatChannel {
  return Object.hasOwn(CHANNEL_NAMES, channel);
}

/** A chat user matched to an Ashby user by verified email. */
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

export interface StatusReport {
  sync: { resource: string; lastSyncAt: Date | null; stale: boolean }[];
  queue: Record<string, { queued: number; running: number; failed: number; dead: number }>;
  lastWebhookAt: Date | null;
  errors: { source: string; message: string; at: Date; count: number }[];
  applications?: { screened: number; pending: number; unscorable: number };
  pool?: { indexed: number; candidates: number };
  /** Hiring managers with shortlisted candidates undecided for NUDGE_AFTER_WORKING_DAYS (or a working day
   * when reminders are off), longest wait first. Names of colleagues and job titles, no candidate. */
  waiting?: WaitingOnManager[];
}

/** One hiring manager's undecided shortlist on one job. */
export interface WaitingOnManager {
  managerName: string;
  jobTitle: string;
  candidates: number;
  /** Working days (weekends do not count) the longest-waiting candidate has waited. */
  oldestWorkingDays: number;
}

/** "Dana Lee (3 candidates, oldest 4 working days) for Store Manager": one line, the same everywhere. */
export function waitingOnLine(w: WaitingOnManager): string {
  const days = Math.floor(w.oldestWorkingDays);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${w.managerName} (${plural(w.candidates, 'candidate')}, oldest ${plural(days, 'working day')}) for ${w.jobTitle}`;
}

/**
 * The weekly ROI digest posted to channels. No personal data: counts, durations and job titles only.
 * Every figure's definition is in docs/digest.md; the range is [from, to). Computed by core/ops/digest.ts.
 */
export interface DigestReport {
  from: Date;
  to: Date;
  applicationsScreened: number;
  unscorable: number;
  /** Application received by Skima -> its first score. */
  medianTimeToScreenMs: number | null;
  /** Candidate entered a shortlist -> the first decision on it. */
  medianManagerResponseMs: number | null;
  decisions: { approve: number; skip: number; maybe: number };
  followedRankingShare: number | null;
  /** Approved shortlisted applications that moved to a later stage or were hired in the range. */
  interviewsFromTopTen: number;
  hires: number;
  jobs: { jobId: string; title: string; screened: number; approvals: number }[];
  /** Against the average of the four weeks before; `change` in words, empty when there is nothing to say. */
  trends: { figure: string; change: string }[];
  /** Who the shortlists wait on as the digest is drawn (as in `status`). */
  waitingOn?: WaitingOnManager[];
  /** The range's skips by the reason given (most first; "no reason given" counted too). */
  skipsByReason?: { reason: string; count: number }[];
}

/** "Skips by reason: Too inexperienced 3 · Not a fit for the requirements 2 · no reason given 1", or null. */
export function skipsByReasonLine(d: Pick<DigestReport, 'skipsByReason'>): string | null {
  const rows = d.skipsByReason ?? [];
  return rows.length ? `Skips by reason: ${rows.map((r) => `${r.reason} ${r.count}`).join(' · ')}` : null;
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

/** How a person marks one of a job's requirements (must-have, essential must-have, nice-to-have, removed). */
export type RequirementStatus = 'must' | 'essential' | 'nice' | 'remove';

/** A job's requirements as a person edits them in chat: one row per requirement, in order. */
export interface RequirementsForEdit {
  jobTitle: string;
  version: number;
  lastEdit: { by: string; channel: string; at: Date } | null;
  rows: { label: string; status: RequirementStatus; rule: string; added: boolean; terms: string[] }[];
  /** Edits that name a requirement the job description no longer has. */
  notApplying: string[];
}

export interface RequirementsSaveRequest {
  jobId: string;
  reviewer: Reviewer;
  /** The version the person was shown. */
  version: number;
  rows: { label: string; status: RequirementStatus }[];
  add?: { label: string; status: Exclude<RequirementStatus, 'remove'>; terms: string[] };
}

export type RequirementsSaveResult =
  | { ok: true; version: number; created: boolean }
  /** Refused (not allowed, changed meanwhile, not understood), with words for the person. */
  | { ok: false; message: string };

export type DispositionAction = 'advance' | 'archive';

/** An advance or an archive asked for from a card: one application (or several) of the job it came from. */
export interface DispositionAsk {
  reviewer: Reviewer;
  jobId: string;
  applicationIds: string[];
  action: DispositionAction;
  /** "Archive skipped…": every application of the job someone skipped that is still active, as the core
   * finds them (`applicationIds` is ignored). `expectedCount` is how many the confirmation named: a start
   * that finds another number is refused, so nobody archives more (or fewer) than they confirmed. */
  allSkipped?: boolean;
  expectedCount?: number;
  /** advance: a stage of the plan picked from `dispositionChoices`; unset is the next stage of each. */
  stageId?: string;
  /** archive: one of `dispositionChoices`' reasons (required), and a template only when the person picked one. */
  archiveReasonId?: string;
  emailTemplateId?: string;
}

/** What to pick from before confirming (read from Ashby): see core/disposition/choices.ts. */
export interface DispositionChoiceList {
  stages: Array<{ id: string; title: string }>;
  reasons: Array<{ id: string; text: string }>;
  templates: Array<{ id: string; title: string }>;
}

/** How far a confirmed batch got; `summary` is the count in words ("3 archived (of 3)"). */
export interface DispositionStatus {
  total: number;
  done: number;
  unchanged: number;
  failed: number;
  queued: number;
  finished: boolean;
  summary: string;
  /** Why each failure failed, in words that name no candidate. */
  failures: string[];
}

/** A resume a recruiter dropped into chat, as Skima read it, before anything is created. Shown to that
 * recruiter alone (a DM): what the file says and whom Ashby has already. */
export interface ResumeDropPreview {
  jobId: string;
  jobTitle: string;
  found: { name: string | null; email: string | null; phone: string | null; profileUrl: string | null };
  /** The Ashby candidate the resume belongs to, when Ashby has them: they are added to the job. */
  existing?: { name: string; matchedBy: string };
}

/** A confirmed drop: the candidate and the application (created now, or found), or why not (nothing made). */
export type ResumeDropOutcome =
  | { status: 'added'; jobTitle: string; candidateName: string; candidateCreated: boolean; applicationCreated: boolean }
  | { status: 'refused'; message: string };

/** The file of a drop, and the job it is for. */
export interface ResumeDrop {
  jobId: string;
  filename: string;
  bytes: Uint8Array;
}

/** A malformed request a person can fix (bad filters): its message is shown to them. */
export class UsageError extends Error {}

export interface DecisionRequest {
  /** The job the reviewer was checked against; the core refuses an application of another job. */
  jobId: string;
  applicationId: string;
  reviewer: Reviewer;
  verdict: Verdict;
  note?: string;
  /** Skip only, optional: one of `skipReasons()`' ids. */
  skipReasonId?: string;
}

/**
 * What a front door needs of the core, bound to one channel. `Ref` is the front door's own record of
 * where a card was posted (a Slack channel and ts; a Teams conversation and activity id): the core
 * stores it as JSON and never looks inside.
 */
export interface ChatServices<Ref extends object = object> {
  /** The Ashby user with this (chat-verified) email, or null: nobody Skima may serve. */
  resolveReviewer(email: string): Promise<Reviewer | null>;
  /** Whether the reviewer may see the job's shortlist and decide on it. False for unknown jobs too. */
  canSeeJob(reviewer: Reviewer, jobId: string): Promise<boolean>;
  /** Jobs matching a title or id that the reviewer may see. */
  findJobs(reviewer: Reviewer, query: string): Promise<JobSummary[]>;
  /** The open jobs the reviewer may see (every open job for a recruiter), by title: a menu to pick from. */
  openJobs(reviewer: Reviewer): Promise<JobSummary[]>;
  /** The reviewer's jobs: their own (hiring team), or every open job for a recruiter on none. */
  homeJobs(reviewer: Reviewer): Promise<HomeJob[]>;
  buildCard(jobId: string, reviewer: Reviewer): Promise<ShortlistCard>;
  /** The job an application belongs to; null when unknown. */
  jobOfApplication(applicationId: string): Promise<string | null>;
  /** The short list a Skip may give a reason from (Ashby's archive reasons that fit, and "Not a fit
   * for the requirements"): ids and words only. */
  skipReasons(): Promise<Array<{ id: string; text: string }>>;
  /** Records through the core's one decision entry point; false when the application is unknown or not
   * one of `jobId`'s. */
  recordDecision(input: DecisionRequest): Promise<boolean>;
  /** A fresh secure link to the job's shortlist page for this reviewer only. */
  mintShortlistUrl(jobId: string, reviewer: Reviewer): Promise<{ url: string; expiresAt: Date }>;
  /** Where the card for (job, recipient) was posted, if it was; `recipient` is the front door's user id. */
  cardRef(jobId: string, recipient: string): Promise<Ref | null>;
  saveCardRef(jobId: string, recipient: string, ref: Ref, reviewer: Reviewer): Promise<void>;
  /** Redraws a card later, through the durable queue (after a 429 or a network error on the spot). */
  queueCardRefresh(input: { jobId: string; recipient: string; reviewer: Reviewer; notBefore?: Date }): Promise<void>;
  /** Records the identity of a request from the platform; false when it was recorded before (a replay).
   * Shared by every process, so a replay sent to another one is recognised too. */
  firstDelivery(identity: string): Promise<boolean>;
  /** Delivery problems (error codes, never personal data) for `status`. */
  reportError(e: { source: string; message: string }): Promise<void>;
  status(): Promise<StatusReport>;
  digest(): Promise<DigestReport>;
  /** A fresh personal link to the ROI report, for recruiters and admins; otherwise why not. */
  mintReportUrl(reviewer: Reviewer): Promise<{ url: string; expiresAt: Date } | { refused: string }>;
  setup(opts: { fix: boolean }): Promise<SetupReport[]>;
  rediscover(jobId: string, words: string[]): Promise<RediscoverReport>;
  /** A personal link to the job's rediscovery page with these filter words (recruiters and admins). */
  mintRediscoverUrl?(
    jobId: string,
    reviewer: Reviewer,
    words: string[],
  ): Promise<{ url: string; expiresAt: Date } | { refused: string }>;
  /** "Add to job" on a rediscovered candidate (recruiters and admins; see core/rediscovery/rediscover-add.ts). */
  addToJob(reviewer: Reviewer, jobId: string, candidateId: string): Promise<AddToJobReport>;
  /** The job's requirements for the edit modal, or why this reviewer may not edit them (the same words for
   * a job that does not exist). Optional while every front door's fakes catch up. */
  requirementsForEdit?(jobId: string, reviewer: Reviewer): Promise<RequirementsForEdit | { refused: string }>;
  /** Saves an edit of the job's requirements through the core's one entry point (versioned, audited,
   * re-scored in the background). */
  saveRequirements?(request: RequirementsSaveRequest): Promise<RequirementsSaveResult>;
  /** Advance and archive (core/disposition): what may be picked, or why this person may not. Checks the
   * role on the job and that each application is one of its (the decisions entry point's check). */
  dispositionChoices(ask: DispositionAsk): Promise<DispositionChoiceList | { refused: string }>;
  /** The one confirmation question ("Archive 1 application with reason "Withdrew"?") and how many it
   * names, or why not. Changes nothing. */
  prepareDisposition(ask: DispositionAsk): Promise<{ question: string; count: number } | { refused: string }>;
  /** Confirmed: one queued job per application. `confirmationKey` names the confirmation: the same key
   * twice starts one batch. Returns the batch id to follow. */
  startDisposition(ask: DispositionAsk, confirmationKey: string): Promise<{ batchId: string } | { refused: string }>;
  /** A batch's progress for the reviewer who started it from this job; null for anyone else's. */
  dispositionStatus(reviewer: Reviewer, jobId: string, batchId: string): Promise<DispositionStatus | null>;
  /** Where the batch's progress is shown: the front door's own ref to that message (stored as opaque
   * JSON). When the batch's last application settles, the core asks this front door to redraw it with
   * the final count (`ChatFrontDoor.showDispositionProgress`), whichever process runs the batch and even
   * when the one that started it is gone. Only for the reviewer who started it from this job (null for
   * anyone else's); returns the progress now. */
  followDisposition(reviewer: Reviewer, jobId: string, batchId: string, ref: object): Promise<DispositionStatus | null>;
  /** Reads a dropped resume and looks for the person in Ashby; creates nothing. Refused, with why, for
   * anyone without a recruiting role on the job, an unknown job, or a file that cannot be read. */
  previewResume(reviewer: Reviewer, drop: ResumeDrop): Promise<ResumeDropPreview | { refused: string }>;
  /** Adds a confirmed drop (core/intake): one candidate and one application however often it is dropped;
   * `recipient` (the front door's user id) is told the score once the application is screened. */
  addResume(reviewer: Reviewer, drop: ResumeDrop, recipient: string): Promise<ResumeDropOutcome>;
}

/**
 * What to do about a failed delivery. Nothing is dropped silently: every kind is either retried or
 * reported (to `status`) by whoever handles it.
 */
export type DeliveryFailure =
  /** 429: try again after retryAfterMs. */
  | { kind: 'rate_limited'; code: string; retryAfterMs: number }
  /** The person or conversation cannot be reached (removed the app, left): report it and skip them. */
  | { kind: 'recipient'; code: string }
  /** The stored message is gone: post a new one. */
  | { kind: 'message_gone'; code: string }
  /** The credentials no longer work: report it and stop sending until someone fixes them. */
  | { kind: 'auth'; code: string }
  /** Network trouble or a 5xx: retry with backoff. */
  | { kind: 'transient'; code: string }
  /** Anything else (a bug in what Skima sent, a missing scope): report it. */
  | { kind: 'other'; code: string };

/** Thrown by a front door with the classification attached, for the core's queue worker to act on. */
export class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure, readonly method: string, channel: ChatChannel) {
    super(`${CHANNEL_NAMES[channel]} ${method} failed: ${failure.code}`);
    this.name = 'DeliveryError';
  }
}

/**
 * A short message to one person, or to the front door's hires channel: "hired", a reminder. Plain words
 * (no markup), drawn by each front door its own way. Never a candidate's contact details; a channel
 * notice names a candidate only where the core decided it may (never in redaction mode).
 */
export interface ChatNotice {
  kind: 'hired' | 'nudge' | 'screened';
  /** The first line. */
  headline: string;
  /** Lines below it. */
  lines: string[];
  /** The job concerned: a notice to a person may offer its card. */
  jobId: string;
  /** A reminder about several jobs: each one's card is offered by its title, longest wait first
   * (`jobId` is the first). Unset when the notice concerns `jobId` alone. */
  jobs?: Array<{ jobId: string; title: string }>;
}

/** Who a notice goes to: a person found by their Ashby email (in the chat where their card lives), a
 * person by the front door's own user id (who asked for it there), or the front door's hires channel
 * (SLACK_HIRES_CHANNEL). */
export type NoticeRecipient = { email: string } | { user: string } | { channel: 'hires' };

/** What the core's workers need of a front door: the card to a person, the weekly digest, its routes. */
export interface ChatFrontDoor {
  readonly channel: ChatChannel;
  /** The fastify plugin serving the platform's requests (encapsulated: its own body parsers). */
  readonly routes: FastifyPluginAsync;
  /** Where the platform sends its requests. */
  readonly path: string;
  /** How the platform reaches Skima, for the start-up log ("at /slack/events", "over Socket Mode"). */
  readonly reachedBy: string;
  /** Opens what the front door holds open (Slack's Socket Mode): called by the processes that serve the
   * front doors, after the server listens. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Sends (or updates in place) a job's card to a hiring manager found by their Ashby email. */
  deliverCard(input: { jobId: string; email: string; reviewer: Reviewer }): Promise<unknown>;
  /** Refreshes a card already posted to a recipient (someone who asked for it). */
  refreshCard(input: { jobId: string; recipient: string; reviewer: Reviewer }): Promise<unknown>;
  /** Whether a weekly digest is to be scheduled for this front door. */
  readonly wantsDigest: boolean;
  /** Posts the digest (counts and job titles only) where this front door's settings say. */
  postDigest(digest: DigestReport): Promise<void>;
  /** The front door's own setup checks (credentials, permissions), each failure with its fix. */
  checkSetup(): Promise<SetupReport[]>;
  /** Posts a notice ("hired", a reminder). Optional: a front door without it gets none. Fails with a
   * DeliveryError like a card. */
  postNotice?(to: NoticeRecipient, notice: ChatNotice): Promise<void>;
  /** Whether the front door has a channel for hires (`postNotice({ channel: 'hires' })` goes somewhere). */
  readonly hiresChannel?: boolean;
  /** Redraws a batch's progress message (its ref as the front door gave it to `followDisposition`) with
   * this status: called once a batch's last application settles. Fails with a DeliveryError like a card. */
  showDispositionProgress?(ref: unknown, status: DispositionStatus): Promise<void>;
}

/**
 * A conversation a front door may write to later without being asked (Teams keeps a "conversation
 * reference" per chat and channel, learnt when the app is installed or messaged). The core stores it
 * and never looks inside `reference`.
 */
export interface StoredConversation {
  conversationId: string;
  /** personal: a 1:1 chat with one person; channel: a team's channel; group: a group chat. */
  scope: 'personal' | 'channel' | 'group';
  /** The person of a personal conversation: their platform user id, and their email (lower case) as the
   * platform's roster gives it, so a hiring manager known to Ashby by email can be found. */
  userId?: string;
  email?: string;
  /** The front door's own record of how to reach the conversation (stored as JSON). */
  reference: object;
}

/** The conversations a front door has learnt, bound to one channel (see StoredConversation). */
export interface ChatConversations {
  /** Stores (or refreshes) a conversation; a second save of the same conversation replaces the first. */
  save(conversation: StoredConversation): Promise<void>;
  /** The personal conversation with a person, by platform user id first, else by email. */
  personal(by: { userId?: string; email?: string }): Promise<StoredConversation | null>;
  /** A stored conversation by its id. */
  get(conversationId: string): Promise<StoredConversation | null>;
  /** Forgets a conversation the platform says is gone (the app was removed, the person left). */
  forget(conversationId: string): Promise<void>;
  /** The conversation the weekly digest goes to when no setting names one ("digest here"). */
  digestTarget(): Promise<StoredConversation | null>;
  /** Makes this stored conversation the digest's (the only one). */
  setDigestTarget(conversationId: string): Promise<void>;
}
