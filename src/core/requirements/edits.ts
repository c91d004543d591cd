import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DecisionChannel } from '../../bot/card-model.ts';
import type { RequirementEdit } from '../../scoring/index.ts';

export type { RequirementEdit };

/** Where an edit was made: the same channels as decisions. */
export type EditChannel = DecisionChannel;

const label = z.string().trim().min(1, 'a requirement needs a label').max(120, 'a requirement label is at most 120 characters');

/** What a person may send: checked before anything is stored, with a message they can act on. */
export const requirementEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), label, mustHave: z.boolean().optional(), essential: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('remove'), label }).strict(),
  z.object({
    op: z.literal('add'),
    label,
    mustHave: z.boolean(),
    essential: z.boolean().optional(),
    terms: z.array(z.string().trim().min(1).max(80)).max(10).optional(),
  }).strict(),
]);
export const requirementEditsSchema = z.array(requirementEditSchema).max(60, 'at most 60 edits to a job\'s requirements');

/** A person's input that cannot be saved: the message says what to fix. */
export class RequirementEditError extends Error {}

/** The edits as stored and compared: validated, in a canonical shape (no empty fields). */
export function normaliseEdits(input: unknown): RequirementEdit[] {
  const parsed = requirementEditsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RequirementEditError(`These requirement edits cannot be saved: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.map((e): RequirementEdit => {
    if (e.op === 'remove') return { op: 'remove', label: e.label };
    if (e.op === 'set') {
      return {
        op: 'set',
        label: e.label,
        ...(e.mustHave !== undefined ? { mustHave: e.mustHave } : {}),
        ...(e.essential !== undefined ? { essential: e.essential } : {}),
      };
    }
    return {
      op: 'add',
      label: e.label,
      mustHave: e.mustHave,
      ...(e.essential ? { essential: true } : {}),
      ...(e.terms?.length ? { terms: e.terms } : {}),
    };
  });
}

/** The stored edits of a job (Job.requirementEdits); none when there are none or the text is damaged. */
export function storedEdits(text: string | null | undefined): RequirementEdit[] {
  if (!text) return [];
  try {
    return normaliseEdits(JSON.parse(text));
  } catch {
    return [];
  }
}

/**
 * What a score was computed against: the description's hash alone when nobody edited the requirements
 * (so scores made before editing existed stay valid), else the description and the edits together.
 * A new version of the edits is a new key: every application is scored again, once.
 */
export function scoringKey(descriptionHash: string, editsText: string | null | undefined): string {
  const edits = storedEdits(editsText);
  if (edits.length === 0) return descriptionHash;
  return createHash('sha256').update(`${descriptionHash}\n${JSON.stringify(edits)}`).digest('hex');
}
