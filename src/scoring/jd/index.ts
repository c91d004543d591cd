/** Reading a job description: sections, requirement phrases, terms (see parse.ts). */
export { clip, coreTitle } from './labels.ts';
export { parseJobDescription } from './parse.ts';
export type { ParsedJob, Requirement, RequirementKind, RequirementRule, RequirementTerm } from './types.ts';
export { applyRequirementEdits, type EditedJob, type RequirementEdit } from './edits.ts';
