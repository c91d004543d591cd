export { type DispositionChoices, dispositionChoices } from './choices.ts';
export { type DispositionProgress, dispositionProgress, dispositionProgressOf, progressSummary } from './progress.ts';
export {
  type DispositionPlan,
  type DispositionRequest,
  DispositionRequestError,
  prepareDisposition,
  skippedApplicationIds,
} from './prepare.ts';
export { resolveActor } from './actor.ts';
export { type Actor, type DispositionAction, dispositionRefusal } from './roles.ts';
export { registerDispositionWorker, runDispositionItem } from './run-item.ts';
export { PlanStages } from './stages.ts';
export { DISPOSITION_QUEUE, type DispositionJob, startDisposition } from './start.ts';
