import { z } from 'zod';
import { id } from './common.ts';
import { applicationSchema, jobPostingSummarySchema, jobSchema } from './objects.ts';

/** Ashby's webhook bodies, one schema per action Skima handles. */
const envelope = <A extends string, D extends z.ZodType>(action: A, data: D) =>
  z.looseObject({ webhookActionId: z.string().min(1), action: z.literal(action), data });

const applicationData = z.looseObject({ application: applicationSchema });
const jobData = z.looseObject({ job: jobSchema });
const jobPostingData = z.looseObject({ jobPosting: jobPostingSummarySchema.partial().extend({ id, jobId: id }) });

export const webhookEventSchema = z.discriminatedUnion('action', [
  envelope('applicationSubmit', applicationData),
  envelope('applicationUpdate', applicationData),
  envelope('candidateStageChange', applicationData),
  envelope('candidateHire', z.looseObject({ application: applicationSchema, offer: z.looseObject({ id }).nullish() })),
  envelope('candidateDelete', z.looseObject({ candidate: z.looseObject({ id }) })),
  envelope(
    'candidateMerge',
    z.looseObject({ deletedCandidate: z.looseObject({ id }), mergedCandidate: z.looseObject({ id }) }),
  ),
  envelope('jobCreate', jobData),
  envelope('jobUpdate', jobData),
  envelope('jobPostingPublish', jobPostingData),
  envelope('jobPostingUnpublish', jobPostingData),
  envelope('jobPostingUpdate', jobPostingData),
  envelope('ping', z.looseObject({ webhookActionType: z.string().optional() })),
]);

export type AshbyWebhookEvent = z.infer<typeof webhookEventSchema>;
export type AshbyWebhookAction = AshbyWebhookEvent['action'];

/** The actions Skima parses (the schema's): others are acknowledged and ignored. */
export const KNOWN_WEBHOOK_ACTIONS: ReadonlySet<string> = new Set(
  webhookEventSchema.options.map((o) => o.shape.action.value),
);
