import { JOB_TEMPLATES, type JobTemplate } from './catalog-jobs.ts';
import { ChangeLog } from './change-log.ts';
import { FIRST_NAMES, HIRING_USERS, LAST_NAMES } from './catalog-people.ts';
import { entityId, parseEntityId, rngFor } from './prng.ts';
import { resumeLayoutFor, type ResumeLayout } from './resume-model.ts';
import type { SeedShape } from './seed-spec.ts';

/** Seeded timestamps are relative to this instant so the same seed always yields the same data. */
export const REFERENCE_TIME = Date.parse('2026-11-01T09:00:00.000Z');
const DAY = 86_400_000;

export interface StageRec {
  id: string;
  title: string;
  type: string;
  order: number;
  planId: string;
}
export interface PlanRec {
  id: string;
  title: string;
  isArchived: boolean;
  createdAt: number;
  updatedAt: number;
  stages: StageRec[];
  seq: number;
}
export interface UserRec {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  globalRole: string;
  isEnabled: boolean;
  updatedAt: number;
  seq: number;
}
export interface JobRec {
  id: string;
  index: number;
  template: JobTemplate;
  status: 'Open' | 'Closed' | 'Draft' | 'Archived';
  planId: string;
  hiringTeam: Array<{ user: UserRec; role: string }>;
  postingId: string;
  postingListed: boolean;
  locationId: string;
  departmentId: string;
  createdAt: number;
  openedAt: number;
  updatedAt: number;
  customFields: Map<string, unknown>;
  seq: number;
}
export interface TagRec {
  id: string;
  title: string;
  isArchived: boolean;
  seq: number;
}
export interface FieldDefRec {
  id: string;
  title: string;
  objectType: string;
  fieldType: string;
  description: string | undefined;
  isArchived: boolean;
  isPrivate: boolean;
  selectableValues: Array<{ label: string; value: string; isArchived: boolean }> | undefined;
  seq: number;
}
export interface SourceRec {
  id: string;
  title: string;
  isArchived: boolean;
  sourceType: { id: string; title: string; isArchived: boolean };
}
export interface ArchiveReasonRec {
  id: string;
  text: string;
  reasonType: 'RejectedByCandidate' | 'RejectedByOrg' | 'Other';
  isArchived: boolean;
}
export interface CommunicationTemplateRec {
  id: string;
  title: string;
  intendedTypes: Array<'email' | 'inMail' | 'linkedInConnection'>;
}
export interface NoteRec {
  id: string;
  createdAt: number;
  content: string;
  isPrivate: boolean;
  authorId: string;
  seq: number;
}
export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}
/** An offer the sandbox made when an application was hired: accepted, with its letter as a file. */
export interface OfferRec {
  id: string;
  versionId: string;
  applicationIndex: number;
  fileId: string;
  createdAt: number;
  seq: number;
}
export interface CandidateBase {
  name: string;
  email: string;
  phone: string;
  createdAt: number;
  sourceIndex: number;
  /** The job whose field the resume leans towards (the first job applied to). */
  resumeJobIndex: number;
  hasResume: boolean;
  /** Profile links given to candidate.create; seeded candidates derive a LinkedIn URL from their email. */
  socialLinks?: Array<{ type: string; url: string }>;
}
export interface CandidateOverlay {
  tagIds: string[];
  fileIds: string[];
  extraApplications: number[];
  customFields: Map<string, unknown>;
  /** A resume attached by candidate.uploadResume: it replaces the seeded one. */
  resumeFileId?: string;
  updatedAt: number;
  seq: number;
  deleted: boolean;
}
export interface ApplicationBase {
  candidateIndex: number;
  jobIndex: number;
  createdAt: number;
  stageOrder: number;
  sourceIndex: number;
  archiveReasonIndex: number;
}
export interface ApplicationOverlay {
  /** Set when a candidate merge moved the application to another candidate. */
  candidateIndex?: number;
  stageId: string;
  archiveReasonId: string | undefined;
  archivedAt: number | undefined;
  customFields: Map<string, unknown>;
  history: Array<{ stageId: string; enteredAt: number }>;
  updatedAt: number;
  seq: number;
}

const STAGE_LAYOUT: Array<[string, string]> = [
  ['New Lead', 'Lead'],
  ['Application Review', 'PreInterviewScreen'],
  ['Recruiter Phone Screen', 'Active'],
  ['Hiring Manager Interview', 'Active'],
  ['Onsite', 'Active'],
  ['Offer', 'Offer'],
  ['Hired', 'Hired'],
];

const SOURCE_LAYOUT: Array<[string, string]> = [
  ['Applied', 'Inbound'],
  ['LinkedIn', 'Inbound'],
  ['Indeed', 'Inbound'],
  ['Referral', 'Referral'],
  ['Sourced by recruiter', 'Outbound'],
  ['Career fair', 'Events'],
];

const ARCHIVE_LAYOUT: Array<[string, ArchiveReasonRec['reasonType']]> = [
  ['Too inexperienced', 'RejectedByOrg'],
  ['Missing required skills', 'RejectedByOrg'],
  ['Position filled', 'Other'],
  ['Withdrew', 'RejectedByCandidate'],
  ['Accepted another offer', 'RejectedByCandidate'],
  ['Compensation mismatch', 'RejectedByCandidate'],
];

const TEMPLATE_LAYOUT: Array<[string, CommunicationTemplateRec['intendedTypes']]> = [
  ['Rejection: thank you for applying', ['email']],
  ['Rejection + consideration for future positions', ['email', 'inMail']],
  ['Phone screen invitation', ['email']],
];

export type StatusName = 'Active' | 'Archived' | 'Hired' | 'Lead';

const FILE_STAGE_ORDER: Record<'Active' | 'Archived' | 'Hired', number> = { Active: 1, Archived: -1, Hired: 99 };

/** A file's job as a template: its own title and description, the company's usual defaults otherwise. */
function fileJobTemplate(job: { title: string; description: string }): JobTemplate {
  return {
    title: job.title,
    department: 'General',
    team: 'General',
    location: 'Remote',
    workplaceType: 'Remote',
    employmentType: 'FullTime',
    skills: [],
    careerTitles: [job.title],
    summary: job.description,
    responsibilities: [],
    mustHave: [],
    niceToHave: [],
    compensation: '',
    descriptionText: job.description,
  };
}

export function statusForStage(stage: StageRec): StatusName {
  if (stage.type === 'Hired') return 'Hired';
  if (stage.type === 'Archived') return 'Archived';
  if (stage.type === 'Lead') return 'Lead';
  return 'Active';
}

/**
 * The sandbox company's whole state. Seeded candidates and applications are generated from their
 * index on demand (so `large:100000` starts at once); only what changes is stored, in overlays that
 * carry a change sequence number for sync tokens.
 */
export class OrgState {
  readonly seed: number;
  readonly shape: SeedShape;
  private seqCounter = 0;

  readonly users: UserRec[] = [];
  readonly plans: PlanRec[] = [];
  readonly jobs: JobRec[] = [];
  readonly sources: SourceRec[] = [];
  readonly archiveReasons: ArchiveReasonRec[] = [];
  readonly communicationTemplates: CommunicationTemplateRec[] = [];
  readonly tags: TagRec[] = [];
  readonly fields: FieldDefRec[] = [];
  readonly notes = new Map<number, NoteRec[]>();
  readonly files = new Map<string, StoredFile>();
  /** Offers by application index (one each). */
  readonly offers = new Map<number, OfferRec>();
  private readonly candidateOverlays = new Map<number, CandidateOverlay>();
  private readonly applicationOverlays = new Map<number, ApplicationOverlay>();
  private readonly applicationChanges = new ChangeLog();
  private readonly candidateChanges = new ChangeLog();
  private readonly extraCandidates: CandidateBase[] = [];
  private readonly extraApplications: ApplicationBase[] = [];
  private counters = { note: 0, tag: 0, field: 0, file: 0 };
  /** A company read from a file keeps the file's job and candidate ids. */
  private readonly fileIds = new Map<string, Map<string, number>>();

  constructor(seed: number, shape: SeedShape) {
    this.seed = seed;
    this.shape = shape;
    if (shape.file) {
      this.fileIds.set('job', new Map(shape.file.jobs.map((j, i) => [j.id, i])));
      this.fileIds.set('candidate', new Map(shape.file.candidates.map((c, i) => [c.id, i])));
    }
    this.seedMetadata();
  }

  nextSeq(): number {
    return ++this.seqCounter;
  }

  get currentSeq(): number {
    return this.seqCounter;
  }

  id(kind: string, index: number): string {
    const file = this.shape.file;
    if (file && kind === 'job' && index < file.jobs.length) return file.jobs[index]!.id;
    if (file && kind === 'candidate' && index < file.candidates.length) return file.candidates[index]!.id;
    return entityId(this.seed, kind, index);
  }

  indexOf(kind: string, id: unknown): number | undefined {
    const known = typeof id === 'string' ? this.fileIds.get(kind)?.get(id) : undefined;
    return known ?? parseEntityId(this.seed, kind, id);
  }

  /** How a candidate's resume file is laid out: a file seed's resumes are plain text, as a PDF. */
  resumeLayout(candidateIndex: number): ResumeLayout {
    if (this.shape.file && candidateIndex < this.shape.file.candidates.length) return 'classic';
    return resumeLayoutFor(this.seed, candidateIndex);
  }

  /** A file seed's resume text for a candidate it lists. */
  fileResume(candidateIndex: number): string | undefined {
    return this.shape.file?.candidates[candidateIndex]?.resume;
  }

  private seedMetadata() {
    HIRING_USERS.forEach((u, i) => {
      this.users.push({
        id: this.id('user', i),
        firstName: u.firstName,
        lastName: u.lastName,
        email: `${`${u.firstName}.${u.lastName}`.toLowerCase().replace(/[^a-z.]/g, '')}@northwind.example`,
        globalRole: u.globalRole,
        isEnabled: true,
        updatedAt: REFERENCE_TIME - 200 * DAY,
        seq: 0,
      });
    });
    ['Standard Hiring Plan', 'Hourly Hiring Plan'].forEach((title, p) => {
      const planId = this.id('plan', p);
      const stages = STAGE_LAYOUT.filter(([, type]) => p === 0 || type !== 'Offer').map(([t, type], order) => ({
        id: this.id('stage', p * 100 + order),
        title: t,
        type,
        order,
        planId,
      }));
      stages.push({ id: this.id('stage', p * 100 + 99), title: 'Archived', type: 'Archived', order: 1000, planId });
      this.plans.push({
        id: planId,
        title,
        isArchived: false,
        createdAt: REFERENCE_TIME - 400 * DAY,
        updatedAt: REFERENCE_TIME - 300 * DAY,
        stages,
        seq: 0,
      });
    });
    SOURCE_LAYOUT.forEach(([title, type], i) => {
      this.sources.push({
        id: this.id('source', i),
        title,
        isArchived: false,
        sourceType: { id: this.id('sourceType', i), title: type, isArchived: false },
      });
    });
    ARCHIVE_LAYOUT.forEach(([text, reasonType], i) => {
      this.archiveReasons.push({ id: this.id('archiveReason', i), text, reasonType, isArchived: false });
    });
    TEMPLATE_LAYOUT.forEach(([title, intendedTypes], i) => {
      this.communicationTemplates.push({ id: this.id('communicationTemplate', i), title, intendedTypes });
    });
    for (const title of ['Senior Candidate', 'Internal Referral', 'Silver Medalist']) this.createTag(title, 0);
    this.createField(
      {
        title: 'Seniority',
        objectType: 'Application',
        fieldType: 'ValueSelect',
        selectableValues: [
          { label: 'Junior', value: 'junior' },
          { label: 'Mid-level', value: 'mid' },
          { label: 'Senior', value: 'senior' },
        ],
      },
      0,
    );
    this.createField({ title: 'Desired Salary', objectType: 'Candidate', fieldType: 'Number' }, 0);

    const managers = this.users.slice(0, 6);
    const recruiters = this.users.slice(6);
    for (let j = 0; j < this.shape.jobs; j++) {
      const fileJob = this.shape.file?.jobs[j];
      const template = fileJob ? fileJobTemplate(fileJob) : (JOB_TEMPLATES[j % JOB_TEMPLATES.length] as JobTemplate);
      const hourly = template.employmentType === 'PartTime' || template.department === 'Operations';
      const opened = REFERENCE_TIME - (60 + j * 7) * DAY;
      this.jobs.push({
        id: this.id('job', j),
        index: j,
        template,
        status: 'Open',
        planId: (this.plans[hourly ? 1 : 0] as PlanRec).id,
        hiringTeam: [
          { user: managers[j % managers.length] as UserRec, role: 'Hiring Manager' },
          { user: recruiters[j % recruiters.length] as UserRec, role: 'Recruiter' },
        ],
        postingId: this.id('posting', j),
        postingListed: true,
        locationId: this.id('location', Math.max(0, JOB_TEMPLATES.indexOf(template))),
        departmentId: this.id('department', Math.max(0, JOB_TEMPLATES.indexOf(template))),
        createdAt: opened - 5 * DAY,
        openedAt: opened,
        updatedAt: opened,
        customFields: new Map(),
        seq: 0,
      });
    }
  }

  // ---- candidates ----------------------------------------------------------------------------

  get candidateCount(): number {
    return this.shape.applications + this.extraCandidates.length;
  }

  candidateBase(i: number): CandidateBase | undefined {
    if (i < 0 || i >= this.candidateCount) return undefined;
    if (i >= this.shape.applications) return this.extraCandidates[i - this.shape.applications];
    const fileCandidate = this.shape.file?.candidates[i];
    if (fileCandidate) {
      const app = this.applicationBase(i) as ApplicationBase;
      return {
        name: fileCandidate.name,
        email: fileCandidate.email,
        phone: '(303) 555-0100',
        createdAt: app.createdAt,
        sourceIndex: app.sourceIndex,
        resumeJobIndex: app.jobIndex,
        hasResume: fileCandidate.resume.trim() !== '',
      };
    }
    const rng = rngFor(this.seed, 'candidate', i);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const app = this.applicationBase(i) as ApplicationBase;
    return {
      name: `${first} ${last}`,
      email: `${`${first}.${last}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '')}@example.com`,
      phone: `(${rng.int(201, 989)}) 555-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      createdAt: app.createdAt,
      sourceIndex: app.sourceIndex,
      resumeJobIndex: app.jobIndex,
      hasResume: i % 29 !== 3,
    };
  }

  candidateOverlay(i: number): CandidateOverlay | undefined {
    return this.candidateOverlays.get(i);
  }

  candidateSeq(i: number): number {
    return this.candidateOverlays.get(i)?.seq ?? 0;
  }

  isCandidateDeleted(i: number): boolean {
    return this.candidateOverlays.get(i)?.deleted === true;
  }

  /** Ensures an overlay exists and marks the candidate changed now. */
  touchCandidate(i: number, now: number): CandidateOverlay {
    let o = this.candidateOverlays.get(i);
    if (!o) {
      o = {
        tagIds: [],
        fileIds: [],
        extraApplications: [],
        customFields: new Map(),
        updatedAt: now,
        seq: 0,
        deleted: false,
      };
      this.candidateOverlays.set(i, o);
    }
    o.updatedAt = now;
    o.seq = this.nextSeq();
    this.candidateChanges.record(i, o.seq);
    return o;
  }

  /** Seeded candidate i owns seeded application i, unless a merge moved it; created ones are listed. */
  candidateApplications(i: number): number[] {
    const own = i < this.shape.applications && this.applicationCandidate(i) === i ? [i] : [];
    const extra = (this.candidateOverlays.get(i)?.extraApplications ?? []).filter(
      (a) => this.applicationCandidate(a) === i,
    );
    return [...own, ...extra];
  }

  /** The candidate an application belongs to now (merges move applications). */
  applicationCandidate(i: number): number {
    return (
      this.applicationOverlays.get(i)?.candidateIndex ?? (this.applicationBase(i) as ApplicationBase).candidateIndex
    );
  }

  createCandidate(
    base: Omit<CandidateBase, 'sourceIndex' | 'resumeJobIndex' | 'hasResume'> & {
      sourceIndex?: number;
      resumeJobIndex: number;
      hasResume: boolean;
    },
    now: number,
  ): number {
    this.extraCandidates.push({ sourceIndex: 0, ...base });
    const index = this.candidateCount - 1;
    this.touchCandidate(index, now);
    return index;
  }

  /** Candidates changed in (after, upto], oldest change first. */
  changedCandidates(after: number, upto: number, max?: number): number[] {
    return this.candidateChanges.changed(after, upto, (i) => this.candidateSeq(i), max);
  }

  // ---- applications --------------------------------------------------------------------------

  get applicationCount(): number {
    return this.shape.applications + this.extraApplications.length;
  }

  applicationBase(i: number): ApplicationBase | undefined {
    if (i < 0 || i >= this.applicationCount) return undefined;
    if (i >= this.shape.applications) return this.extraApplications[i - this.shape.applications];
    const rng = rngFor(this.seed, 'application', i);
    const fileCandidate = this.shape.file?.candidates[i];
    if (fileCandidate) {
      return {
        candidateIndex: i,
        jobIndex: fileCandidate.jobIndex,
        createdAt: REFERENCE_TIME - rng.int(1, 700) * DAY - rng.int(0, DAY / 1000) * 1000,
        // Active ones wait for review; the last stage of every plan is Hired; -1 is archived.
        stageOrder: FILE_STAGE_ORDER[fileCandidate.status],
        sourceIndex: rng.int(0, this.sources.length - 1),
        archiveReasonIndex: rng.int(0, this.archiveReasons.length - 1),
      };
    }
    const roll = rng.next();
    // Most applications wait for review; a realistic tail sits further along or archived.
    const stageOrder =
      roll < 0.08 ? 0 : roll < 0.63 ? 1 : roll < 0.75 ? 2 : roll < 0.8 ? 3 : roll < 0.82 ? 4 : roll < 0.85 ? 5 : -1;
    return {
      candidateIndex: i,
      jobIndex: i % this.shape.jobs,
      createdAt: REFERENCE_TIME - rng.int(1, 50) * DAY - rng.int(0, DAY / 1000) * 1000,
      stageOrder,
      sourceIndex: rng.int(0, this.sources.length - 1),
      archiveReasonIndex: rng.int(0, this.archiveReasons.length - 1),
    };
  }

  applicationOverlay(i: number): ApplicationOverlay | undefined {
    return this.applicationOverlays.get(i);
  }

  applicationSeq(i: number): number {
    return this.applicationOverlays.get(i)?.seq ?? 0;
  }

  job(index: number): JobRec | undefined {
    return this.jobs[index];
  }

  plan(id: string): PlanRec | undefined {
    return this.plans.find((p) => p.id === id);
  }

  /** The application's current stage, from its overlay or from the seed. */
  applicationStage(i: number): StageRec {
    const base = this.applicationBase(i) as ApplicationBase;
    const plan = this.plan((this.job(base.jobIndex) as JobRec).planId) as PlanRec;
    const overlay = this.applicationOverlays.get(i);
    if (overlay) return plan.stages.find((s) => s.id === overlay.stageId) ?? (plan.stages[1] as StageRec);
    if (base.stageOrder < 0) return plan.stages[plan.stages.length - 1] as StageRec;
    const active = plan.stages.filter((s) => s.type !== 'Archived');
    return active[Math.min(base.stageOrder, active.length - 1)] as StageRec;
  }

  /**
   * The stages a seeded application entered, oldest first, a day apart and ending in its current stage
   * (entered when it was created, as before): an active one went through every stage up to its own; an
   * archived one left from a stage between New Lead and Onsite (its seed's archive reason picks which).
   */
  seededHistory(i: number): Array<{ stageId: string; enteredAt: number }> {
    const base = this.applicationBase(i) as ApplicationBase;
    const stage = this.applicationStage(i);
    const plan = this.plan(stage.planId) as PlanRec;
    const active = plan.stages.filter((s) => s.type !== 'Archived');
    const path = base.stageOrder < 0
      ? [...active.slice(0, (base.archiveReasonIndex % Math.min(5, active.length)) + 1), stage]
      : active.slice(0, active.indexOf(stage) + 1);
    return path.map((s, n) => ({ stageId: s.id, enteredAt: base.createdAt - (path.length - 1 - n) * DAY }));
  }

  touchApplication(i: number, now: number): ApplicationOverlay {
    let o = this.applicationOverlays.get(i);
    if (!o) {
      const stage = this.applicationStage(i);
      const base = this.applicationBase(i) as ApplicationBase;
      o = {
        stageId: stage.id,
        archiveReasonId: stage.type === 'Archived' ? this.archiveReasons[base.archiveReasonIndex]?.id : undefined,
        archivedAt: stage.type === 'Archived' ? base.createdAt + 3 * DAY : undefined,
        customFields: new Map(),
        history: this.seededHistory(i),
        updatedAt: now,
        seq: 0,
      };
      this.applicationOverlays.set(i, o);
    }
    o.updatedAt = now;
    o.seq = this.nextSeq();
    this.applicationChanges.record(i, o.seq);
    return o;
  }

  createApplication(base: ApplicationBase, stageId: string, now: number): number {
    this.extraApplications.push(base);
    const index = this.applicationCount - 1;
    const seq = this.nextSeq();
    this.applicationOverlays.set(index, {
      stageId,
      archiveReasonId: undefined,
      archivedAt: undefined,
      customFields: new Map(),
      history: [{ stageId, enteredAt: now }],
      updatedAt: now,
      seq,
    });
    this.applicationChanges.record(index, seq);
    this.touchCandidate(base.candidateIndex, now).extraApplications.push(index);
    return index;
  }

  changedApplications(after: number, upto: number, max?: number): number[] {
    return this.applicationChanges.changed(after, upto, (i) => this.applicationSeq(i), max);
  }

  // ---- metadata writes -----------------------------------------------------------------------

  createTag(title: string, seq = this.nextSeq()): TagRec {
    const tag = { id: this.id('tag', this.counters.tag++), title, isArchived: false, seq };
    this.tags.push(tag);
    return tag;
  }

  createField(
    input: {
      title: string;
      objectType: string;
      fieldType: string;
      description?: string;
      selectableValues?: Array<{ label: string; value: string }>;
    },
    seq = this.nextSeq(),
  ): FieldDefRec {
    const field: FieldDefRec = {
      id: this.id('field', this.counters.field++),
      title: input.title,
      objectType: input.objectType,
      fieldType: input.fieldType,
      description: input.description,
      isArchived: false,
      isPrivate: false,
      selectableValues: input.selectableValues?.map((v) => ({ ...v, isArchived: false })),
      seq,
    };
    this.fields.push(field);
    return field;
  }

  addNote(candidateIndex: number, note: Omit<NoteRec, 'id' | 'seq'>): NoteRec {
    const rec = { ...note, id: this.id('note', this.counters.note++), seq: this.nextSeq() };
    const list = this.notes.get(candidateIndex) ?? [];
    list.push(rec);
    this.notes.set(candidateIndex, list);
    return rec;
  }

  storeFile(name: string, contentType: string, bytes: Buffer): StoredFile {
    const file = { id: this.id('upload', this.counters.file++), name, contentType, bytes };
    this.files.set(file.id, file);
    return file;
  }
}
