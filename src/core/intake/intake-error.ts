/** A resume that cannot be added: said in words the recruiter reads; nothing was created. */
export class IntakeError extends Error {}
