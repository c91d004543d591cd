import { z } from 'zod';
import type { SandboxApiKey } from './api-keys.ts';
import { scopeName } from './api-keys.ts';
import { type EndpointDef, parseInput, type SandboxContext } from './context.ts';
import { fileUrl } from './file-urls.ts';
import { arraySource, type ListSource, listPage } from './list-paging.ts';
import { statusForStage } from './org-state.ts';
import { notFound } from './sandbox-error.ts';
import {
  applicationDetailJson,
  applicationJson,
  archiveReasonJson,
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

/** A paged list of organisation metadata that can be archived: archived items only when asked for. */
function archivableList<T extends { isArchived: boolean; seq: number }>(
  resource: string,
  permission: EndpointDef['permission'],
  items: (ctx: SandboxContext) => T[],
  toJson: (item: T) => object,
): EndpointDef {
  return {
    permission,
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ ...paging, ...includeArchived }), body);
      const source = arraySource(resource, items(ctx), (item) =>
        item.isArchived && !input.includeArchived ? undefined : toJson(item),
      );
      return listPage(source, input, ctx.paging());
    },
  };
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
  'apiKey.info': {
    permission: 'apiKeysRead',
    write: false,
    handle: (_ctx, _body, key: SandboxApiKey) => ({
      results: {
        title: key.title,
        createdAt: new Date(key.createdAt).toISOString(),
        scopes: [...key.permissions].map(scopeName),
      },
    }),
  },
  'webhook.info': {
    permission: 'apiKeysRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ webhookId: z.string() }), body);
      const sub = ctx.webhooks.subscriptions.get(input.webhookId);
      if (!sub) throw notFound('webhook');
      // Like Ashby, never the secret.
      const { id, enabled, requestUrl, webhookType } = sub;
      return { results: { id, enabled, requestUrl, webhookType } };
    },
  },
  'application.list': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(
        z.object({
          ...paging,
          createdAfter: z.number().int().optional(),
          status: z.enum(['Hired', 'Archived', 'Active', 'Lead']).optional(),
          jobId: z.string().optional(),
          expand: z.array(z.string()).optional(),
        }),
        body,
      );
      return listPage(applicationSource(ctx, input), input, ctx.paging());
    },
  },
  'application.info': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ applicationId: z.string(), expand: z.array(z.string()).optional() }), body);
      return { results: applicationDetailJson(ctx.org, applicationIndexOrThrow(ctx, input.applicationId)) };
    },
  },
  'candidate.info': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ id: z.string() }), body);
      return { results: candidateJson(ctx.org, candidateIndexOrThrow(ctx, input.id)) };
    },
  },
  'candidate.list': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ ...paging, createdAfter: z.number().int().optional() }), body);
      return listPage(candidateSource(ctx, input.createdAfter), input, ctx.paging());
    },
  },
  'candidate.search': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(
        z.object({ email: z.string().optional(), name: z.string().optional() }).refine((v) => v.email || v.name, {
          message: 'email or name is required',
        }),
        body,
      );
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
  },
  'candidate.listNotes': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ ...paging, candidateId: z.string() }), body);
      const index = candidateIndexOrThrow(ctx, input.candidateId);
      const notes = ctx.org.notes.get(index) ?? [];
      return listPage(
        arraySource(`candidate.listNotes:${index}`, notes, (n) => noteJson(ctx.org, n)),
        input,
        ctx.paging(),
      );
    },
  },
  'candidateTag.list': archivableList('candidateTag.list', 'hiringProcessMetadataRead', (ctx) => ctx.org.tags, tagJson),
  'file.info': {
    permission: 'candidatesRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ fileHandle: z.string() }), body);
      const fileId = parseFileHandle(input.fileHandle);
      const known =
        fileId !== undefined && (ctx.org.files.has(fileId) || ctx.org.indexOf('resume', fileId) !== undefined);
      if (!fileId || !known) throw notFound('file');
      return { results: { url: fileUrl(ctx, fileId) } };
    },
  },
  'job.list': {
    permission: 'jobsRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(
        z.object({
          ...paging,
          createdAfter: z.number().int().optional(),
          status: z.array(z.enum(['Draft', 'Open', 'Closed', 'Archived'])).optional(),
          includeUnpublishedJobPostingsIds: z.boolean().optional(),
          expand: z.array(z.string()).optional(),
        }),
        body,
      );
      const statuses = new Set(input.status ?? ['Open', 'Closed', 'Archived']);
      const source = arraySource('job.list', ctx.org.jobs, (j) =>
        statuses.has(j.status) && (input.createdAfter === undefined || j.createdAt > input.createdAfter)
          ? jobJson(ctx.org, j)
          : undefined,
      );
      return listPage(source, input, ctx.paging());
    },
  },
  'job.info': {
    permission: 'jobsRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(
        z.object({
          id: z.string(),
          includeUnpublishedJobPostingsIds: z.boolean().optional(),
          expand: z.array(z.string()).optional(),
        }),
        body,
      );
      return { results: jobJson(ctx.org, jobOrThrow(ctx, input.id)) };
    },
  },
  'jobPosting.list': {
    permission: 'jobsRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(
        z.object({
          location: z.string().optional(),
          department: z.string().optional(),
          listedOnly: z.boolean().optional(),
          jobBoardId: z.string().optional(),
        }),
        body,
      );
      const results = ctx.org.jobs
        .filter((j) => j.status === 'Open' && (j.postingListed || !input.listedOnly))
        .filter((j) => input.location === undefined || j.template.location === input.location)
        .filter((j) => input.department === undefined || j.template.department === input.department)
        .map((j) => jobPostingSummaryJson(j));
      return { results };
    },
  },
  'jobPosting.info': {
    permission: 'jobsRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(
        z.object({
          jobPostingId: z.string(),
          jobBoardId: z.string().optional(),
          expand: z.array(z.string()).optional(),
        }),
        body,
      );
      const i = ctx.org.indexOf('posting', input.jobPostingId);
      const job = i === undefined ? undefined : ctx.org.job(i);
      if (!job) throw notFound('job_posting');
      return { results: jobPostingJson(job) };
    },
  },
  'interviewStage.list': {
    permission: 'interviewsRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ interviewPlanId: z.string() }), body);
      const plan = ctx.org.plan(input.interviewPlanId);
      if (!plan) throw notFound('interview_plan');
      return { results: plan.stages.map(stageJson), moreDataAvailable: false };
    },
  },
  'interviewPlan.list': archivableList('interviewPlan.list', 'interviewsRead', (ctx) => ctx.org.plans, planJson),
  'customField.list': archivableList('customField.list', 'hiringProcessMetadataRead', (ctx) => ctx.org.fields, fieldDefJson),
  'user.list': {
    permission: 'organizationRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ ...paging, includeDeactivated: z.boolean().optional() }), body);
      const source = arraySource('user.list', ctx.org.users, (u) =>
        !u.isEnabled && !input.includeDeactivated ? undefined : userJson(u),
      );
      return listPage(source, input, ctx.paging());
    },
  },
  'user.info': {
    permission: 'organizationRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object({ userId: z.string() }), body);
      const user = ctx.org.users.find((u) => u.id === input.userId);
      if (!user) throw notFound('user');
      return { results: userJson(user) };
    },
  },
  'archiveReason.list': {
    permission: 'hiringProcessMetadataRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object(includeArchived), body);
      return {
        results: ctx.org.archiveReasons.filter((r) => input.includeArchived || !r.isArchived).map(archiveReasonJson),
      };
    },
  },
  'source.list': {
    permission: 'hiringProcessMetadataRead',
    write: false,
    handle: (ctx, body) => {
      const input = parseInput(z.object(includeArchived), body);
      return {
        results: ctx.org.sources.filter((s) => input.includeArchived || !s.isArchived).map(sourceJson),
        moreDataAvailable: false,
      };
    },
  },
};
