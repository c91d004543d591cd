import type { JobRec, OrgState } from './org-state.ts';
import { type RenderedFile, renderResumeFile } from './resume-files.ts';
import { renderTextPdf } from './resume-pdf.ts';
import { buildResume, type ResumeModel } from './resume-model.ts';

export function resumeModelFor(org: OrgState, candidateIndex: number): ResumeModel | undefined {
  const c = org.candidateBase(candidateIndex);
  if (!c?.hasResume) return undefined;
  const job = org.job(c.resumeJobIndex) as JobRec;
  return buildResume({
    seed: org.seed,
    index: candidateIndex,
    name: c.name,
    email: c.email,
    phone: c.phone,
    appliedTemplate: job.template,
    now: c.createdAt,
  });
}

/** The seeded resume file of a candidate, rendered on first download (a file seed's text as a PDF). */
export async function resumeFileFor(org: OrgState, candidateIndex: number): Promise<RenderedFile | undefined> {
  const text = org.fileResume(candidateIndex);
  if (text !== undefined) return text.trim() ? { bytes: await renderTextPdf(text), contentType: 'application/pdf' } : undefined;
  const model = resumeModelFor(org, candidateIndex);
  return model ? renderResumeFile(model) : undefined;
}
