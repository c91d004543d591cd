/** Requirements people can see and correct: versioned edits per job, who may make them, the re-score. */
export { editorOfActor, MAY_NOT_EDIT, mayEditRequirements, RequirementsAccessError, type RequirementsEditor } from './access.ts';
export { type EditChannel, normaliseEdits, RequirementEditError, type RequirementEdit, scoringKey, storedEdits } from './edits.ts';
export { notApplying, type RequirementsPanel, requirementsHistory, requirementsPanel } from './panel.ts';
export {
  applicationsAwaitingRescore,
  enqueueRequirementsRescore,
  REQUIREMENTS_RESCORE_QUEUE,
  type RescorePayload,
  runRequirementsRescore,
} from './rescore.ts';
export {
  AUDIT_ACTION as REQUIREMENTS_AUDIT_ACTION,
  type RequirementChange,
  RequirementsConflictError,
  type RequirementStatus,
  requirementChanges,
  saveJobRequirements,
  type SaveRequirementsInput,
  type SaveRequirementsResult,
} from './save.ts';
export { type AddedRow, editsFromRows, interviewNotes, type RequirementRow, requirementRows, ROW_STATUS_LABEL, ROW_STATUSES, type RowStatus, splitTerms } from './rows.ts';
export { requirementsForChat, saveRequirementsFromChat } from './chat.ts';
