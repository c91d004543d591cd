import { z } from 'zod';
import {
  archiveReasonSchema,
  contactSchema,
  customFieldValueSchema,
  fileHandleSchema,
  hiringTeamMemberSchema,
  id,
  interviewStageSchema,
  isoDateTime,
  sourceSchema,
  tagSchema,
  userSchema,
} from './common.ts';

/** Application as returned by application.list/changeStage/create and inside webhooks. */
export const applicationSchema = z.looseObject({
  id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  status: z.string(),
  customFields: z.array(customFieldValueSchema).optional(),
  candidate: z.looseObject({
    id,
    name: z.string(),
    primaryEmailAddress: contactSchema.nullish(),
    primaryPhoneNumber: contactSchema.nullish(),
  }),
  currentInterviewStage: interviewStageSchema.nullish(),
  source: sourceSchema.nullish(),
  archiveReason: archiveReasonSchema.nullish(),
  archivedAt: isoDateTime.nullish(),
  job: z.looseObject({ id, title: z.string(), locationId: z.string().nullish(), departmentId: z.string().nullish() }),
  creditedToUser: userSchema.nullish(),
  hiringTeam: z.array(hiringTeamMemberSchema).optional(),
  appliedViaJobPostingId: z.string().nullish(),
});
export type AshbyApplication = z.infer<typeof applicationSchema>;

/** One stage an application entered (application.info's applicationHistory, application.listHistory). */
export const applicationHistoryItemSchema = z.looseObject({
  id,
  stageId: id,
  title: z.string(),
  enteredStageAt: isoDateTime,
  leftStageAt: isoDateTime.nullish(),
  stageNumber: z.number(),
});
export type AshbyApplicationHistoryItem = z.infer<typeof applicationHistoryItemSchema>;

/** application.info adds the stage history and the resume handle. */
export const applicationDetailSchema = applicationSchema.extend({
  applicationHistory: z.array(applicationHistoryItemSchema).optional(),
  resumeFileHandle: fileHandleSchema.nullish(),
});
export type AshbyApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const candidateSchema = z.looseObject({
  id,
  createdAt: isoDateTime.optional(),
  updatedAt: isoDateTime.optional(),
  name: z.string(),
  primaryEmailAddress: contactSchema.nullish(),
  emailAddresses: z.array(contactSchema),
  primaryPhoneNumber: contactSchema.nullish(),
  phoneNumbers: z.array(contactSchema),
  socialLinks: z.array(z.looseObject({ type: z.string(), url: z.string() })),
  tags: z.array(tagSchema),
  position: z.string().nullish(),
  company: z.string().nullish(),
  school: z.string().nullish(),
  applicationIds: z.array(id),
  resumeFileHandle: fileHandleSchema.nullish(),
  fileHandles: z.array(fileHandleSchema),
  customFields: z.array(customFieldValueSchema).optional(),
  profileUrl: z.string(),
  source: sourceSchema.nullish(),
  creditedToUser: userSchema.nullish(),
  timezone: z.string().nullish(),
  location: z.looseObject({ id, locationSummary: z.string() }).nullish(),
});
export type AshbyCandidate = z.infer<typeof candidateSchema>;

export const noteSchema = z.looseObject({
  id,
  createdAt: isoDateTime,
  isPrivate: z.boolean(),
  content: z.string().nullish(),
  author: z.looseObject({ id, firstName: z.string(), lastName: z.string(), email: z.string().nullish() }),
});
export type AshbyNote = z.infer<typeof noteSchema>;

export const jobSchema = z.looseObject({
  id,
  title: z.string(),
  confidential: z.boolean(),
  status: z.string(),
  employmentType: z.string(),
  locationId: z.string().nullish(),
  departmentId: z.string().nullish(),
  defaultInterviewPlanId: z.string().nullish(),
  interviewPlanIds: z.array(id).nullish(),
  customFields: z.array(customFieldValueSchema).nullish(),
  jobPostingIds: z.array(id).nullish(),
  hiringTeam: z.array(hiringTeamMemberSchema).nullish(),
  createdAt: isoDateTime.nullish(),
  updatedAt: isoDateTime,
  openedAt: isoDateTime.nullish(),
  closedAt: isoDateTime.nullish(),
});
export type AshbyJob = z.infer<typeof jobSchema>;

export const jobPostingSummarySchema = z.looseObject({
  id,
  title: z.string(),
  jobId: id,
  departmentName: z.string(),
  teamName: z.string(),
  locationName: z.string(),
  employmentType: z.string(),
  isListed: z.boolean(),
  publishedDate: z.string(),
  applyLink: z.string(),
  updatedAt: isoDateTime,
});
export type AshbyJobPostingSummary = z.infer<typeof jobPostingSummarySchema>;

const descriptionPart = z.looseObject({ html: z.string().nullish(), plain: z.string().nullish() }).nullish();

export const jobPostingSchema = jobPostingSummarySchema.extend({
  descriptionPlain: z.string(),
  descriptionHtml: z.string(),
  descriptionParts: z.looseObject({
    descriptionOpening: descriptionPart,
    descriptionBody: descriptionPart,
    descriptionClosing: descriptionPart,
  }),
});
export type AshbyJobPosting = z.infer<typeof jobPostingSchema>;

export const customFieldDefinitionSchema = z.looseObject({
  id,
  title: z.string(),
  objectType: z.string(),
  fieldType: z.string(),
  isArchived: z.boolean(),
  isPrivate: z.boolean().optional(),
  isRequired: z.boolean().optional(),
  selectableValues: z
    .array(z.looseObject({ label: z.string(), value: z.string(), isArchived: z.boolean().optional() }))
    .nullish(),
});
export type AshbyCustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

export const apiKeyInfoSchema = z.looseObject({
  title: z.string(),
  createdAt: isoDateTime.optional(),
  scopes: z.array(z.string()).optional(),
});
export type AshbyApiKeyInfo = z.infer<typeof apiKeyInfoSchema>;

export const fileUploadHandleSchema = z.looseObject({
  handle: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
});
export type AshbyFileUploadHandle = z.infer<typeof fileUploadHandleSchema>;

export const fileInfoSchema = z.looseObject({ url: z.string() });

/** offer.list / offer.info: an offer with its latest version (its files, start date, salary). */
export const offerSchema = z.looseObject({
  id,
  applicationId: z.string(),
  acceptanceStatus: z.string().nullish(),
  offerStatus: z.string().nullish(),
  decidedAt: z.string().nullish(),
  latestVersion: z
    .looseObject({
      id,
      startDate: z.string().nullish(),
      createdAt: z.string().nullish(),
      fileHandles: z.array(fileHandleSchema).nullish(),
    })
    .nullish(),
});
export type AshbyOffer = z.infer<typeof offerSchema>;

export const webhookSettingSchema = z.looseObject({
  id,
  enabled: z.boolean(),
  requestUrl: z.string(),
  webhookType: z.string(),
});
export type AshbyWebhookSetting = z.infer<typeof webhookSettingSchema>;

/** report.synchronous / report.generate: a report's rows (the first one its headers, unless asked not). */
export const reportResultSchema = z.looseObject({
  requestId: z.string().nullish(),
  status: z.enum(['complete', 'failed', 'in_progress']),
  reportData: z
    .looseObject({
      data: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
      columnNames: z.array(z.string()),
      metadata: z.looseObject({ title: z.string(), updatedAt: z.string() }),
    })
    .nullish(),
  failureReason: z.string().nullish(),
});
export type AshbyReportResult = z.infer<typeof reportResultSchema>;
