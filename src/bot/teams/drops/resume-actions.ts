import { z } from 'zod';
import type { DroppedFile } from './attachments.ts';

// The buttons on a dropped resume's cards and what a click on one means. Kept beside the drop rather
// than in card-actions.ts: the data carries the file (its name and Teams' link), checked here like any
// other request before anything is fetched (the link's host is checked again when it is).

export const RESUME_VERB = {
  pickJob: 'skima.resumeJob',
  add: 'skima.resumeAdd',
  cancel: 'skima.resumeCancel',
} as const;

/** The job menu's input: its value comes back in the click's data under this id. */
export const RESUME_INPUT_JOB = 'resumeJobId';

export type ResumeAction =
  | { kind: 'pick-job'; jobId: string; file: DroppedFile }
  | { kind: 'add'; jobId: string; file: DroppedFile }
  | { kind: 'cancel' };

const id = z.string().min(1).max(200).regex(/^[^\s\p{Cc}]+$/u);
const file = {
  fileName: z.string().min(1).max(250),
  fileUrl: z.string().url().max(8000),
  fileType: z.string().max(40),
};
const picked = z.object({ [RESUME_INPUT_JOB]: id, ...file });
const add = z.object({ jobId: id, ...file });

export const isResumeVerb = (verb: string) => (Object.values(RESUME_VERB) as string[]).includes(verb);

const fileOf = (d: { fileName: string; fileUrl: string; fileType: string }): DroppedFile =>
  ({ name: d.fileName, url: d.fileUrl, type: d.fileType });

/** What a click on a resume card asks for, or null when its data is malformed. */
export function parseResumeAction(verb: string, data: unknown): ResumeAction | null {
  switch (verb) {
    case RESUME_VERB.pickJob: {
      const parsed = picked.safeParse(data);
      return parsed.success ? { kind: 'pick-job', jobId: parsed.data[RESUME_INPUT_JOB]!, file: fileOf(parsed.data) } : null;
    }
    case RESUME_VERB.add: {
      const parsed = add.safeParse(data);
      return parsed.success ? { kind: 'add', jobId: parsed.data.jobId, file: fileOf(parsed.data) } : null;
    }
    case RESUME_VERB.cancel:
      return { kind: 'cancel' };
    default:
      return null;
  }
}
