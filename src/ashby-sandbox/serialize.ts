import { descriptionHtml, descriptionPlain } from './catalog-jobs.ts';
import {
  type ApplicationBase,
  type ArchiveReasonRec,
  type CommunicationTemplateRec,
  type FieldDefRec,
  type JobRec,
  type NoteRec,
  type OrgState,
  type PlanRec,
  REFERENCE_TIME,
  type SourceRec,
  type StageRec,
  statusForStage,
  type TagRec,
  type UserRec,
} from './org-state.ts';
import { resumeFileName } from './resume-model.ts';

/**
 * Turns sandbox state into Ashby's JSON shapes. Nullable fields are omitted rather than sent as null:
 * the spec types them as objects, and Ashby itself leaves them out.
 */
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

export function fileHandleFor(fileId: string, name: string) {
  const handle = Buffer.from(JSON.stringify({ handle: { type: 'CandidateFile', fileId } })).toString('base64url');
  return { id: fileId, name, handle };
}

export function parseFileHandle(handle: unknown): string | undefined {
  if (typeof handle !== 'string') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8'));
    const fileId = parsed?.handle?.fileId;
    return typeof fileId === 'string' ? fileId : undefined;
  } catch {
    return undefined;
  }
}

export const userJson = (u: UserRec) => ({
  id: u.id,
  firstName: u.firstName,
  lastName: u.lastName,
  email: u.email,
  globalRole: u.globalRole,
  isEnabled: u.isEnabled,
  updatedAt: iso(u.updatedAt),
});

export const stageJson = (s: StageRec) => ({
  id: s.id,
  title: s.title,
  type: s.type,
  orderInInterviewPlan: s.order,
  interviewPlanId: s.planId,
});

export const planJson = (p: PlanRec) => ({
  id: p.id,
  title: p.title,
  isArchived: p.isArchived,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});

export const sourceJson = (s: SourceRec) => ({
  id: s.id,
  title: s.title,
  isArchived: s.isArchived,
  sourceType: s.sourceType,
});
export const archiveReasonJson = (r: ArchiveReasonRec) => ({
  id: r.id,
  text: r.text,
  reasonType: r.reasonType,
  isArchived: r.isArchived,
});
export const communicationTemplateJson = (t: CommunicationTemplateRec) => ({
  id: t.id,
  createdAt: iso(REFERENCE_TIME - 500 * DAY),
  updatedAt: iso(REFERENCE_TIME - 100 * DAY),
  title: t.title,
  intendedTypes: t.intendedTypes,
});
export const tagJson = (t: TagRec) => ({ id: t.id, title: t.title, isArchived: t.isArchived });

export function fieldDefJson(f: FieldDefRec) {
  return {
    id: f.id,
    isPrivate: f.isPrivate,
    title: f.title,
    objectType: f.objectType,
    isArchived: f.isArchived,
    fieldType: f.fieldType,
    isRequired: false,
    ...(f.description ? { description: f.description } : {}),
    ...(f.selectableValues ? { selectableValues: f.selectableValues } : {}),
  };
}

/** A stored custom-field value in Ashby's CustomFieldValue shape (with the option label for selects). */
export function customFieldValueJson(org: OrgState, fieldId: string, value: unknown) {
  const def = org.fields.find((f) => f.id === fieldId);
  const label = (v: unknown) => def?.selectableValues?.find((o) => o.value === v)?.label ?? String(v);
  return {
    id: fieldId,
    isPrivate: def?.isPrivate ?? false,
    title: def?.title ?? 'Unknown field',
    value,
    ...(def?.fieldType === 'ValueSelect' ? { valueLabel: label(value) } : {}),
    ...(def?.fieldType === 'MultiValueSelect' && Array.isArray(value) ? { valueLabel: value.map(label) } : {}),
  };
}

const customFieldsJson = (org: OrgState, values: Map<string, unknown> | undefined) =>
  [...(values ?? new Map()).entries()].map(([id, v]) => customFieldValueJson(org, id, v));

function hiringTeamJson(job: JobRec) {
  return job.hiringTeam.map(({ user, role }) => ({
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role,
    userId: user.id,
  }));
}

export function applicationJson(org: OrgState, i: number) {
  const base = org.applicationBase(i) as ApplicationBase;
  const overlay = org.applicationOverlay(i);
  const candidateIndex = org.applicationCandidate(i);
  const candidate = org.candidateBase(candidateIndex);
  const job = org.job(base.jobIndex) as JobRec;
  const stage = org.applicationStage(i);
  const status = statusForStage(stage);
  const source = org.sources[base.sourceIndex] as SourceRec;
  const archiveReasonId = overlay ? overlay.archiveReasonId : org.archiveReasons[base.archiveReasonIndex]?.id;
  const archiveReason = status === 'Archived' ? org.archiveReasons.find((r) => r.id === archiveReasonId) : undefined;
  const archivedAt = overlay?.archivedAt ?? base.createdAt + 3 * 86_400_000;
  return {
    id: org.id('application', i),
    createdAt: iso(base.createdAt),
    updatedAt: iso(overlay?.updatedAt ?? base.createdAt),
    status,
    customFields: customFieldsJson(org, overlay?.customFields),
    candidate: {
      id: org.id('candidate', candidateIndex),
      name: candidate?.name ?? 'Deleted Candidate',
      ...(candidate ? { primaryEmailAddress: { value: candidate.email, type: 'Personal', isPrimary: true } } : {}),
      ...(candidate ? { primaryPhoneNumber: { value: candidate.phone, type: 'Personal', isPrimary: true } } : {}),
    },
    currentInterviewStage: stageJson(stage),
    source: sourceJson(source),
    ...(archiveReason
      ? { archiveReason: { ...archiveReasonJson(archiveReason), customFields: [] }, archivedAt: iso(archivedAt) }
      : {}),
    job: { id: job.id, title: job.template.title, locationId: job.locationId, departmentId: job.departmentId },
    hiringTeam: hiringTeamJson(job),
    appliedViaJobPostingId: job.postingId,
  };
}

export function applicationDetailJson(org: OrgState, i: number) {
  const resume = resumeHandle(org, org.applicationCandidate(i));
  return {
    ...applicationJson(org, i),
    applicationHistory: applicationHistoryJson(org, i),
    ...(resume ? { resumeFileHandle: resume } : {}),
  };
}

/** The stages an application entered, oldest first: application.info's applicationHistory and the
 * items of application.listHistory. */
export function applicationHistoryJson(org: OrgState, i: number) {
  const history = org.applicationOverlay(i)?.history ?? org.seededHistory(i);
  const plan = org.plan(org.applicationStage(i).planId) as PlanRec;
  return history.map((h, n) => {
    const s = plan.stages.find((x) => x.id === h.stageId) as StageRec;
    const next = history[n + 1];
    return {
      id: org.id('history', i * 100 + n),
      stageId: h.stageId,
      title: s.title,
      enteredStageAt: iso(h.enteredAt),
      ...(next ? { leftStageAt: iso(next.enteredAt) } : {}),
      stageNumber: s.order,
      allowedActions: ['set_entered_at'],
    };
  });
}

/** The uploaded resume's handle, else the seeded one's, else undefined (the few who sent none). */
export function resumeHandle(org: OrgState, candidateIndex: number) {
  const uploaded = org.candidateOverlay(candidateIndex)?.resumeFileId;
  if (uploaded) return fileHandleFor(uploaded, org.files.get(uploaded)?.name ?? 'resume');
  const c = org.candidateBase(candidateIndex);
  if (!c?.hasResume) return undefined;
  return fileHandleFor(
    org.id('resume', candidateIndex),
    resumeFileName(c.name, org.resumeLayout(candidateIndex)),
  );
}

export function candidateJson(org: OrgState, i: number) {
  const c = org.candidateBase(i);
  if (!c) throw new Error(`no candidate ${i}`);
  const overlay = org.candidateOverlay(i);
  const resume = resumeHandle(org, i);
  const uploaded = (overlay?.fileIds ?? []).map((id) => {
    const f = org.files.get(id);
    return fileHandleFor(id, f?.name ?? 'file');
  });
  const source = org.sources[c.sourceIndex] as SourceRec;
  // Candidates made by candidate.create may have no email or phone: Ashby then omits the primary one.
  const email = c.email ? { value: c.email, type: 'Personal', isPrimary: true } : undefined;
  const phone = c.phone ? { value: c.phone, type: 'Personal', isPrimary: true } : undefined;
  const id = org.id('candidate', i);
  return {
    id,
    createdAt: iso(c.createdAt),
    updatedAt: iso(overlay?.updatedAt ?? c.createdAt),
    name: c.name,
    ...(email ? { primaryEmailAddress: email } : {}),
    emailAddresses: email ? [email] : [],
    ...(phone ? { primaryPhoneNumber: phone } : {}),
    phoneNumbers: phone ? [phone] : [],
    socialLinks: c.socialLinks ?? [
      { type: 'LinkedIn', url: `https://www.linkedin.com/in/${c.email.split('@')[0]?.replace(/\./g, '-')}` },
    ],
    tags: (overlay?.tagIds ?? [])
      .map((t) => org.tags.find((x) => x.id === t))
      .filter((t): t is TagRec => Boolean(t))
      .map(tagJson),
    applicationIds: org.candidateApplications(i).map((a) => org.id('application', a)),
    ...(resume ? { resumeFileHandle: resume } : {}),
    fileHandles: [...(resume ? [resume] : []), ...uploaded],
    customFields: customFieldsJson(org, overlay?.customFields),
    profileUrl: `https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/${id}`,
    source: sourceJson(source),
    timezone: 'America/Denver',
  };
}

export function noteJson(org: OrgState, n: NoteRec) {
  const author = org.users.find((u) => u.id === n.authorId) as UserRec;
  return {
    id: n.id,
    createdAt: iso(n.createdAt),
    isPrivate: n.isPrivate,
    content: n.content,
    author: { id: author.id, firstName: author.firstName, lastName: author.lastName, email: author.email },
  };
}

export function jobJson(org: OrgState, job: JobRec) {
  const author = org.users[7] as UserRec;
  return {
    id: job.id,
    title: job.template.title,
    confidential: false,
    status: job.status,
    employmentType: job.template.employmentType,
    locationId: job.locationId,
    departmentId: job.departmentId,
    defaultInterviewPlanId: job.planId,
    interviewPlanIds: [job.planId],
    customFields: customFieldsJson(org, job.customFields),
    jobPostingIds: [job.postingId],
    hiringTeam: hiringTeamJson(job),
    author: userJson(author),
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    openedAt: iso(job.openedAt),
  };
}

export function jobPostingSummaryJson(job: JobRec) {
  const t = job.template;
  return {
    id: job.postingId,
    title: t.title,
    jobId: job.id,
    departmentName: t.department,
    teamName: t.team,
    locationName: t.location,
    locationIds: { primaryLocationId: job.locationId, secondaryLocationIds: [] },
    workplaceType: t.workplaceType,
    employmentType: t.employmentType,
    isListed: job.postingListed,
    publishedDate: iso(job.openedAt).slice(0, 10),
    externalLink: `https://jobs.ashbyhq.com/northwind/${job.postingId}`,
    applyLink: `https://jobs.ashbyhq.com/northwind/${job.postingId}/application`,
    compensationTierSummary: t.compensation,
    shouldDisplayCompensationOnJobBoard: true,
    updatedAt: iso(job.updatedAt),
  };
}

export function jobPostingJson(job: JobRec) {
  const t = job.template;
  const plain = descriptionPlain(t);
  const html = descriptionHtml(t);
  const summary = jobPostingSummaryJson(job);
  return {
    ...summary,
    descriptionPlain: [plain.opening, plain.body, plain.closing].filter(Boolean).join('\n\n'),
    descriptionHtml: html.opening + html.body + html.closing,
    descriptionSocial: t.summary.slice(0, 200),
    descriptionParts: {
      descriptionOpening: { html: html.opening, plain: plain.opening },
      descriptionBody: { html: html.body, plain: plain.body },
      descriptionClosing: { html: html.closing, plain: plain.closing },
    },
    teamNameHierarchy: [t.department, t.team],
    linkedData: {
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      'title': t.title,
      'datePosted': summary.publishedDate,
      'employmentType':
        t.employmentType === 'FullTime' ? 'FULL_TIME' : t.employmentType === 'PartTime' ? 'PART_TIME' : 'CONTRACTOR',
    },
    isRemote: t.workplaceType === 'Remote',
    applicationFormDefinition: { sections: [{ title: 'Basic info', fields: [] }] },
    surveyFormDefinitions: [],
    compensation: {
      compensationTierSummary: t.compensation,
      summaryComponents: [],
      compensationTiers: [],
      shouldDisplayCompensationOnJobBoard: true,
    },
  };
}
