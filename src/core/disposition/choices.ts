import type { AppContext } from '../context.ts';
import type { DispositionAction } from './roles.ts';
import { PlanStages } from './stages.ts';

/** What a person picks from before confirming: a stage, an archive reason, an email template. */
export interface DispositionChoices {
  /** advance: the stages of the applications' interview plan in plan order (never an Archived one);
   * empty when they are not all on one plan, and then only "the next stage of each" is offered. */
  stages: Array<{ id: string; title: string }>;
  /** archive: Ashby's archive reasons that are in use (`archiveReason.list`). */
  reasons: Array<{ id: string; text: string }>;
  /** archive: Ashby's email templates (`communicationTemplate.list`); none is ever preselected. */
  templates: Array<{ id: string; title: string }>;
}

/** Past this many applications a stage menu is not worth one Ashby read each: only "next stage". */
const STAGE_LOOKUPS_MAX = 25;

/**
 * The choices for an advance or an archive of these applications, read from Ashby: the plan's stages
 * (application.info, then interviewStage.list once per plan), or the archive reasons and templates.
 */
export async function dispositionChoices(
  ctx: AppContext,
  action: DispositionAction,
  applicationIds: string[],
  stages = new PlanStages(ctx.ashby.client),
): Promise<DispositionChoices> {
  const { client } = ctx.ashby;
  if (action === 'archive') {
    const [reasons, templates] = await Promise.all([client.archiveReason.list(), client.communicationTemplate.list()]);
    return {
      stages: [],
      reasons: reasons.filter((r) => !r.isArchived).map((r) => ({ id: r.id, text: r.text })),
      templates: templates
        .filter((t) => t.intendedTypes.length === 0 || t.intendedTypes.includes('email'))
        .map((t) => ({ id: t.id, title: t.title })),
    };
  }
  const none = { stages: [], reasons: [], templates: [] };
  if (applicationIds.length === 0 || applicationIds.length > STAGE_LOOKUPS_MAX) return none;
  const plans = new Set<string>();
  for (const id of applicationIds) {
    const app = await client.application.info(id);
    if (app.currentInterviewStage) plans.add(app.currentInterviewStage.interviewPlanId);
  }
  if (plans.size !== 1) return none;
  const plan = await stages.of([...plans][0]!);
  return {
    stages: plan.filter((s) => s.type !== 'Archived').map((s) => ({ id: s.id, title: s.title })),
    reasons: [],
    templates: [],
  };
}
