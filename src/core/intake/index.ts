export { commitIntake, IntakeError, type IntakeInput, type IntakePreview, type IntakeResult, previewIntake } from './add-candidate.ts';
export { type ResumeContact, resumeContact } from './contact.ts';
