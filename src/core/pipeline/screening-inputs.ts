import type { AshbyApplication } from '../../ashby/index.ts';

/** What Skima keeps of an application that decides whether it must be screened again. */
export interface StoredScreeningInputs {
  screeningState: string;
  status: string;
  jobId: string;
  candidateId: string;
  stageId: string | null;
}

/**
 * Has nothing Skima screens on changed since it last screened this application? Skima's own writes
 * (custom fields, tags, notes) bump the application in Ashby, so they come back as applicationUpdate
 * webhooks and in every delta poll; re-running the pipeline for them would double the work of every
 * screening. A resume change arrives through the candidate, a description change through the job.
 */
export function screeningInputsUnchanged(stored: StoredScreeningInputs | null, app: AshbyApplication): boolean {
  return (
    stored !== null
    && stored.screeningState !== 'pending'
    && stored.status === app.status
    && stored.jobId === app.job.id
    && stored.candidateId === app.candidate.id
    && stored.stageId === (app.currentInterviewStage?.id ?? null)
  );
}

export const SCREENING_INPUT_COLUMNS = {
  id: true,
  screeningState: true,
  status: true,
  jobId: true,
  candidateId: true,
  stageId: true,
} as const;
