import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ASHBY_WEBHOOK_TYPES } from '../ashby/webhook-types.ts';
import { type EndpointDef, endpoint, type SandboxContext } from './context.ts';
import { validateFieldValue } from './field-values.ts';
import { applicationIndexOrThrow, candidateIndexOrThrow, jobOrThrow } from './handlers-read.ts';
import { type PlanRec, type StageRec, statusForStage } from './org-state.ts';
import { ensureOffer } from './offers.ts';
import { notFound, SandboxApiError } from './sandbox-error.ts';
import { applicationJson, candidateJson, customFieldValueJson, fieldDefJson, noteJson, tagJson } from './serialize.ts';

const ALLOWED_NOTE_TAGS = new Set(['b', 'i', 'u', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'br', 'p']);

/** Ashby keeps only a few HTML tags in notes and strips the rest. */
function cleanNoteHtml(html: string): string {
  return html.replace(/<\/?([a-zA-Z0-9]+)(\s[^>]*)?>/g, (tag, name: string) =>
    ALLOWED_NOTE_TAGS.has(name.toLowerCase()) ? tag : '',
  );
}

/** Stage moves, custom-field writes and hires fire related webhooks under one webhookActionId. */
function fireApplicationEvents(ctx: SandboxContext, index: number, actions: string[]) {
  const application = applicationJson(ctx.org, index);
  ctx.webhooks.emit(actions.map((action) => ({ action, data: { application } })));
}

function setCustomFields(
  ctx: SandboxContext,
  input: { objectType: string; objectId: string; values: Array<{ fieldId: string; fieldValue: unknown }> },
) {
  const { org } = ctx;
  // Validate everything first: a bad value writes nothing.
  const checked = input.values.map((v) => {
    const field = org.fields.find((f) => f.id === v.fieldId && !f.isArchived);
    if (!field) throw notFound('custom_field');
    if (field.objectType !== input.objectType) {
      throw new SandboxApiError(
        'invalid_input',
        `Custom field "${field.title}" belongs to ${field.objectType}, not ${input.objectType}`,
      );
    }
    return { field, value: validateFieldValue(field, v.fieldValue) };
  });
  const now = ctx.now();
  let store: Map<string, unknown>;
  let afterWrite = () => {};
  if (input.objectType === 'Application') {
    const i = applicationIndexOrThrow(ctx, input.objectId);
    store = org.touchApplication(i, now).customFields;
    afterWrite = () => fireApplicationEvents(ctx, i, ['applicationUpdate']);
  } else if (input.objectType === 'Candidate') {
    store = org.touchCandidate(candidateIndexOrThrow(ctx, input.objectId), now).customFields;
  } else if (input.objectType === 'Job') {
    const job = jobOrThrow(ctx, input.objectId);
    job.updatedAt = now;
    job.seq = org.nextSeq();
    store = job.customFields;
  } else {
    throw new SandboxApiError('invalid_input', `Custom fields on ${input.objectType} are not supported by the sandbox`);
  }
  for (const { field, value } of checked) {
    if (value === null) store.delete(field.id);
    else store.set(field.id, value);
  }
  afterWrite();
  return checked.map(({ field, value }) => customFieldValueJson(org, field.id, value));
}

const objectType = z.enum(['Application', 'Candidate', 'Job', 'Opening']);

export const writeEndpoints: Record<string, EndpointDef> = {
  'application.changeStage': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({
      applicationId: z.string(),
      interviewStageId: z.string(),
      archiveReasonId: z.string().optional(),
      archiveEmail: z.object({ communicationTemplateId: z.string(), sendAt: z.string().optional() }).optional(),
    }),
    handle: (ctx, input) => {
      const { org } = ctx;
      const i = applicationIndexOrThrow(ctx, input.applicationId);
      const current = org.applicationStage(i);
      const plan = org.plan(current.planId) as PlanRec;
      const target = plan.stages.find((s) => s.id === input.interviewStageId) as StageRec | undefined;
      if (!target) throw notFound('interview_stage');
      if (target.type === 'Archived' && !input.archiveReasonId) {
        throw new SandboxApiError('invalid_input', 'An archive reason is required when moving to an archived stage');
      }
      if (target.type !== 'Archived' && (input.archiveReasonId || input.archiveEmail)) {
        throw new SandboxApiError('invalid_input', 'Archive fields are only allowed when moving to an archived stage');
      }
      const template = input.archiveEmail?.communicationTemplateId;
      if (template && !org.communicationTemplates.some((t) => t.id === template))
        throw new SandboxApiError('communication_template_not_found', 'Communication template not found');
      const reason = input.archiveReasonId ? org.archiveReasons.find((r) => r.id === input.archiveReasonId) : undefined;
      if (input.archiveReasonId && !reason) throw notFound('archive_reason');

      const now = ctx.now();
      const overlay = org.touchApplication(i, now);
      const moved = overlay.stageId !== target.id;
      overlay.stageId = target.id;
      overlay.archiveReasonId = reason?.id;
      overlay.archivedAt = target.type === 'Archived' ? now : undefined;
      if (moved) overlay.history.push({ stageId: target.id, enteredAt: now });
      if (moved) {
        const hired = statusForStage(target) === 'Hired';
        if (hired) ensureOffer(org, i, now); // Ashby's hires follow an accepted offer
        fireApplicationEvents(
          ctx,
          i,
          hired
            ? ['candidateHire', 'candidateStageChange', 'applicationUpdate']
            : ['candidateStageChange', 'applicationUpdate'],
        );
      }
      return { results: applicationJson(org, i) };
    },
  }),
  'application.create': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({
      candidateId: z.string(),
      jobId: z.string(),
      interviewPlanId: z.string().optional(),
      interviewStageId: z.string().optional(),
      sourceId: z.string().optional(),
      creditedToUserId: z.string().optional(),
      createdAt: z.string().optional(),
    }),
    handle: (ctx, input) => {
      const { org } = ctx;
      const candidateIndex = candidateIndexOrThrow(ctx, input.candidateId);
      const job = jobOrThrow(ctx, input.jobId);
      if (input.interviewPlanId && input.interviewPlanId !== job.planId) throw notFound('interview_plan');
      const plan = org.plan(job.planId) as PlanRec;
      const stage =
        input.interviewStageId === undefined
          ? (plan.stages[0] as StageRec)
          : input.interviewStageId === 'FirstPreInterviewScreen'
            ? (plan.stages.find((s) => s.type === 'PreInterviewScreen') as StageRec)
            : plan.stages.find((s) => s.id === input.interviewStageId);
      if (!stage) throw notFound('interview_stage');
      if (org.candidateApplications(candidateIndex).some((a) => org.applicationBase(a)?.jobIndex === job.index)) {
        throw new SandboxApiError('invalid_input', 'The candidate already has an application for this job');
      }
      const sourceIndex = input.sourceId === undefined ? 0 : org.sources.findIndex((s) => s.id === input.sourceId);
      if (sourceIndex < 0) throw notFound('source');
      const now = ctx.now();
      const index = org.createApplication(
        {
          candidateIndex,
          jobIndex: job.index,
          createdAt: now,
          stageOrder: stage.order,
          sourceIndex,
          archiveReasonIndex: 0,
        },
        stage.id,
        now,
      );
      return { results: applicationJson(org, index) };
    },
  }),
  'candidate.create': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({
      name: z.string().trim().min(1),
      email: z.string().optional(),
      phoneNumber: z.string().optional(),
      linkedInUrl: z.url().optional(),
      githubUrl: z.url().optional(),
      website: z.url().optional(),
      alternateEmailAddresses: z.array(z.string()).optional(),
      sourceId: z.string().optional(),
      creditedToUserId: z.string().optional(),
      location: z.object({ city: z.string(), region: z.string(), country: z.string() }).partial().optional(),
      createdAt: z.string().optional(),
    }),
    handle: (ctx, input) => {
      const { org } = ctx;
      // Like Ashby, no de-duplication here: a second create with the same email is a second candidate
      // (Ashby flags it as a possible duplicate later). Callers search first.
      const sourceIndex = input.sourceId === undefined ? 0 : org.sources.findIndex((s) => s.id === input.sourceId);
      if (sourceIndex < 0) throw notFound('source');
      if (input.creditedToUserId && !org.users.some((u) => u.id === input.creditedToUserId)) throw notFound('user');
      const now = ctx.now();
      const socialLinks = [
        ...(input.linkedInUrl ? [{ type: 'LinkedIn', url: input.linkedInUrl }] : []),
        ...(input.githubUrl ? [{ type: 'GitHub', url: input.githubUrl }] : []),
        ...(input.website ? [{ type: 'Website', url: input.website }] : []),
      ];
      const index = org.createCandidate(
        {
          name: input.name,
          email: input.email ?? '',
          phone: input.phoneNumber ?? '',
          createdAt: now,
          sourceIndex,
          resumeJobIndex: 0,
          hasResume: false,
          socialLinks,
        },
        now,
      );
      return { results: candidateJson(org, index) };
    },
  }),
  'candidate.uploadResume': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({ candidateId: z.string(), resumeHandle: z.string() }),
    handle: (ctx, input) => {
      const i = candidateIndexOrThrow(ctx, input.candidateId);
      const uploadId = uploadIdOf(input.resumeHandle);
      const upload = uploadId ? ctx.uploads.get(uploadId) : undefined;
      if (!upload?.uploaded) throw new SandboxApiError('invalid_input', 'The resume handle has no uploaded file');
      ctx.org.touchCandidate(i, ctx.now()).resumeFileId = upload.fileId;
      return { results: candidateJson(ctx.org, i) };
    },
  }),
  'candidate.addTag': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({ candidateId: z.string(), tagId: z.string() }),
    handle: (ctx, input) => {
      const i = candidateIndexOrThrow(ctx, input.candidateId);
      const tag = ctx.org.tags.find((t) => t.id === input.tagId);
      if (!tag) throw notFound('tag');
      const overlay = ctx.org.touchCandidate(i, ctx.now());
      if (!overlay.tagIds.includes(tag.id)) overlay.tagIds.push(tag.id);
      return { results: candidateJson(ctx.org, i) };
    },
  }),
  'candidate.createNote': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({
      candidateId: z.string(),
      note: z.union([z.string(), z.object({ type: z.enum(['text/plain', 'text/html']), value: z.string() })]),
      sendNotifications: z.boolean().optional(),
      isPrivate: z.boolean().optional(),
      createdAt: z.string().optional(),
    }),
    handle: (ctx, input) => {
      const i = candidateIndexOrThrow(ctx, input.candidateId);
      const raw = typeof input.note === 'string' ? input.note : input.note.value;
      const html = typeof input.note !== 'string' && input.note.type === 'text/html';
      const content = html ? cleanNoteHtml(raw) : raw;
      const createdAt = input.createdAt ? Date.parse(input.createdAt) : ctx.now();
      if (Number.isNaN(createdAt))
        throw new SandboxApiError('invalid_input', 'Invalid input: createdAt: not an ISO date');
      // Notes are written by the API key's integration user (the org admin in the sandbox).
      const author = ctx.org.users[7] ?? ctx.org.users[0];
      const note = ctx.org.addNote(i, {
        createdAt,
        content,
        isPrivate: input.isPrivate ?? false,
        authorId: author?.id ?? '',
      });
      return { results: noteJson(ctx.org, note) };
    },
  }),
  'file.createFileUploadHandle': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({
      fileUploadContext: z.enum(['CandidateResume', 'CandidateFiles', 'ApplicationForm']),
      filename: z.string().min(1),
      contentType: z.string().min(1),
      contentLength: z.number().int().min(0).max(50 * 1024 * 1024),
    }),
    handle: (ctx, input) => {
      const id = randomUUID();
      const upload = {
        id,
        fileId: `pending-${id}`,
        filename: input.filename,
        contentType: input.contentType,
        contentLength: input.contentLength,
        expiresAt: ctx.now() + 10 * 60_000,
        uploaded: false,
      };
      ctx.uploads.set(id, upload);
      const key = `uploads/${id}/${input.filename}`;
      return {
        results: {
          handle: Buffer.from(JSON.stringify({ handle: { type: 'Upload', uploadId: id } })).toString('base64url'),
          url: `${ctx.baseUrl()}/_uploads/${id}`,
          fields: { key, 'Content-Type': input.contentType, 'x-sandbox-expires': String(upload.expiresAt) },
        },
      };
    },
  }),
  'candidate.uploadFile': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({ candidateId: z.string(), fileHandle: z.string() }),
    handle: (ctx, input) => {
      const i = candidateIndexOrThrow(ctx, input.candidateId);
      const uploadId = uploadIdOf(input.fileHandle);
      const upload = uploadId ? ctx.uploads.get(uploadId) : undefined;
      if (!upload?.uploaded) throw new SandboxApiError('invalid_input', 'The file handle has no uploaded file');
      const overlay = ctx.org.touchCandidate(i, ctx.now());
      if (!overlay.fileIds.includes(upload.fileId)) overlay.fileIds.push(upload.fileId);
      return { results: candidateJson(ctx.org, i) };
    },
  }),
  'candidateTag.create': endpoint({
    permission: 'hiringProcessMetadataWrite',
    write: true,
    input: z.object({ title: z.string().min(1) }),
    handle: (ctx, input) => {
      const existing = ctx.org.tags.find((t) => t.title === input.title);
      return { results: tagJson(existing ?? ctx.org.createTag(input.title)) };
    },
  }),
  'customField.create': endpoint({
    permission: 'hiringProcessMetadataWrite',
    write: true,
    input: z
      .object({
        fieldType: z.enum([
          'Boolean',
          'CompensationRange',
          'Currency',
          'Date',
          'LongText',
          'MultiValueSelect',
          'Number',
          'NumberRange',
          'String',
          'ValueSelect',
          'Url',
          'UUID',
        ]),
        objectType: z.enum([
          'Application',
          'Candidate',
          'Job',
          'Employee',
          'Talent_Project',
          'Opening_Version',
          'Offer_Version',
        ]),
        title: z.string().min(1),
        description: z.string().optional(),
        selectableValues: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
        isDateOnlyField: z.boolean().optional(),
        isExposableToCandidate: z.boolean().optional(),
      })
      .refine(
        (v) => !['ValueSelect', 'MultiValueSelect'].includes(v.fieldType) || (v.selectableValues?.length ?? 0) > 0,
        {
          message: 'selectableValues is required for ValueSelect and MultiValueSelect',
          path: ['selectableValues'],
        },
      ),
    handle: (ctx, input) => {
      const objectType =
        input.objectType === 'Opening_Version'
          ? 'Opening'
          : input.objectType === 'Offer_Version'
            ? 'Offer'
            : input.objectType;
      return { results: fieldDefJson(ctx.org.createField({ ...input, objectType })) };
    },
  }),
  'customField.setValue': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({ objectId: z.string(), objectType, fieldId: z.string(), fieldValue: z.unknown() }),
    handle: (ctx, input) => {
      const [value] = setCustomFields(ctx, {
        objectType: input.objectType,
        objectId: input.objectId,
        values: [{ fieldId: input.fieldId, fieldValue: input.fieldValue }],
      });
      return { results: value };
    },
  }),
  'customField.setValues': endpoint({
    permission: 'candidatesWrite',
    write: true,
    input: z.object({
      objectId: z.string(),
      objectType,
      values: z.array(z.object({ fieldId: z.string(), fieldValue: z.unknown() })).min(1),
    }),
    handle: (ctx, input) => ({ results: setCustomFields(ctx, input) }),
  }),
  'webhook.create': endpoint({
    permission: 'apiKeysWrite',
    write: true,
    input: z.object({
      webhookType: z.enum(ASHBY_WEBHOOK_TYPES),
      requestUrl: z.string().regex(/^https?:\/\/\S+$/),
      secretToken: z.string().min(1),
    }),
    handle: (ctx, input) => {
      const sub = ctx.webhooks.subscribe(input);
      // Like Ashby's UI, a new webhook is greeted with a ping.
      ctx.webhooks.emit([{ action: 'ping', data: { webhookActionType: 'ping' } }], sub);
      return {
        results: {
          id: sub.id,
          enabled: sub.enabled,
          requestUrl: sub.requestUrl,
          secretToken: sub.secretToken,
          webhookType: sub.webhookType,
        },
      };
    },
  }),
  'webhook.delete': endpoint({
    permission: 'apiKeysWrite',
    write: true,
    input: z.object({ webhookId: z.string() }),
    handle: (ctx, input) => {
      if (!ctx.webhooks.unsubscribe(input.webhookId)) throw notFound('webhook');
      return { results: { webhookId: input.webhookId } };
    },
  }),
};

function uploadIdOf(handle: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8'));
    return typeof parsed?.handle?.uploadId === 'string' ? parsed.handle.uploadId : undefined;
  } catch {
    return undefined;
  }
}
