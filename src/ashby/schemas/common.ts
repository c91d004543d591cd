import { z } from 'zod';

/**
 * Building blocks shared by the Ashby object schemas. Objects are loose (unknown fields pass through,
 * because Ashby adds fields without notice); required fields are the ones Skima relies on.
 */
export const id = z.string().min(1);
export const isoDateTime = z.string();

export const fileHandleSchema = z.looseObject({ id, name: z.string(), handle: z.string() });
export type AshbyFileHandle = z.infer<typeof fileHandleSchema>;

export const contactSchema = z.looseObject({ value: z.string(), type: z.string(), isPrimary: z.boolean() });

export const customFieldValueSchema = z.looseObject({
  id,
  title: z.string(),
  isPrivate: z.boolean().optional(),
  value: z.unknown(),
  valueLabel: z.union([z.string(), z.array(z.string())]).nullish(),
});
export type AshbyCustomFieldValue = z.infer<typeof customFieldValueSchema>;

export const userSchema = z.looseObject({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullish(),
  globalRole: z.string(),
  isEnabled: z.boolean(),
  updatedAt: isoDateTime,
  managerId: z.string().nullish(),
});
export type AshbyUser = z.infer<typeof userSchema>;

export const hiringTeamMemberSchema = z.looseObject({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.string(),
  userId: id,
});

export const tagSchema = z.looseObject({ id, title: z.string(), isArchived: z.boolean() });
export type AshbyTag = z.infer<typeof tagSchema>;

export const sourceSchema = z.looseObject({
  id,
  title: z.string(),
  isArchived: z.boolean(),
  sourceType: z.looseObject({ id, title: z.string(), isArchived: z.boolean() }).nullish(),
});
export type AshbySource = z.infer<typeof sourceSchema>;

export const archiveReasonSchema = z.looseObject({
  id,
  text: z.string(),
  reasonType: z.string(),
  isArchived: z.boolean(),
});
export type AshbyArchiveReason = z.infer<typeof archiveReasonSchema>;

/** communicationTemplate.list: an email (or InMail) template, e.g. a rejection email for an archive. */
export const communicationTemplateSchema = z.looseObject({
  id,
  title: z.string(),
  intendedTypes: z.array(z.string()).default([]),
});
export type AshbyCommunicationTemplate = z.infer<typeof communicationTemplateSchema>;

export const interviewStageSchema = z.looseObject({
  id,
  title: z.string(),
  type: z.string(),
  orderInInterviewPlan: z.number(),
  interviewStageGroupId: z.string().nullish(),
  interviewPlanId: id,
});
export type AshbyInterviewStage = z.infer<typeof interviewStageSchema>;

export const interviewPlanSchema = z.looseObject({
  id,
  title: z.string(),
  isArchived: z.boolean(),
  createdAt: isoDateTime.optional(),
  updatedAt: isoDateTime.optional(),
});
export type AshbyInterviewPlan = z.infer<typeof interviewPlanSchema>;
