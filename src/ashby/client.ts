import { z } from 'zod';
import { downloadFromUrl, uploadToPresignedUrl } from './file-transfer.ts';
import { createHttpGet, fetchGet, type HttpGet } from './node-http.ts';
import { type Page, paginate, paginateItems } from './pagination.ts';
import {
  archiveReasonSchema,
  communicationTemplateSchema,
  customFieldValueSchema,
  interviewPlanSchema,
  interviewStageSchema,
  sourceSchema,
  tagSchema,
  userSchema,
} from './schemas/common.ts';
import {
  type AshbyApplication,
  type AshbyCandidate,
  type AshbyNote,
  apiKeyInfoSchema,
  applicationDetailSchema,
  applicationHistoryItemSchema,
  applicationSchema,
  candidateSchema,
  customFieldDefinitionSchema,
  fileInfoSchema,
  fileUploadHandleSchema,
  jobPostingSchema,
  jobPostingSummarySchema,
  jobSchema,
  noteSchema,
  offerSchema,
  reportResultSchema,
  webhookSettingSchema,
} from './schemas/objects.ts';
import { AshbyTransport, type TransportOptions } from './transport.ts';

export type AshbyClientOptions = TransportOptions;

export type CustomFieldObjectType = 'Application' | 'Candidate' | 'Job' | 'Opening';
export interface CustomFieldWrite {
  fieldId: string;
  fieldValue: unknown;
}

/** Filters accepted by list endpoints that support delta sync. */
export interface ListFilters {
  syncToken?: string;
  createdAfter?: number;
  limit?: number;
  [filter: string]: unknown;
}

export interface NoteInput {
  candidateId: string;
  /** HTML is limited by Ashby to b, i, u, a, ul, ol, li, code, pre. */
  note: { type: 'text/plain' | 'text/html'; value: string };
  sendNotifications?: boolean;
  isPrivate?: boolean;
  /**
   * A string unique to this note that survives Ashby's HTML cleaning (e.g. "skima:decision:123").
   * Used to find the note after an ambiguous failure instead of writing it twice. Defaults to the
   * note's full value.
   */
  idempotencyMarker?: string;
}

/** candidate.create: only the name is required by Ashby. */
export interface CandidateCreateInput {
  name: string;
  email?: string;
  phoneNumber?: string;
  linkedInUrl?: string;
  githubUrl?: string;
  website?: string;
  sourceId?: string;
  creditedToUserId?: string;
}

export interface FileUploadInput {
  candidateId: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

const okSchema = z.unknown();

/**
 * One method per Ashby endpoint Skima uses. Every call goes through the transport (rate limit,
 * concurrency bound, retries, typed errors, zod-parsed results).
 */
export class AshbyClient {
  readonly transport: AshbyTransport;
  private readonly fetchImpl: typeof fetch;
  private readonly get: HttpGet;
  private readonly timeoutMs: number;

  constructor(options: AshbyClientOptions) {
    this.transport = new AshbyTransport(options);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    // Downloads over node:http unless a fetch was given (tests route every call through theirs).
    this.get = options.fetch ? fetchGet(options.fetch) : createHttpGet();
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private async results<S extends z.ZodType>(endpoint: string, body: object, schema: S): Promise<z.output<S>> {
    return (await this.transport.call(endpoint, body, schema)).results;
  }

  readonly apiKey = {
    info: () => this.results('apiKey.info', {}, apiKeyInfoSchema),
  };

  readonly application = {
    list: (filters: ListFilters & { jobId?: string; status?: string } = {}) =>
      paginateItems(this.transport, 'application.list', filters, applicationSchema),
    pages: (filters: ListFilters & { jobId?: string; status?: string } = {}): AsyncGenerator<Page<AshbyApplication>> =>
      paginate(this.transport, 'application.list', filters, applicationSchema),
    info: (applicationId: string) => this.results('application.info', { applicationId }, applicationDetailSchema),
    /** Every stage the application entered, oldest first (paged). */
    listHistory: (applicationId: string) =>
      paginateItems(this.transport, 'application.listHistory', { applicationId }, applicationHistoryItemSchema),
    changeStage: (input: {
      applicationId: string;
      interviewStageId: string;
      archiveReasonId?: string;
      /** With an archive only: Ashby sends this template to the candidate (never set unless a person picked it). */
      archiveEmail?: { communicationTemplateId: string };
    }) =>
      this.results('application.changeStage', input, applicationSchema),
    create: (input: {
      candidateId: string;
      jobId: string;
      interviewStageId?: string;
      sourceId?: string;
      creditedToUserId?: string;
    }) => this.createApplication(input),
  };

  readonly candidate = {
    info: (id: string) => this.results('candidate.info', { id }, candidateSchema),
    list: (filters: ListFilters = {}) => paginateItems(this.transport, 'candidate.list', filters, candidateSchema),
    pages: (filters: ListFilters = {}): AsyncGenerator<Page<AshbyCandidate>> =>
      paginate(this.transport, 'candidate.list', filters, candidateSchema),
    search: (query: { email?: string; name?: string }) =>
      this.results('candidate.search', query, z.array(candidateSchema)),
    addTag: (candidateId: string, tagId: string) =>
      this.results('candidate.addTag', { candidateId, tagId }, candidateSchema),
    createNote: (input: NoteInput) => this.createNote(input),
    listNotes: (candidateId: string, filters: ListFilters = {}) =>
      paginateItems(this.transport, 'candidate.listNotes', { ...filters, candidateId }, noteSchema),
    notePages: (candidateId: string, filters: ListFilters = {}): AsyncGenerator<Page<AshbyNote>> =>
      paginate(this.transport, 'candidate.listNotes', { ...filters, candidateId }, noteSchema),
    /** file.createFileUploadHandle, the presigned upload, then candidate.uploadFile. */
    uploadFile: (input: FileUploadInput) => this.uploadFile(input),
    /** Not idempotent in Ashby (a second call is a second candidate): recovers by email when one was given. */
    create: (input: CandidateCreateInput) => this.createCandidate(input),
    /** file.createFileUploadHandle (CandidateResume), the presigned upload, then candidate.uploadResume,
     * which replaces the candidate's resume and is safe to repeat with the same handle. */
    uploadResume: (input: FileUploadInput) => this.uploadResume(input),
  };

  readonly candidateTag = {
    list: (filters: ListFilters & { includeArchived?: boolean } = {}) =>
      paginateItems(this.transport, 'candidateTag.list', filters, tagSchema),
    /** Idempotent by title in Ashby: an existing tag with the same title is returned. */
    create: (title: string) => this.results('candidateTag.create', { title }, tagSchema),
  };

  readonly file = {
    createUploadHandle: (input: {
      fileUploadContext: 'CandidateFiles' | 'CandidateResume';
      filename: string;
      contentType: string;
      contentLength: number;
    }) => this.results('file.createFileUploadHandle', input, fileUploadHandleSchema),
    info: (fileHandle: string) => this.results('file.info', { fileHandle }, fileInfoSchema),
    /** Resolves the handle to its short-lived URL and downloads the bytes at once. */
    download: async (fileHandle: string, maxBytes = 25 * 1024 * 1024) => {
      const { url } = await this.file.info(fileHandle);
      return downloadFromUrl(this.get, url, { timeoutMs: this.timeoutMs, maxBytes });
    },
  };

  readonly job = {
    list: (filters: ListFilters & { status?: string[] } = {}) =>
      paginateItems(this.transport, 'job.list', filters, jobSchema),
    pages: (filters: ListFilters & { status?: string[] } = {}) =>
      paginate(this.transport, 'job.list', filters, jobSchema),
    info: (id: string) => this.results('job.info', { id }, jobSchema),
  };

  readonly jobPosting = {
    /** Not paginated by Ashby: one response with every posting. */
    list: (filters: { listedOnly?: boolean; location?: string; department?: string } = {}) =>
      this.results('jobPosting.list', filters, z.array(jobPostingSummarySchema)),
    info: (jobPostingId: string) => this.results('jobPosting.info', { jobPostingId }, jobPostingSchema),
  };

  readonly interviewStage = {
    list: (interviewPlanId: string) =>
      this.results('interviewStage.list', { interviewPlanId }, z.array(interviewStageSchema)),
  };

  readonly interviewPlan = {
    list: (filters: ListFilters & { includeArchived?: boolean } = {}) =>
      paginateItems(this.transport, 'interviewPlan.list', filters, interviewPlanSchema),
  };

  readonly customField = {
    list: (filters: ListFilters & { includeArchived?: boolean } = {}) =>
      paginateItems(this.transport, 'customField.list', filters, customFieldDefinitionSchema),
    create: (input: {
      fieldType: string;
      objectType: string;
      title: string;
      description?: string;
      selectableValues?: Array<{ label: string; value: string }>;
    }) => this.results('customField.create', input, customFieldDefinitionSchema),
    setValue: (input: { objectType: CustomFieldObjectType; objectId: string } & CustomFieldWrite) =>
      this.results('customField.setValue', input, customFieldValueSchema),
    setValues: (input: { objectType: CustomFieldObjectType; objectId: string; values: CustomFieldWrite[] }) =>
      this.results('customField.setValues', input, z.array(customFieldValueSchema)),
  };

  readonly user = {
    list: (filters: ListFilters & { includeDeactivated?: boolean } = {}) =>
      paginateItems(this.transport, 'user.list', filters, userSchema),
    info: (userId: string) => this.results('user.info', { userId }, userSchema),
  };

  readonly report = {
    /** A saved Ashby report's rows, headers apart (beta; 15 a minute per organisation, 30 s at most). */
    synchronous: (reportId: string) =>
      this.results('report.synchronous', { reportId, includeHeadersInData: false }, reportResultSchema),
  };

  /** Offers (the `offersRead` permission): the hand-off attaches an accepted offer's files on request. */
  readonly offer = {
    list: (filters: ListFilters & { applicationId?: string } = {}) =>
      paginateItems(this.transport, 'offer.list', filters, offerSchema),
    info: (offerId: string) => this.results('offer.info', { offerId }, offerSchema),
  };

  readonly archiveReason = {
    list: (filters: { includeArchived?: boolean } = {}) =>
      this.results('archiveReason.list', filters, z.array(archiveReasonSchema)),
  };

  /** The enabled email templates: a rejection email on an archive is only ever one a person picked. */
  readonly communicationTemplate = {
    list: () => this.results('communicationTemplate.list', {}, z.array(communicationTemplateSchema)),
  };

  readonly source = {
    list: (filters: { includeArchived?: boolean } = {}) => this.results('source.list', filters, z.array(sourceSchema)),
  };

  readonly webhook = {
    create: (input: { webhookType: string; requestUrl: string; secretToken: string }) =>
      this.results('webhook.create', input, webhookSettingSchema),
    /** There is no webhook.list in Ashby's API: callers keep the ids they create. */
    info: (webhookId: string) => this.results('webhook.info', { webhookId }, webhookSettingSchema),
    delete: (webhookId: string) => this.results('webhook.delete', { webhookId }, okSchema),
  };

  private createNote(input: NoteInput): Promise<AshbyNote> {
    const { idempotencyMarker, ...body } = input;
    const marker = idempotencyMarker ?? input.note.value;
    const recover = async () => {
      for await (const note of this.candidate.listNotes(input.candidateId)) {
        if (note.content?.includes(marker)) return note;
      }
      return undefined;
    };
    return this.transport
      .call('candidate.createNote', body, noteSchema, { idempotent: false, recover: wrap(recover) })
      .then((r) => r.results);
  }

  private async createApplication(input: { candidateId: string; jobId: string }): Promise<AshbyApplication> {
    // One application per candidate and job: if an earlier attempt landed, return it.
    const recover = async () => {
      const candidate = await this.candidate.info(input.candidateId);
      for (const applicationId of candidate.applicationIds) {
        const application = await this.application.info(applicationId);
        if (application.job.id === input.jobId) return application;
      }
      return undefined;
    };
    const r = await this.transport.call('application.create', input, applicationSchema, {
      idempotent: false,
      recover: wrap(recover),
    });
    return r.results;
  }

  private async createCandidate(input: CandidateCreateInput): Promise<AshbyCandidate> {
    const email = input.email;
    const recover = email
      ? async () => {
        const found = await this.candidate.search({ email });
        return found.find((c) => c.name === input.name);
      }
      : undefined;
    const r = await this.transport.call('candidate.create', input, candidateSchema, {
      idempotent: false,
      ...(recover ? { recover: wrap(recover) } : {}),
    });
    return r.results;
  }

  private async uploadResume(input: FileUploadInput): Promise<AshbyCandidate> {
    const upload = await this.file.createUploadHandle({
      fileUploadContext: 'CandidateResume',
      filename: input.filename,
      contentType: input.contentType,
      contentLength: input.bytes.byteLength,
    });
    await uploadToPresignedUrl(this.fetchImpl, upload, input, { timeoutMs: this.timeoutMs });
    return this.results('candidate.uploadResume', { candidateId: input.candidateId, resumeHandle: upload.handle }, candidateSchema);
  }

  private async uploadFile(input: FileUploadInput): Promise<AshbyCandidate> {
    // Handles and the presigned upload are safe to repeat (an unused handle is harmless); attaching
    // the file is not, so remember which files the candidate had before.
    const before = new Set((await this.candidate.info(input.candidateId)).fileHandles.map((f) => f.id));
    const upload = await this.file.createUploadHandle({
      fileUploadContext: 'CandidateFiles',
      filename: input.filename,
      contentType: input.contentType,
      contentLength: input.bytes.byteLength,
    });
    await uploadToPresignedUrl(this.fetchImpl, upload, input, { timeoutMs: this.timeoutMs });
    const recover = async () => {
      const candidate = await this.candidate.info(input.candidateId);
      const attached = candidate.fileHandles.some((f) => !before.has(f.id) && f.name === input.filename);
      return attached ? candidate : undefined;
    };
    const r = await this.transport.call(
      'candidate.uploadFile',
      { candidateId: input.candidateId, fileHandle: upload.handle },
      candidateSchema,
      { idempotent: false, recover: wrap(recover) },
    );
    return r.results;
  }
}

/** Adapts a probe returning the bare result to the transport's CallResult shape. */
function wrap<T>(probe: () => Promise<T | undefined>) {
  return async () => {
    const found = await probe();
    if (found === undefined) return undefined;
    return {
      results: found,
      moreDataAvailable: undefined,
      nextCursor: undefined,
      syncToken: undefined,
      requestId: undefined,
      warnings: undefined,
    };
  };
}
