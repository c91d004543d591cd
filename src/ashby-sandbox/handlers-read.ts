import { z } from 'zod';
import type { SandboxApiKey } from './api-keys.ts';
import { scopeName } from './api-keys.ts';
import { type EndpointDef, endpoint, type SandboxContext } from './context.ts';
import { DEMOGRAPHIC_COLUMNS, demographicsReportRows, SANDBOX_DEMOGRAPHICS_REPORT_ID } from './demographics.ts';
import { fileUrl } from './file-urls.ts';
import { arraySource, type ListSource, listPage } from './list-paging.ts';
import { statusForStage } from './org-state.ts';
import { notFound } from './sandbox-error.ts';
import {
  applicationDetailJson,
  applicationHistoryJson,
  applicationJson,
  archiveReasonJson,
  communicationTemplateJson,
  candidateJson,
  fieldDefJson,
  jobJson,
  jobPostingJson,
  jobPostingSummaryJson,
  noteJson,
  parseFileHandle,
  planJson,
  sourceJson,
  stageJson,
  tagJson,
  userJson,
} from './serialize.ts';

const paging = {
  cursor: z.string().optional(),
  syncToken: z.string().optional(),
  limit: z.number().int().min(1).optional(),
};
const includeArchived = { includeArchived: z.boolean().optional() };
const archivableInput = z.object({ ...paging, ...includeArchived });
const includeArchivedInput = z.object(includeArchived);

/** A paged list of organisation metadata that can be archived: archived items only when asked for. */
function archivableList<T extends { isArchived: boolean; seq: number }>(
  resource: string,
  permission: EndpointDef['permission'],
  items: (ctx: SandboxContext) => T[],
  toJson: (item: T) => object,
): EndpointDef {
  return endpoint({
    permission,
    write: false,
    input: archivableInput,
    handle: (ctx, input) => {
      const source = arraySource(resource, items(ctx), (item) =>
        item.isArchived && !input.includeArchived ? undefined : toJson(item),
      );
      return listPage(source, input, ctx.paging());
    },
  });
}

function applicationSource(
  ctx: SandboxContext,
  f: { jobId?: string; status?: string; createdAfter?: number },
): ListSource {
  const { org } = ctx;
  const jobIndex = f.jobId === undefined ? undefined : org.indexOf('job', f.jobId);
  if (f.jobId !== undefined && jobIndex === undefined) throw notFound('job');
  return {
    resource: 'application.list',
    count: () => org.applicationCount,
    item: (i) => {
      const base = org.applicationBase(i);
      if (!base || org.isCandidateDeleted(org.applicationCandidate(i))) return undefined;
      if (jobIndex !== undefined && base.jobIndex !== jobIndex) return undefined;
      if (f.createdAfter !== undefined && base.createdAt <= f.createdAfter) return undefined;
      if (f.status !== undefined && statusForStage(org.applicationStage(i)) !== f.status) return undefined;
      return applicationJson(org, i);
    },
    changed: (a, u, max) => org.changedApplications(a, u, max),
    seqOf: (i) => org.applicationSeq(i),
  };
}

function candidateSource(ctx: SandboxContext, createdAfter?: number): ListSource {
  const { org } = ctx;
  return {
    resource: 'candidate.list',
    count: () => org.candidateCount,
    item: (i) => {
      const c = org.candidateBase(i);
      if (!c || org.isCandidateDeleted(i)) return undefined;
      if (createdAfter !== undefined && c.createdAt <= createdAfter) return undefined;
      return candidateJson(org, i);
    },
    changed: (a, u, max) => org.changedCandidates(a, u, max),
    seqOf: (i) => org.candidateSeq(i),
  };
}

export function candidateIndexOrThrow(ctx: SandboxContext, id: unknown): number {
  const i = ctx.org.indexOf('candidate', id);
  if (i === undefined || !ctx.org.candidateBase(i) || ctx.org.isCandidateDeleted(i)) throw notFound('candidate');
  return i;
}

export function applicationIndexOrThrow(ctx: SandboxContext, id: unknown): number {
  const i = ctx.org.indexOf('application', id);
  const base = i === undefined ? undefined : ctx.org.applicationBase(i);
  if (i === undefined || !base || ctx.org.isCandidateDeleted(ctx.org.applicationCandidate(i)))
    throw notFound('application');
  return i;
}

export function jobOrThrow(ctx: SandboxContext, id: unknown) {
  const i = ctx.org.indexOf('job', id);
  const job = i === undefined ? undefined : ctx.org.job(i);
  if (!job) throw notFound('job');
  return job;
}

export const readEndpoints: Record<string, EndpointDef> = {
  'apiKey.info': endpoint({
    permission: 'apiKeysRead',
    write: false,
    // Reads nothing from the body, so any body is fine, even one that is not an object.
    input: z.unknown(),
    handle: (_ctx, _input, key: SandboxApiKey) => ({
      results: {
        title: key.title,
        createdAt: new Date(key.createdAt).toISOString(),
        scopes: [...key.permissions].map(scopeName),
      },
    }),
  }),
  'webhook.info': endpoint({
    permission: 'apiKeysRead',
    write: false,
    input: z.object({ webhookId: z.string() }),
    handle: (ctx, input) => {
      const sub = ctx.webhooks.subscriptions.get(input.webhookId);
      if (!sub) throw notFound('webhook');
      // Like Ashby, never the secret.
      const { id, enabled, requestUrl, webhookType } = sub;
      return { results: { id, enabled, requestUrl, webhookType } };
    },
  }),
  'application.list': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({
      ...paging,
      createdAfter: z.number().int().optional(),
      status: z.enum(['Hired', 'Archived', 'Active', 'Lead']).optional(),
      jobId: z.string().optional(),
      expand: z.array(z.string()).optional(),
    }),
    handle: (ctx, input) => listPage(applicationSource(ctx, input), input, ctx.paging()),
  }),
  'application.info': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ applicationId: z.string(), expand: z.array(z.string()).optional() }),
    handle: (ctx, input) => ({
      results: applicationDetailJson(ctx.org, applicationIndexOrThrow(ctx, input.applicationId)),
    }),
  }),
  'application.listHistory': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ ...paging, applicationId: z.string() }),
    handle: (ctx, input) => {
      const index = applicationIndexOrThrow(ctx, input.applicationId);
      const items = applicationHistoryJson(ctx.org, index).map((item, seq) => ({ ...item, seq }));
      return listPage(arraySource(`application.listHistory:${index}`, items, ({ seq: _seq, ...item }) => item), input, ctx.paging());
    },
  }),
  'candidate.info': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ id: z.string() }),
    handle: (ctx, input) => ({ results: candidateJson(ctx.org, candidateIndexOrThrow(ctx, input.id)) }),
  }),
  'candidate.list': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ ...paging, createdAfter: z.number().int().optional() }),
    handle: (ctx, input) => listPage(candidateSource(ctx, input.createdAfter), input, ctx.paging()),
  }),
  'candidate.search': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ email: z.string().optional(), name: z.string().optional() }).refine((v) => v.email || v.name, {
      message: 'email or name is required',
    }),
    handle: (ctx, input) => {
      const results: object[] = [];
      const { org } = ctx;
      for (let i = 0; i < org.candidateCount && results.length < 100; i++) {
        const c = org.candidateBase(i);
        if (!c || org.isCandidateDeleted(i)) continue;
        if (input.email && c.email.toLowerCase() !== input.email.toLowerCase()) continue;
        if (input.name && !c.name.toLowerCase().includes(input.name.toLowerCase())) continue;
        results.push(candidateJson(org, i));
      }
      return { results };
    },
  }),
  'candidate.listNotes': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ ...paging, candidateId: z.string() }),
    handle: (ctx, input) => {
      const index = candidateIndexOrThrow(ctx, input.candidateId);
      const notes = ctx.org.notes.get(index) ?? [];
      return listPage(
        arraySource(`candidate.listNotes:${index}`, notes, (n) => noteJson(ctx.org, n)),
        input,
        ctx.paging(),
      );
    },
  }),
  'candidateTag.list': archivableList('candidateTag.list', 'hiringProcessMetadataRead', (ctx) => ctx.org.tags, tagJson),
  'file.info': endpoint({
    permission: 'candidatesRead',
    write: false,
    input: z.object({ fileHandle: z.string() }),
    handle: (ctx, input) => {
      const fileId = parseFileHandle(input.fileHandle);
      const known =
        fileId !== undefined && (ctx.org.files.has(fileId) || ctx.org.indexOf('resume', fileId) !== undefined);
      if (!fileId || !known) throw notFound('file');
      return { results: { url: fileUrl(ctx, fileId) } };
    },
  }),
  'job.list': endpoint({
    permission: 'jobsRead',
    write: false,
    input: z.object({
      ...paging,
      createdAfter: z.number().int().optional(),
      status: z.array(z.enum(['Draft', 'Open', 'Closed', 'Archived'])).optional(),
      includeUnpublishedJobPostingsIds: z.boolean().optional(),
      expand: z.array(z.string()).optional(),
    }),
    handle: (ctx, input) => {
      const statuses = new Set(input.status ?? ['Open', 'Closed', 'Archived']);
      const source = arraySource('job.list', ctx.org.jobs, (j) =>
        statuses.has(j.status) && (input.createdAfter === undefined || j.createdAt > input.createdAfter)
          ? jobJson(ctx.org, j)
          : undefined,
      );
      return listPage(source, input, ctx.paging());
    },
  }),
  'job.info': endpoint({
    permission: 'jobsRead',
    write: false,
    input: z.object({
      id: z.string(),
      includeUnpublishedJobPostingsIds: z.boolean().optional(),
      expand: z.array(z.string()).optional(),
    }),
    handle: (ctx, input) => ({ results: jobJson(ctx.org, jobOrThrow(ctx, input.id)) }),
  }),
  'jobPosting.list': endpoint({
    permission: 'jobsRead',
    write: false,
    input: z.object({
      location: z.string().optional(),
      department: z.string().optional(),
      listedOnly: z.boolean().optional(),
      jobBoardId: z.string().optional(),
    }),
    handle: (ctx, input) => {
      const results = ctx.org.jobs
        .filter((j) => j.status === 'Open' && (j.postingListed || !input.listedOnly))
        .filter((j) => input.location === undefined || j.template.location === input.location)
        .filter((j) => input.department === undefined || j.template.department === input.department)
        .map((j) => jobPostingSummaryJson(j));
      return { results };
    },
  }),
  'jobPosting.info': endpoint({
    permission: 'jobsRead',
    write: false,
    input: z.object({
      jobPostingId: z.string(),
      jobBoardId: z.string().optional(),
      expand: z.array(z.string()).optional(),
    }),
    handle: (ctx, input) => {
      const i = ctx.org.indexOf('posting', input.jobPostingId);
      const job = i === undefined ? undefined : ctx.org.job(i);
      if (!job) throw notFound('job_posting');
      return { results: jobPostingJson(job) };
    },
  }),
  'interviewStage.list': endpoint({
    permission: 'interviewsRead',
    write: false,
    input: z.object({ interviewPlanId: z.string() }),
    handle: (ctx, input) => {
      const plan = ctx.org.plan(input.interviewPlanId);
      if (!plan) throw notFound('interview_plan');
      return { results: plan.stages.map(stageJson), moreDataAvailable: false };
    },
  }),
  'interviewPlan.list': archivableList('interviewPlan.list', 'interviewsRead', (ctx) => ctx.org.plans, planJson),
  'customField.list': archivableList('customField.list', 'hiringProcessMetadataRead', (ctx) => ctx.org.fields, fieldDefJson),
  'user.list': endpoint({
    permission: 'organizationRead',
    write: false,
    input: z.object({ ...paging, includeDeactivated: z.boolean().optional() }),
    handle: (ctx, input) => {
      const source = arraySource('user.list', ctx.org.users, (u) =>
        !u.isEnabled && !input.includeDeactivated ? undefined : userJson(u),
      );
      return listPage(source, input, ctx.paging());
    },
  }),
  'user.info': endpoint({
    permission: 'organizationRead',
    write: false,
    input: z.object({ userId: z.string() }),
    handle: (ctx, input) => {
      const user = ctx.org.users.find((u) => u.id === input.userId);
      if (!user) throw notFound('user');
      return { results: userJson(user) };
    },
  }),
  'archiveReason.list': endpoint({
    permission: 'hiringProcessMetadataRead',
    write: false,
    input: includeArchivedInput,
    handle: (ctx, input) => ({
      results: ctx.org.archiveReasons.filter((r) => input.includeArchived || !r.isArchived).map(archiveReasonJson),
    }),
  }),
  'communicationTemplate.list': endpoint({
    permission: 'hiringProcessMetadataRead',
    write: false,
    input: z.object({}),
    handle: (ctx) => ({ results: ctx.org.communicationTemplates.map(communicationTemplateJson) }),
  }),
  'source.list': endpoint({
    permission: 'hiringProcessMetadataRead',
    write: false,
    input: includeArchivedInput,
    handle: (ctx, input) => ({
      results: ctx.org.sources.filter((s) => input.includeArchived || !s.isArchived).map(sourceJson),
      moreDataAvailable: false,
    }),
  }),
  // Only the seeded demographics report exists; Ashby answers an unknown report id with not found.
  'report.synchronous': endpoint({
    permission: 'reportsRead',
    write: false,
    input: z.object({ reportId: z.string(), includeHeadersInData: z.boolean().optional() }),
    handle: (ctx, input) => {
      if (input.reportId !== SANDBOX_DEMOGRAPHICS_REPORT_ID) throw notFound('report');
      const rows = demographicsReportRows(ctx.org);
      const now = new Date(ctx.now()).toISOString();
      return {
        results: {
          requestId: `rep_result:${input.reportId.slice(0, 8)}`,
          status: 'complete',
          reportData: {
            data: input.includeHeadersInData === false ? rows : [DEMOGRAPHIC_COLUMNS, ...rows],
            columnNames: DEMOGRAPHIC_COLUMNS,
            metadata: { title: 'EEOC survey answers by application', updatedAt: now, reportGeneratedAt: now },
          },
          failureReason: null,
        },
      };
    },
  }),
};
