import { z } from 'zod';
import type { Verdict } from '../card-model.ts';

// The buttons on Skima's Adaptive Cards and what a click on one means. A click arrives as an
// `adaptiveCard/action` invoke whose `verb` and `data` the client sends back: `data` is what the card
// carried merged with the card's inputs (the notes), so it is checked here like any other request.

export const VERB = {
  decide: 'skima.decide',
  openShortlist: 'skima.openShortlist',
  addToJob: 'skima.addToJob',
  /** Advance… / Archive… beside a candidate: the card turns into the choices. */
  dispositionOpen: 'skima.disposition.open',
  /** The choices submitted: the card turns into the one confirmation. */
  dispositionChoose: 'skima.disposition.choose',
  /** Confirmed: the batch starts and the card shows its progress. */
  dispositionConfirm: 'skima.disposition.confirm',
  /** The progress card's "Refresh". */
  dispositionProgress: 'skima.disposition.progress',
  /** "Back to the shortlist" / "Cancel": the card turns back into the shortlist. */
  showShortlist: 'skima.shortlist',
} as const;

/** The longest note kept: the same as Slack's note dialog. The card's input stops there too. */
export const NOTE_MAX_CHARS = 2000;

/** The note input beside one candidate; its value comes back in `data` under this id. */
export const noteInputId = (applicationId: string) => `note_${applicationId}`;
/** The optional skip reason beside one candidate (as Slack's note modal offers it); read with Skip only. */
export const skipReasonInputId = (applicationId: string) => `skipReason_${applicationId}`;
/** The inputs of the choices card (one candidate's advance or archive at a time). */
export const DISPOSITION_INPUT = { stage: 'dispoStage', reason: 'dispoReason', template: 'dispoTemplate' } as const;
/** The stage choice meaning "the next stage of its plan", and the template choice meaning "no email". */
export const NEXT_STAGE = 'next';
export const NO_EMAIL = 'none';

/** What a confirmation carries back: the choices as confirmed, and the key naming this confirmation. */
export interface DispositionPicked {
  jobId: string;
  applicationId: string;
  action: 'advance' | 'archive';
  stageId?: string;
  archiveReasonId?: string;
  emailTemplateId?: string;
}

export type CardAction =
  | { kind: 'decide'; jobId: string; applicationId: string; verdict: Verdict; note?: string; skipReasonId?: string }
  | { kind: 'disposition-open'; jobId: string; applicationId: string; action: 'advance' | 'archive' }
  | ({ kind: 'disposition-choose' } & DispositionPicked)
  | ({ kind: 'disposition-confirm'; key: string } & DispositionPicked)
  | { kind: 'disposition-progress'; jobId: string; batchId: string; action: 'advance' | 'archive' }
  | { kind: 'show-shortlist'; jobId: string }
  | { kind: 'open-shortlist'; jobId: string }
  | { kind: 'add-to-job'; jobId: string; candidateId: string };

// Ashby ids are UUIDs: anything much longer, or with spaces or control characters, is not from Skima's cards.
const id = z.string().min(1).max(200).regex(/^[^\s\p{Cc}]+$/u);

const decideData = z.object({ jobId: id, applicationId: id, verdict: z.enum(['approve', 'skip', 'maybe']) });
const jobData = z.object({ jobId: id });
const addData = z.object({ jobId: id, candidateId: id });
const action = z.enum(['advance', 'archive']);
const openData = z.object({ jobId: id, applicationId: id, action });
const confirmData = openData.extend({
  stageId: id.optional(),
  archiveReasonId: id.optional(),
  emailTemplateId: id.optional(),
  key: id,
});
const progressData = z.object({ jobId: id, batchId: id, action });

/** What a card click asks for, or null when the verb is not Skima's or its data is malformed. */
export function parseCardAction(verb: string, data: unknown): CardAction | null {
  switch (verb) {
    case VERB.decide: {
      const parsed = decideData.safeParse(data);
      if (!parsed.success) return null;
      const { jobId, applicationId, verdict } = parsed.data;
      const note = noteOf(data as Record<string, unknown>, applicationId);
      const reason = verdict === 'skip' ? choiceOf(data, skipReasonInputId(applicationId)) : undefined;
      return { kind: 'decide', jobId, applicationId, verdict, ...(note ? { note } : {}), ...(reason ? { skipReasonId: reason } : {}) };
    }
    case VERB.dispositionOpen: {
      const parsed = openData.safeParse(data);
      return parsed.success ? { kind: 'disposition-open', ...parsed.data } : null;
    }
    case VERB.dispositionChoose: {
      // The picks come back as the card's inputs; an empty choice is no choice.
      const parsed = openData.safeParse(data);
      if (!parsed.success) return null;
      const stage = choiceOf(data, DISPOSITION_INPUT.stage);
      const reason = choiceOf(data, DISPOSITION_INPUT.reason);
      const template = choiceOf(data, DISPOSITION_INPUT.template);
      const advance = parsed.data.action === 'advance';
      return {
        kind: 'disposition-choose',
        ...parsed.data,
        ...(advance && stage && stage !== NEXT_STAGE ? { stageId: stage } : {}),
        ...(!advance && reason ? { archiveReasonId: reason } : {}),
        ...(!advance && template && template !== NO_EMAIL ? { emailTemplateId: template } : {}),
      };
    }
    case VERB.dispositionConfirm: {
      const parsed = confirmData.safeParse(data);
      if (!parsed.success) return null;
      const { stageId, archiveReasonId, emailTemplateId, ...rest } = parsed.data;
      return {
        kind: 'disposition-confirm',
        ...rest,
        ...(stageId ? { stageId } : {}),
        ...(archiveReasonId ? { archiveReasonId } : {}),
        ...(emailTemplateId ? { emailTemplateId } : {}),
      };
    }
    case VERB.dispositionProgress: {
      const parsed = progressData.safeParse(data);
      return parsed.success ? { kind: 'disposition-progress', ...parsed.data } : null;
    }
    case VERB.showShortlist: {
      const parsed = jobData.safeParse(data);
      return parsed.success ? { kind: 'show-shortlist', jobId: parsed.data.jobId } : null;
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

/** A ChoiceSet's value (an id) when one was picked and it looks like one; undefined otherwise. */
function choiceOf(data: unknown, inputId: string): string | undefined {
  const parsed = id.safeParse((data as Record<string, unknown>)[inputId]);
  return parsed.success ? parsed.data : undefined;
}
