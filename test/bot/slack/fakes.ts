// Fakes for the Slack listeners' ports: a core that remembers what it was asked, and a Slack that
// records every call (and every payload, parsed by the Block Kit limits).
import type { CandidateCard, ShortlistCard } from '../../../src/bot/card-model.ts';
import { checkHome, checkMessage, checkModal, type HomeView, type ModalView, type SlackMessage } from '../../../src/bot/slack/block-kit.ts';
import type { ListenerDeps } from '../../../src/bot/slack/listeners/deps.ts';
import {
  type AddToJobReport,
  type DecisionRequest,
  type DispositionAsk,
  type DispositionChoiceList,
  type DispositionStatus,
  type HomeJob,
  type RediscoverReport,
  type RequirementsForEdit,
  type RequirementsSaveRequest,
  type RequirementsSaveResult,
  type ResumeDrop,
  type ResumeDropOutcome,
  type ResumeDropPreview,
  type Reviewer,
  type SetupReport,
  type StatusReport,
  UsageError,
} from '../../../src/bot/ports.ts';
import type { SlackMessageRef, SlackServices } from '../../../src/bot/slack/services.ts';
import type { SlackApi, SlackFile } from '../../../src/bot/slack/slack-api.ts';

export function candidate(rank: number, over: Partial<CandidateCard> = {}): CandidateCard {
  return {
    applicationId: `app-${rank}`,
    rank,
    score: 95 - rank * 3,
    band: 'strong',
    candidateName: `Person ${rank}`,
    reasons: [
      { text: '4 yrs retail sales', quote: 'Sales associate, Northwind, 2019-2023', start: 0, end: 37 },
      { text: 'POS systems', quote: 'ran the POS at close', start: 40, end: 60 },
      { text: 'Shift lead', quote: 'shift lead for a team of 6', start: 70, end: 96 },
    ],
    missing: rank === 2 ? ['Food hygiene certificate'] : [],
    scoredAt: new Date('2026-12-01T09:00:00Z'),
    scorerVersion: 'v1',
    latestDecision: null,
    reviewerDecision: null,
    ...over,
  };
}

export function card(n = 10, over: Partial<ShortlistCard> = {}): ShortlistCard {
  const candidates = Array.from({ length: n }, (_, i) => candidate(i + 1));
  return {
    jobId: 'job-1',
    jobTitle: 'Store Manager',
    department: 'Retail',
    location: 'Leeds',
    redacted: false,
    counts: { screened: 42, unscorable: 2, awaitingDecision: n },
    candidates,
    generatedAt: new Date('2026-12-01T10:00:00Z'),
    ...over,
  };
}

export const DANA: Reviewer = { ashbyUserId: 'user-dana', name: 'Dana Lee', recruiter: false };
export const CHRIS: Reviewer = { ashbyUserId: 'user-chris', name: 'Chris Doyle', recruiter: true };

export class FakeServices implements SlackServices {
  /** Resumes dropped: previewed, then added (the file's text decides the outcome). */
  previews: ResumeDrop[] = [];
  resumesAdded: { drop: ResumeDrop; reviewer: Reviewer; recipient: string }[] = [];

  async previewResume(reviewer: Reviewer, drop: ResumeDrop): Promise<ResumeDropPreview | { refused: string }> {
    this.previews.push(drop);
    if (!reviewer.recruiter) return { refused: 'recruiters only' };
    const text = Buffer.from(drop.bytes).toString('utf8');
    if (!text.startsWith('%PDF')) return { refused: `Skima could not read ${drop.filename}. Nothing was created.` };
    const existing = text.includes('known') ? { existing: { name: 'Ada Quill', matchedBy: 'email' } } : {};
    return {
      jobId: drop.jobId,
      jobTitle: drop.jobId === 'job-2' ? 'Store Assistant' : 'Store Manager',
      found: { name: 'Ada Quill', email: 'ada@example.com', phone: null, profileUrl: null },
      ...existing,
    };
  }

  async addResume(reviewer: Reviewer, drop: ResumeDrop, recipient: string): Promise<ResumeDropOutcome> {
    const same = (a: { drop: ResumeDrop }) => Buffer.compare(Buffer.from(a.drop.bytes), Buffer.from(drop.bytes)) === 0;
    const again = this.resumesAdded.some(same);
    this.resumesAdded.push({ drop, reviewer, recipient });
    return {
      status: 'added',
      jobTitle: 'Store Manager',
      candidateName: 'Ada Quill',
      candidateCreated: !again,
      applicationCreated: !again,
    };
  }

  reviewersByEmail = new Map<string, Reviewer>([['dana@example.com', DANA], ['chris@example.com', CHRIS]]);
  /** Job id → Ashby user ids of its hiring team. */
  teams = new Map<string, string[]>([['job-1', ['user-dana']]]);
  decisions: DecisionRequest[] = [];
  refs = new Map<string, SlackMessageRef>();
  errors: { source: string; message: string }[] = [];
  links: { jobId: string; reviewerId: string }[] = [];
  cardFor: (jobId: string) => ShortlistCard = () => card();

  async resolveReviewer(email: string) {
    return this.reviewersByEmail.get(email) ?? null;
  }

  async canSeeJob(reviewer: Reviewer, jobId: string) {
    const team = this.teams.get(jobId);
    return Boolean(team) && (reviewer.recruiter || team!.includes(reviewer.ashbyUserId));
  }

  async findJobs(reviewer: Reviewer, query: string) {
    const jobs = [{ id: 'job-1', title: 'Store Manager', status: 'Open' }, { id: 'job-2', title: 'Store Assistant', status: 'Open' }];
    const matching = jobs.filter((j) => j.id === query || j.title.toLowerCase().includes(query.toLowerCase()));
    const visible = [];
    for (const j of matching) if (await this.canSeeJob(reviewer, j.id)) visible.push(j);
    return visible;
  }

  async openJobs(reviewer: Reviewer) {
    return (await this.findJobs(reviewer, 'store')).filter((j) => j.status === 'Open');
  }

  async homeJobs(): Promise<HomeJob[]> {
    return [{ id: 'job-1', title: 'Store Manager', status: 'Open', shortlisted: 10, awaitingDecision: 7, awaitingYou: 9 }];
  }

  async buildCard(jobId: string) {
    return this.cardFor(jobId);
  }

  async jobOfApplication() {
    return 'job-1';
  }

  skipReasonList = [{ id: 'reason-2', text: 'Too inexperienced' }, { id: 'requirements', text: 'Not a fit for the requirements' }];
  async skipReasons() {
    return this.skipReasonList;
  }

  async recordDecision(input: DecisionRequest) {
    if (!input.applicationId.startsWith('app-')) return false;
    if (input.skipReasonId && !this.skipReasonList.some((r) => r.id === input.skipReasonId)) {
      throw new UsageError('That reason is not on the list any more; pick one again.');
    }
    this.decisions.push(input);
    return true;
  }

  reportLinks: string[] = [];

  /** Recruiters get a report link; anyone else is refused, as the core does. */
  async mintReportUrl(reviewer: Reviewer) {
    if (!reviewer.recruiter) return { refused: 'The ROI report is for recruiters and admins.' };
    this.reportLinks.push(reviewer.ashbyUserId);
    return { url: `https://skima.test/r/token-${this.reportLinks.length}`, expiresAt: new Date('2026-12-02T10:00:00Z') };
  }

  rediscoverLinks: { jobId: string; reviewerId: string; words: string[] }[] = [];

  /** Recruiters get a rediscovery link with the filters; anyone else is refused, as the core does. */
  async mintRediscoverUrl(jobId: string, reviewer: Reviewer, words: string[]) {
    if (!reviewer.recruiter) return { refused: 'Rediscovery is for recruiters and admins.' };
    this.rediscoverLinks.push({ jobId, reviewerId: reviewer.ashbyUserId, words });
    return { url: `https://skima.test/rd/token-${this.rediscoverLinks.length}?min=70`, expiresAt: new Date('2026-12-02T10:00:00Z') };
  }

  async mintShortlistUrl(jobId: string, reviewer: Reviewer) {
    this.links.push({ jobId, reviewerId: reviewer.ashbyUserId });
    return { url: `https://skima.test/s/token-${this.links.length}`, expiresAt: new Date('2026-12-02T10:00:00Z') };
  }

  async cardRef(jobId: string, slackUserId: string) {
    return this.refs.get(`${jobId}:${slackUserId}`) ?? null;
  }

  async saveCardRef(jobId: string, slackUserId: string, ref: SlackMessageRef) {
    this.refs.set(`${jobId}:${slackUserId}`, ref);
  }

  queued: { jobId: string; slackUserId: string; reviewerId: string; notBefore?: Date }[] = [];
  async queueCardRefresh(input: { jobId: string; recipient: string; reviewer: Reviewer; notBefore?: Date }) {
    const { jobId, recipient: slackUserId, reviewer, notBefore } = input;
    this.queued.push({ jobId, slackUserId, reviewerId: reviewer.ashbyUserId, notBefore });
  }

  readonly deliveries = new Set<string>();
  async firstDelivery(identity: string) {
    if (this.deliveries.has(identity)) return false;
    this.deliveries.add(identity);
    return true;
  }

  async reportError(e: { source: string; message: string }) {
    this.errors.push(e);
  }

  async status(): Promise<StatusReport> {
    return {
      sync: [{ resource: 'application', lastSyncAt: new Date(), stale: false }],
      queue: { 'slack.card': { queued: 2, running: 0, failed: 1, dead: 0 } },
      lastWebhookAt: null,
      errors: [{ source: 'slack:chat.postMessage', message: 'ratelimited', at: new Date(), count: 3 }],
    };
  }

  async digest() {
    return {
      from: new Date('2026-11-23T00:00:00Z'),
      to: new Date('2026-11-30T00:00:00Z'),
      applicationsScreened: 120,
      unscorable: 3,
      medianTimeToScreenMs: 90_000,
      medianManagerResponseMs: 7_200_000,
      decisions: { approve: 10, skip: 4, maybe: 2 },
      followedRankingShare: 0.8,
      interviewsFromTopTen: 5,
      hires: 1,
      jobs: [{ jobId: 'job-1', title: 'Store Manager', screened: 42, approvals: 6 }],
      trends: [
        { figure: 'applicationsScreened', change: '+20% on the 4-week average' },
        { figure: 'followedRankingShare', change: '+5 points on the 4-week average' },
        { figure: 'hires', change: '' },
      ],
    };
  }

  async setup(_opts: { fix: boolean }): Promise<SetupReport[]> {
    return [{ id: 'key', title: 'API key', status: 'ok' as const, detail: 'works' }];
  }

  async rediscover(jobId: string, _words: string[]): Promise<RediscoverReport> {
    return { job: { id: jobId, title: 'Store Manager' }, considered: 0, candidates: [] };
  }

  /** Candidate ids added per job, as Ashby would hold them: a second add finds the first. */
  added = new Map<string, Set<string>>();
  async addToJob(reviewer: Reviewer, jobId: string, candidateId: string): Promise<AddToJobReport> {
    if (!reviewer.recruiter) throw new UsageError('Only recruiters and admins can add a past candidate to a job.');
    const onJob = this.added.get(jobId) ?? new Set<string>();
    this.added.set(jobId, onJob);
    if (onJob.has(candidateId)) return { status: 'already', jobTitle: 'Store Manager' };
    onJob.add(candidateId);
    return { status: 'added', jobTitle: 'Store Manager', score: 81 };
  }

  /** The job's requirements as the core would give them to an editor (its team's members here). */
  requirements: RequirementsForEdit = {
    jobTitle: 'Store Manager',
    version: 2,
    lastEdit: { by: 'Chris Doyle', channel: 'web', at: new Date('2026-12-01T10:00:00Z') },
    rows: [
      { label: 'Point of sale (POS) systems', status: 'must', rule: 'requirements section', added: false, terms: [] },
      { label: 'Food hygiene certificate', status: 'essential', rule: 'requirements section', added: false, terms: [] },
      { label: 'Forklift licence', status: 'nice', rule: 'nice-to-have section', added: false, terms: [] },
      { label: 'Scheduling software', status: 'must', rule: 'edited', added: true, terms: ['Deputy', 'Rota'] },
    ],
    notApplying: [],
  };

  saved: RequirementsSaveRequest[] = [];
  async requirementsForEdit(jobId: string, reviewer: Reviewer): Promise<RequirementsForEdit | { refused: string }> {
    if (!(await this.canSeeJob(reviewer, jobId))) return { refused: 'You can\'t change this job\'s requirements.' };
    return this.requirements;
  }

  async saveRequirements(request: RequirementsSaveRequest): Promise<RequirementsSaveResult> {
    if (request.version !== this.requirements.version) return { ok: false, message: 'The requirements changed since you opened them.' };
    this.saved.push(request);
    return { ok: true, version: this.requirements.version + 1, created: true };
  }

  /** Advance and archive, as the core decides them: hiring managers advance; archiving is for recruiters. */
  dispositionChoicesList: DispositionChoiceList = {
    stages: [{ id: 'stage-2', title: 'Phone screen' }, { id: 'stage-3', title: 'Onsite' }],
    reasons: [{ id: 'reason-1', text: 'Withdrew' }, { id: 'reason-2', text: 'Too inexperienced' }],
    templates: [{ id: 'tpl-1', title: 'Rejection: thank you for applying' }],
  };

  batches = new Map<string, { ask: DispositionAsk; key: string }>();
  private refusal(ask: DispositionAsk): string | undefined {
    const team = this.teams.get(ask.jobId) ?? [];
    if (!ask.reviewer.recruiter && !team.includes(ask.reviewer.ashbyUserId)) return 'You can\'t act on this application.';
    if (ask.applicationIds.some((id) => !id.startsWith('app-'))) return 'Skima does not know this application.';
    if (ask.action === 'archive' && !ask.reviewer.recruiter) return 'Archiving needs a recruiting role in Ashby.';
    return undefined;
  }

  async dispositionChoices(asked: DispositionAsk) {
    const ask = this.resolved(asked);
    if ('refused' in ask) return ask;
    const why = this.refusal(ask);
    return why ? { refused: why } : this.dispositionChoicesList;
  }

  /** Applications of each job someone skipped, still active ("Archive skipped…" acts on these). */
  skipped = new Map<string, string[]>();
  private resolved(ask: DispositionAsk): DispositionAsk | { refused: string } {
    if (!ask.allSkipped) return ask;
    const ids = this.skipped.get(ask.jobId) ?? [];
    if (ids.length === 0) return { refused: 'No skipped application of this job is still active: nothing to archive.' };
    if (ask.expectedCount !== undefined && ask.expectedCount !== ids.length) return { refused: 'The skipped applications changed since you confirmed.' };
    return { ...ask, applicationIds: ids };
  }

  async prepareDisposition(asked: DispositionAsk) {
    const ask = this.resolved(asked);
    if ('refused' in ask) return ask;
    const why = this.refusal(ask);
    if (why) return { refused: why };
    const n = ask.applicationIds.length;
    if (ask.action === 'archive') {
      const reason = this.dispositionChoicesList.reasons.find((r) => r.id === ask.archiveReasonId);
      if (!reason) return { refused: 'Pick one of Ashby\'s archive reasons.' };
      return { count: n, question: `Archive ${n} application${n === 1 ? '' : 's'} with reason "${reason.text}"${ask.emailTemplateId ? ' and send the rejection email you picked' : ''}?` };
    }
    const stage = this.dispositionChoicesList.stages.find((s) => s.id === ask.stageId);
    return { count: n, question: `Advance ${n} application${n === 1 ? '' : 's'} ${stage ? `to "${stage.title}"` : 'to the next stage of their interview plan'}?` };
  }

  async startDisposition(asked: DispositionAsk, key: string) {
    const ask = this.resolved(asked);
    if ('refused' in ask) return ask;
    const why = this.refusal(ask);
    if (why) return { refused: why };
    const batchId = `slack-${key}`;
    if (!this.batches.has(batchId)) this.batches.set(batchId, { ask, key });
    return { batchId };
  }

  /** Where each batch's progress is shown, as the front door handed it over. */
  follows = new Map<string, object>();
  async followDisposition(reviewer: Reviewer, jobId: string, batchId: string, ref: object) {
    const status = await this.dispositionStatus(reviewer, jobId, batchId);
    if (status) this.follows.set(batchId, ref);
    return status;
  }

  /** Each status call moves the batch on by one application, so progress is seen before the final count. */
  statusCalls = new Map<string, number>();
  async dispositionStatus(reviewer: Reviewer, jobId: string, batchId: string): Promise<DispositionStatus | null> {
    const batch = this.batches.get(batchId);
    if (!batch || batch.ask.reviewer.ashbyUserId !== reviewer.ashbyUserId || batch.ask.jobId !== jobId) return null;
    const total = batch.ask.applicationIds.length;
    const seen = (this.statusCalls.get(batchId) ?? 0) + 1;
    this.statusCalls.set(batchId, seen);
    const done = Math.min(total, seen - 1);
    const verb = batch.ask.action === 'archive' ? 'archived' : 'advanced';
    const finished = done === total;
    return { total, done, unchanged: 0, failed: 0, queued: total - done, finished, summary: `${done} ${verb} (of ${total})`, failures: [] };
  }
}

export type SlackCall =
  | { method: 'postMessage'; channel: string; message: SlackMessage }
  | { method: 'updateMessage'; ref: SlackMessageRef; message: SlackMessage }
  | { method: 'openModal'; triggerId: string; view: ModalView }
  | { method: 'publishHome'; userId: string; view: HomeView }
  | { method: 'fileInfo'; fileId: string }
  | { method: 'downloadFile'; url: string };

export class FakeSlack implements SlackApi {
  calls: SlackCall[] = [];
  emails = new Map<string, string>([['U_DANA', 'dana@example.com'], ['U_CHRIS', 'chris@example.com'], ['U_EVE', 'eve@example.com']]);
  failNext: Error | undefined;
  private ts = 0;

  private maybeFail() {
    const err = this.failNext;
    this.failNext = undefined;
    if (err) throw err;
  }

  async postMessage(channel: string, message: SlackMessage) {
    this.maybeFail();
    this.calls.push({ method: 'postMessage', channel, message: checkMessage(message) });
    return { channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel, ts: `1700000000.00000${++this.ts}` };
  }

  async updateMessage(ref: SlackMessageRef, message: SlackMessage) {
    this.maybeFail();
    this.calls.push({ method: 'updateMessage', ref, message: checkMessage(message) });
  }

  async userIdByEmail(email: string) {
    for (const [id, e] of this.emails) if (e === email) return id;
    throw new Error('users_not_found');
  }

  async emailOfUser(userId: string) {
    return this.emails.get(userId) ?? null;
  }

  async openModal(triggerId: string, view: ModalView) {
    this.calls.push({ method: 'openModal', triggerId, view: checkModal(view) });
  }

  async publishHome(userId: string, view: HomeView) {
    this.calls.push({ method: 'publishHome', userId, view: checkHome(view) });
  }

  /** Files shared with the app, by id, with their bytes. */
  files = new Map<string, SlackFile & { bytes: Uint8Array }>();

  async fileInfo(fileId: string) {
    this.calls.push({ method: 'fileInfo', fileId });
    const file = this.files.get(fileId);
    if (!file) throw new Error('file_not_found');
    const { bytes: _, ...info } = file;
    return info;
  }

  async downloadFile(url: string) {
    this.calls.push({ method: 'downloadFile', url });
    const file = [...this.files.values()].find((f) => f.urlPrivateDownload === url);
    if (!file) throw new Error('not found');
    return file.bytes;
  }
}

export function fakeDeps() {
  const services = new FakeServices();
  const slack = new FakeSlack();
  /** Why Slack withdrew access, each time it did. */
  const revoked: string[] = [];
  const deps: ListenerDeps = {
    services,
    slack,
    reviewers: { reviewerOf: async (id) => services.resolveReviewer((await slack.emailOfUser(id)) ?? '') },
    access: { revoked: async (reason) => void revoked.push(reason) },
    log: { info: () => {}, warn: () => {}, error: () => {} },
  };
  return { services, slack, deps, revoked };
}

/** A recording ack/respond pair, checking every payload against the Block Kit limits. */
export function fakeIo() {
  const acks: unknown[] = [];
  const responses: unknown[] = [];
  return {
    acks,
    responses,
    ack: async (m?: SlackMessage & Record<string, unknown>) => {
      if (m) checkMessage({ text: m.text, blocks: m.blocks });
      acks.push(m);
    },
    respond: async (m: SlackMessage & Record<string, unknown>) => {
      checkMessage({ text: m.text, blocks: m.blocks });
      responses.push(m);
    },
  };
}

/** All text a message shows, for assertions. */
export const shown = (m: unknown) => JSON.stringify(m);
