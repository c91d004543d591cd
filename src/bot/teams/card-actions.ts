import { z } from 'zod';
import type { Verdict } from '../card-model.ts';

// The buttons on Skima's Adaptive Cards and what a click on one means. A click arrives as an
// `adaptiveCard/action` invoke whose `verb` and `data` the client sends back: `data` is what the card
// carried merged with the card's inputs (the notes), so it is checked here like any other request.

export const VERB = {
  decide: 'skima.decide',
  openShortlist: 'skima.openShortlist',
  addToJob: 'skima.addToJob',
} as const;

/** The longest note kept: the same as Slack's note dialog. The card's input stops there too. */
export const NOTE_MAX_CHARS = 2000;

/** The note input beside one candidate; its value comes back in `data` under this id. */
export const noteInputId = (applicationId: string) => `note_${applicationId}`;

export type CardAction =
  | { kind: 'decide'; jobId: string; applicationId: string; verdict: Verdict; note?: string }
  | { kind: 'open-shortlist'; jobId: string }
  | { kind: 'add-to-job'; jobId: string; candidateId: string };

// Ashby ids are UUIDs: anything much longer, or with spaces or control characters, is not from Skima's cards.
const id = z.string().min(1).max(200).regex(/^[^\s\p{Cc}]+$/u);

const decideData = z.object({ jobId: id, applicationId: id, verdict: z.enum(['approve', 'skip', 'maybe']) });
const jobData = z.object({ jobId: id });
const addData = z.object({ jobId: id, candidateId: id });

/** What a card click asks for, or null when the verb is not Skima's or its data is malformed. */
export function parseCardAction(verb: string, data: unknown): CardAction | null {
  switch (verb) {
    case VERB.decide: {
      const parsed = decideData.safeParse(data);
      if (!parsed.success) return null;
      const { jobId, applicationId, verdict } = parsed.data;
      const note = noteOf(data as Record<string, unknown>, applicationId);
      return { kind: 'decide', jobId, applicationId, verdict, ...(note ? { note } : {}) };
    }
    case VERB.openShortlist: {
      const parsed = jobData.safeParse(data);
      return parsed.success ? { kind: 'open-shortlist', jobId: parsed.data.jobId } : null;
    }
    case VERB.addToJob: {
      const parsed = addData.safeParse(data);
      return parsed.success ? { kind: 'add-to-job', ...parsed.data } : null;
    }
    default:
      return null;
  }
}

/**
 * The note typed beside this candidate, trimmed; undefined when empty or not text. Every note input on
 * the card comes back with any click, so only this candidate's is read. A note longer than the card's
 * input allows (only a client that ignores `maxLength` sends one) is cut there rather than dropping the
 * decision.
 */
function noteOf(data: Record<string, unknown>, applicationId: string): string | undefined {
  const raw = data[noteInputId(applicationId)];
  if (typeof raw !== 'string') return undefined;
  const note = [...raw.trim()].slice(0, NOTE_MAX_CHARS).join('').trim();
  return note || undefined;
}
