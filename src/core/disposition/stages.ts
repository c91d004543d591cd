import type { AshbyClient, AshbyInterviewStage } from '../../ashby/index.ts';

/** Plans change rarely; a batch of fifty on one plan should cost one read, not fifty. */
const PLAN_TTL_MS = 5 * 60_000;

/** Interview plans' stages (Ashby's interviewStage.list), remembered for a few minutes. */
export class PlanStages {
  private readonly plans = new Map<string, { at: number; stages: Promise<AshbyInterviewStage[]> }>();

  constructor(private readonly client: AshbyClient) {}

  /** The plan's stages in plan order. */
  of(planId: string): Promise<AshbyInterviewStage[]> {
    const kept = this.plans.get(planId);
    if (kept && Date.now() - kept.at < PLAN_TTL_MS) return kept.stages;
    const stages = this.client.interviewStage
      .list(planId)
      .then((list) => [...list].sort((a, b) => a.orderInInterviewPlan - b.orderInInterviewPlan));
    // A failed read is not remembered: the next application asks again.
    stages.catch(() => this.plans.delete(planId));
    this.plans.set(planId, { at: Date.now(), stages });
    return stages;
  }
}

/** The stage after `fromStageId` in plan order, skipping Archived stages (an advance never archives). */
export function nextStage(stages: AshbyInterviewStage[], fromStageId: string): AshbyInterviewStage | undefined {
  const at = stages.findIndex((s) => s.id === fromStageId);
  if (at < 0) return undefined;
  return stages.slice(at + 1).find((s) => s.type !== 'Archived');
}
