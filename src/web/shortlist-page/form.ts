import { z } from 'zod';
import type { RequirementsFormInput } from '../../core/shortlist/requirements-on-page.ts';
import { splitTerms } from '../../core/requirements/rows.ts';

/** The decision form, as posted (application/x-www-form-urlencoded). */
export const decisionForm = z.object({
  csrf: z.string().max(200).optional(),
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  verdict: z.enum(['approve', 'skip', 'maybe']),
  note: z.string().max(2000).optional().transform((v) => v?.trim() || undefined),
  /** Skip only, optional: a reason from the short list (empty: none). */
  skip_reason: z.string().max(200).optional().transform((v) => v || undefined),
});

export type DecisionForm = z.infer<typeof decisionForm>;

const REF = /^[A-Za-z0-9_-]{1,64}$/;
/** An id Skima or Ashby made (a stage, a reason, a template): short, no markup. */
const ashbyId = z.string().max(200).regex(/^[A-Za-z0-9_.:-]*$/);

/**
 * The advance/archive forms, at each step: which candidates (`ref` from a candidate's own buttons,
 * `sel[]` from the checkboxes, or `skipped=1` for every skipped candidate of the job), then the stage
 * or the reason and template picked, then the confirmation's nonce.
 */
export const actForm = z
  .object({
    'csrf': z.string().max(200).optional(),
    'action': z.enum(['advance', 'archive']),
    'ref': z.string().regex(REF).optional(),
    'sel[]': z.array(z.string().regex(REF)).max(200).optional(),
    'skipped': z.literal('1').optional(),
    'stage': ashbyId.optional(),
    'reason': ashbyId.optional(),
    'template': ashbyId.optional(),
    'key': z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  })
  .transform((f) => ({
    selection: { action: f.action, refs: f.ref ? [f.ref] : (f['sel[]'] ?? []), skipped: f.skipped === '1' },
    choice: {
      ...(f.stage ? { stageId: f.stage } : {}),
      ...(f.reason ? { archiveReasonId: f.reason } : {}),
      ...(f.template ? { emailTemplateId: f.template } : {}),
    },
    key: f.key,
  }));

export type ActForm = z.infer<typeof actForm>;

/**
 * Form bodies as plain objects: the last value of a repeated field wins, except for fields named
 * `…[]` (checkboxes), which keep every value in order.
 */
export function parseUrlEncoded(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (key.endsWith('[]')) ((out[key] ??= []) as string[]).push(value);
    else out[key] = value;
  }
  return out;
}

const rowStatus = z.enum(['must', 'essential', 'nice', 'remove']);
const MAX_ROWS = 60;

/**
 * The requirements form, as posted: `version`, then `label_<n>` and `status_<n>` per requirement shown,
 * and an optional `add_label` (with `add_terms`, `add_status`). Null when it is malformed.
 */
export function requirementsForm(body: Record<string, unknown>): RequirementsFormInput | null {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const version = Number(str('version'));
  if (!Number.isInteger(version) || version < 0) return null;
  const rows: RequirementsFormInput['rows'] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    const label = str(`label_${i}`)?.trim();
    if (label === undefined) break;
    const status = rowStatus.safeParse(str(`status_${i}`));
    if (!label || label.length > 120 || !status.success) return null;
    rows.push({ label, status: status.data });
  }
  const addLabel = str('add_label')?.trim().slice(0, 120);
  if (!addLabel) return { version, rows };
  const addStatus = z.enum(['must', 'essential', 'nice']).safeParse(str('add_status') ?? 'must');
  if (!addStatus.success) return null;
  return { version, rows, add: { label: addLabel, status: addStatus.data, terms: splitTerms(str('add_terms')?.slice(0, 400)) } };
}
