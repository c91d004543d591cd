/** Every webhook type Ashby's `webhook.create` accepts (its API reference). */
export const ASHBY_WEBHOOK_TYPES = [
  'applicationSubmit',
  'applicationUpdate',
  'candidateHire',
  'candidateStageChange',
  'candidateDelete',
  'candidateMerge',
  'interviewPlanTransition',
  'interviewScheduleCreate',
  'interviewScheduleUpdate',
  'jobPostingUpdate',
  'jobPostingPublish',
  'jobPostingUnpublish',
  'offerCreate',
  'offerUpdate',
  'offerDelete',
  'pushToHRIS',
  'surveySubmit',
] as const;

export type AshbyWebhookType = (typeof ASHBY_WEBHOOK_TYPES)[number];

/**
 * The one list of webhook types Skima subscribes to and acts on: `skima setup --fix` creates these,
 * the embedded sandbox fires these, and core/pipeline/webhook-events.ts handles them.
 */
export const SKIMA_WEBHOOK_TYPES = [
  'applicationSubmit',
  'applicationUpdate',
  'candidateStageChange',
  'candidateHire',
  'candidateDelete',
  'candidateMerge',
  'jobPostingPublish',
  'jobPostingUnpublish',
  'jobPostingUpdate',
] as const satisfies readonly AshbyWebhookType[];
