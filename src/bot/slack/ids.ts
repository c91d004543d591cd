import { z } from 'zod';
import type { Verdict } from '../card-model.ts';

// Action and callback ids, and the values buttons carry. Values hold opaque ids only (a job id and an
// application id), never a name: they travel through Slack and come back in the click payload.

export const ACTION = {
  decide: /^skima\.decide\.(approve|skip|maybe)\.\d+$/,
  addNote: /^skima\.note\.\d+$/,
  openShortlist: 'skima.open_shortlist',
  openReport: 'skima.open_report',
  openRediscover: 'skima.open_rediscover',
  sendCard: /^skima\.send_card\.\d+$/,
  addToJob: /^skima\.add_to_job\.\d+$/,
  editRequirements: 'skima.edit_requirements',
  /** The card's "Reason, if you skip" menu beside each candidate: read from the message's state when
   * Skip is clicked; picking from it only needs an ack. */
  skipReason: /^skima\.skip_reason\.\d+$/,
  advance: /^skima\.advance\.\d+$/,
  archive: /^skima\.archive\.\d+$/,
  /** The card's "Archive skipped…": every skipped application of the job still active, in one batch. */
  archiveSkipped: 'skima.archive_skipped',
  /** A dropped resume: the job picked from the menu, then Add or Cancel. */
  resumeJob: 'skima.resume_job',
  resumeAdd: 'skima.resume_add',
  resumeCancel: 'skima.resume_cancel',
} as const;

export const REQUIREMENTS_MODAL_CALLBACK = 'skima.requirements_modal';
/** Block ids of the requirements modal: one per requirement (by its place), and the "add" inputs. */
export const requirementBlockId = (index: number) => `req_${index}`;
export const requirementInputId = (index: number) => `req_status_${index}`;
export const ADD_LABEL_BLOCK = 'req_add_label';
export const ADD_LABEL_INPUT = 'req_add_label_input';
export const ADD_TERMS_BLOCK = 'req_add_terms';
export const ADD_TERMS_INPUT = 'req_add_terms_input';
export const ADD_STATUS_BLOCK = 'req_add_status';
export const ADD_STATUS_INPUT = 'req_add_status_input';

export const NOTE_MODAL_CALLBACK = 'skima.note_modal';
export const NOTE_BLOCK = 'note';
export const NOTE_INPUT = 'note_input';
export const VERDICT_BLOCK = 'verdict';
export const VERDICT_INPUT = 'verdict_input';
export const SKIP_REASON_BLOCK = 'skip_reason';
export const SKIP_REASON_INPUT = 'skip_reason_input';

/** Advance…/Archive…: the first modal picks (a stage; a reason and an optional email), the second confirms. */
export const DISPOSITION_CHOOSE_CALLBACK = 'skima.disposition_choose';
export const DISPOSITION_CONFIRM_CALLBACK = 'skima.disposition_confirm';
export const STAGE_BLOCK = 'stage';
export const STAGE_INPUT = 'stage_input';
export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'reason_input';
export const TEMPLATE_BLOCK = 'template';
export const TEMPLATE_INPUT = 'template_input';
/** The stage menu's "next stage of its plan" (Ashby ids never look like this). */
export const NEXT_STAGE = '_next';
export const NO_EMAIL = '_none';
export const advanceActionId = (rank: number) => `skima.advance.${rank}`;
export const archiveActionId = (rank: number) => `skima.archive.${rank}`;

export const decideActionId = (verdict: Verdict, rank: number) => `skima.decide.${verdict}.${rank}`;
export const noteActionId = (rank: number) => `skima.note.${rank}`;
export const skipReasonActionId = (rank: number) => `skima.skip_reason.${rank}`;
/** The rank a card's button or menu was drawn for (the number its action id ends with). */
export const rankOfAction = (actionId: string): number | null => {
  const m = /\.(\d+)$/.exec(actionId);
  return m ? Number(m[1]) : null;
};
export const sendCardActionId = (index: number) => `skima.send_card.${index}`;
export const addToJobActionId = (index: number) => `skima.add_to_job.${index}`;

export const verdictOfAction = (actionId: string): Verdict | null =>
  (ACTION.decide.exec(actionId)?.[1] as Verdict | undefined) ?? null;

const candidateValue = z.object({ j: z.string().min(1), a: z.string().min(1) });
const jobValue = z.object({ j: z.string().min(1) });
const pastCandidateValue = z.object({ j: z.string().min(1), c: z.string().min(1) });
const resumeDropValue = z.object({ j: z.string().min(1), f: z.string().regex(/^F[A-Z0-9]+$/) });

/** A dropped resume and a job: the job's id and the Slack file's id (the file is read again from Slack). */
export const encodeResumeDrop = (jobId: string, fileId: string) => JSON.stringify({ j: jobId, f: fileId });
export function decodeResumeDrop(value: string | undefined): { jobId: string; fileId: string } | null {
  const parsed = resumeDropValue.safeParse(safeJson(value));
  return parsed.success ? { jobId: parsed.data.j, fileId: parsed.data.f } : null;
}

/** A rediscovered candidate for a job ("Add to job"): the job and the candidate's Ashby ids. */
export const encodePastCandidate = (jobId: string, candidateId: string) => JSON.stringify({ j: jobId, c: candidateId });
export function decodePastCandidate(value: string | undefined): { jobId: string; candidateId: string } | null {
  const parsed = pastCandidateValue.safeParse(safeJson(value));
  return parsed.success ? { jobId: parsed.data.j, candidateId: parsed.data.c } : null;
}

const rediscoveryValue = z.object({ j: z.string().min(1), f: z.array(z.string().max(120)).max(20) });

/** "Open in browser" on a rediscovery: the job's Ashby id and the filter words (no personal data). */
export const encodeRediscovery = (jobId: string, words: readonly string[]) => JSON.stringify({ j: jobId, f: words });
export function decodeRediscovery(value: string | undefined): { jobId: string; words: string[] } | null {
  const parsed = rediscoveryValue.safeParse(safeJson(value));
  return parsed.success ? { jobId: parsed.data.j, words: parsed.data.f } : null;
}

export const encodeCandidate = (jobId: string, applicationId: string) => JSON.stringify({ j: jobId, a: applicationId });
export const encodeJob = (jobId: string) => JSON.stringify({ j: jobId });

/** Parses a button value; null when it is not one Skima wrote. */
export function decodeCandidate(value: string | undefined): { jobId: string; applicationId: string } | null {
  const parsed = candidateValue.safeParse(safeJson(value));
  return parsed.success ? { jobId: parsed.data.j, applicationId: parsed.data.a } : null;
}
export function decodeJob(value: string | undefined): { jobId: string } | null {
  const parsed = jobValue.safeParse(safeJson(value));
  return parsed.success ? { jobId: parsed.data.j } : null;
}

function safeJson(value: string | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
