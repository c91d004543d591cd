import { randomBytes } from 'node:crypto';
import { ApiKeyRegistry, PERMISSIONS, type Permission } from './api-keys.ts';
import type { PendingUpload, SandboxContext, WriteRecord } from './context.ts';
import { FaultInjector, type FaultSettings, type FaultSettingsInput } from './faults.ts';
import type { PagingSettings } from './list-paging.ts';
import { OrgState } from './org-state.ts';
import { FileCache } from './resume-files.ts';
import { parseSeed, type SeedSpec, seedShape } from './seed-spec.ts';
import { jobPostingSummaryJson } from './serialize.ts';
import { WebhookDispatcher } from './webhook-dispatcher.ts';
import { serializeForWebhook } from './webhook-payloads.ts';

export interface SandboxSettings {
  syncTokenTtlMs: number;
  cursorTtlMs: number;
  maxIncrementalRecords: number;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
  syncTokenTtlMs: 14 * 86_400_000,
  cursorTtlMs: 60 * 60_000,
  maxIncrementalRecords: 5_000,
};

/**
 * Everything a running sandbox holds, and the control operations on it (used by the control HTTP
 * routes and by in-process callers such as end-to-end tests).
 */
export class SandboxState {
  org: OrgState;
  seedSpec: SeedSpec;
  readonly keys = new ApiKeyRegistry();
  readonly faults = new FaultInjector();
  readonly webhooks: WebhookDispatcher;
  readonly secret = randomBytes(32).toString('hex');
  settings: SandboxSettings = { ...DEFAULT_SETTINGS };
  uploads = new Map<string, PendingUpload>();
  writes: WriteRecord[] = [];
  /** API calls received, by endpoint (every answer counts, faults included): what a client spent of
   * its request budget. */
  requests = new Map<string, number>();
  private clockOffsetMs = 0;
  private epoch = 0;
  private resumeCache = new FileCache(200);
  baseUrl = 'http://127.0.0.1';

  constructor(seed: SeedSpec | string, timeScale: number) {
    this.seedSpec = typeof seed === 'string' ? parseSeed(seed) : seed;
    this.org = new OrgState(1, seedShape(this.seedSpec));
    this.webhooks = new WebhookDispatcher({ timeScale, faults: this.faults, now: () => this.now() });
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  context(): SandboxContext {
    return {
      org: this.org,
      now: () => this.now(),
      secret: this.secret,
      baseUrl: () => this.baseUrl,
      paging: (): PagingSettings => ({
        ...this.settings,
        secret: this.secret,
        now: this.now(),
        currentSeq: this.org.currentSeq,
        epoch: this.epoch,
      }),
      webhooks: this.webhooks,
      uploads: this.uploads,
      writes: this.writes,
      resumeCache: this.resumeCache,
    };
  }

  createKey(permissions: Iterable<Permission> = PERMISSIONS, title = 'Sandbox API key', key?: string) {
    return this.keys.add(title, permissions, this.now(), key).key;
  }

  /** Back to freshly seeded data (optionally another seed). Keys and webhook subscriptions stay. */
  reset(seed?: SeedSpec | string) {
    if (seed) this.seedSpec = typeof seed === 'string' ? parseSeed(seed) : seed;
    this.org = new OrgState(1, seedShape(this.seedSpec));
    this.uploads = new Map();
    this.writes = [];
    this.requests = new Map();
    this.resumeCache = new FileCache(200);
    this.epoch++;
  }

  setFaults(input: FaultSettingsInput): FaultSettings {
    return this.faults.configure(input);
  }

  updateSettings(input: Partial<SandboxSettings>) {
    this.settings = { ...this.settings, ...input };
    return this.settings;
  }

  /** Every issued sync token and cursor stops working (sync_token_expired / next_cursor_expired). */
  expireSyncTokens() {
    this.epoch++;
  }

  advanceClock(ms: number) {
    this.clockOffsetMs += ms;
  }

  /** A candidate applies through the job board: new candidate, new application, applicationSubmit. */
  submitApplication(input: { jobId: string; name?: string; email?: string }) {
    const jobIndex = this.org.indexOf('job', input.jobId);
    const job = jobIndex === undefined ? undefined : this.org.job(jobIndex);
    if (!job) throw new Error('job not found');
    const now = this.now();
    const n = this.org.candidateCount;
    const name = input.name ?? `Applicant ${n}`;
    const candidateIndex = this.org.createCandidate(
      {
        name,
        email: input.email ?? `applicant${n}@example.com`,
        phone: '(303) 555-0100',
        createdAt: now,
        resumeJobIndex: job.index,
        hasResume: true,
      },
      now,
    );
    const plan = this.org.plan(job.planId);
    const stage = plan?.stages.find((s) => s.type === 'PreInterviewScreen') ?? plan?.stages[0];
    if (!stage) throw new Error('job has no interview plan');
    const applicationIndex = this.org.createApplication(
      {
        candidateIndex,
        jobIndex: job.index,
        createdAt: now,
        stageOrder: stage.order,
        sourceIndex: 0,
        archiveReasonIndex: 0,
      },
      stage.id,
      now,
    );
    const application = serializeForWebhook(this.org, applicationIndex);
    this.webhooks.emit([{ action: 'applicationSubmit', data: { application } }]);
    return {
      applicationId: this.org.id('application', applicationIndex),
      candidateId: this.org.id('candidate', candidateIndex),
    };
  }

  /** A recruiter deletes a candidate in Ashby: it disappears from the API and candidateDelete fires. */
  deleteCandidate(candidateId: string) {
    const index = this.org.indexOf('candidate', candidateId);
    if (index === undefined || !this.org.candidateBase(index)) throw new Error('candidate not found');
    this.org.touchCandidate(index, this.now()).deleted = true;
    for (const a of this.org.candidateApplications(index)) this.org.touchApplication(a, this.now());
    this.webhooks.emit([{ action: 'candidateDelete', data: { candidate: { id: candidateId } } }]);
  }

  /** A recruiter lists or unlists a job posting: jobPostingPublish/Unpublish plus jobPostingUpdate. */
  setPostingListed(jobPostingId: string, listed: boolean) {
    const index = this.org.indexOf('posting', jobPostingId);
    const job = index === undefined ? undefined : this.org.job(index);
    if (!job) throw new Error('job posting not found');
    job.postingListed = listed;
    job.updatedAt = this.now();
    job.seq = this.org.nextSeq();
    const jobPosting = jobPostingSummaryJson(job);
    this.webhooks.emit([
      { action: listed ? 'jobPostingPublish' : 'jobPostingUnpublish', data: { jobPosting } },
      { action: 'jobPostingUpdate', data: { jobPosting } },
    ]);
  }

  /**
   * Ashby merges duplicate candidates: the duplicate disappears and its applications move to the
   * surviving candidate; candidateMerge fires. Application ids stay stable, candidate ids do not.
   */
  mergeCandidates(deletedCandidateId: string, mergedCandidateId: string) {
    const from = this.org.indexOf('candidate', deletedCandidateId);
    const to = this.org.indexOf('candidate', mergedCandidateId);
    if (
      from === undefined
      || to === undefined
      || from === to
      || this.org.isCandidateDeleted(from)
      || this.org.isCandidateDeleted(to)
    ) {
      throw new Error('candidates not found or not distinct');
    }
    const now = this.now();
    const moved = this.org.candidateApplications(from);
    const target = this.org.touchCandidate(to, now);
    for (const a of moved) {
      this.org.touchApplication(a, now).candidateIndex = to;
      target.extraApplications.push(a);
    }
    this.org.touchCandidate(from, now).deleted = true;
    this.webhooks.emit([
      {
        action: 'candidateMerge',
        data: { deletedCandidate: { id: deletedCandidateId }, mergedCandidate: { id: mergedCandidateId } },
      },
    ]);
    return { movedApplicationIds: moved.map((a) => this.org.id('application', a)) };
  }

  summary() {
    return {
      seed: this.seedSpec,
      jobs: this.org.jobs.length,
      candidates: this.org.candidateCount,
      applications: this.org.applicationCount,
      writes: this.writes.length,
      webhookSubscriptions: this.webhooks.subscriptions.size,
      webhookDeliveries: this.webhooks.deliveries.length,
      faults: this.faults.settings,
      settings: this.settings,
    };
  }
}
