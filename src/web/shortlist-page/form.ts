import { z } from 'zod';
import type { RequirementsFormInput } from '../../core/shortlist/requirements-on-page.ts';
import { splitTerms } from '../../core/requirements/rows.ts';

/** The decision form, as posted (application/x-www-form-urlencoded). */
export const decisionForm = z.object({
  csrf: z.string().max(200).optional(),
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  verdict: z.enum(['approve', 'skip', 'maybe']),
  note: z.string().max(2000).optional().transform((v) => v?.trim() || undefined),
});

export type DecisionForm = z.infer<typeof decisionForm>;

/** Form bodies as plain objects (the last value of a repeated field wins). */
export function parseUrlEncoded(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
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
