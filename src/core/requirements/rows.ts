import { applyRequirementEdits, bundledSkillDictionary, parseJobDescription } from '../../scoring/index.ts';
import type { RequirementEdit } from './edits.ts';

/** How a person marks one requirement in a form or a modal. */
export type RowStatus = 'must' | 'essential' | 'nice' | 'remove';
export const ROW_STATUSES: readonly RowStatus[] = ['must', 'essential', 'nice', 'remove'];
export const ROW_STATUS_LABEL: Record<RowStatus, string> = {
  must: 'Must-have',
  essential: 'Essential must-have',
  nice: 'Nice-to-have',
  remove: 'Not a requirement',
};

/** What is said beside a requirement a resume is not held to: a condition of the job, or a personal quality. */
export function interviewNotes(r: { condition: boolean; quality: boolean }): string[] {
  return [
    ...(r.condition ? ['asked at interview, never counted'] : []),
    ...(r.quality ? ['counted when shown, else asked at interview'] : []),
  ];
}

/** One line of the edit form: a requirement read from the description (possibly removed), or one added. */
export interface RequirementRow {
  label: string;
  status: RowStatus;
  /** The rule that made it ("edited" for one a person added). */
  rule: string;
  /** A person added it (it is not in the description). */
  added: boolean;
  /** A person changed it from what the description says. */
  edited: boolean;
  /** Asked at interview, never counted. */
  condition: boolean;
  /** A personal quality: counted when the resume shows it, else asked at interview. */
  quality: boolean;
  /** What meets an added requirement, when given. */
  terms: string[];
}

const key = (label: string) => label.trim().toLowerCase();

function statusOf(r: { mustHave: boolean; essential?: boolean }): Exclude<RowStatus, 'remove'> {
  return r.essential ? 'essential' : r.mustHave ? 'must' : 'nice';
}

/**
 * What the form shows: every requirement of the description with its status after the edits (a removed
 * one as "remove", so it can be brought back), then the added ones.
 */
export function requirementRows(descriptionText: string | null, edits: readonly RequirementEdit[]): RequirementRow[] {
  if (!descriptionText) return [];
  const dictionary = bundledSkillDictionary();
  const parsed = parseJobDescription(descriptionText, dictionary);
  const applied = applyRequirementEdits(parsed, edits, dictionary).job.requirements;
  const edited = new Map(applied.map((r) => [key(r.label), r]));
  const fromDescription = new Set(parsed.requirements.map((r) => key(r.label)));
  const rows: RequirementRow[] = parsed.requirements.map((r) => {
    const now = edited.get(key(r.label));
    return {
      label: r.label,
      status: now ? statusOf(now) : 'remove',
      rule: r.rule,
      added: false,
      edited: !now || now.edited === true,
      condition: now ? now.condition === true : r.condition === true,
      quality: now ? now.quality === true : r.quality === true,
      terms: [],
    };
  });
  for (const e of edits) {
    if (e.op !== 'add' || fromDescription.has(key(e.label))) continue;
    const now = edited.get(key(e.label));
    if (!now || rows.some((r) => key(r.label) === key(e.label))) continue;
    rows.push({ label: now.label, status: statusOf(now), rule: 'edited', added: true, edited: true, condition: false, quality: false, terms: [...(e.terms ?? [])] });
  }
  return rows;
}

/** A requirement typed into the form's "add" line. */
export interface AddedRow {
  label: string;
  status: Exclude<RowStatus, 'remove'>;
  terms: string[];
}

/**
 * The edits that make the description's requirements read as the rows say: one edit per row that
 * differs from the description, one "add" per added row kept and per new one. Edits of the previous
 * version that name a requirement the description no longer has are kept as they were, so a changed
 * description in Ashby does not lose them (the page says they no longer match).
 */
export function editsFromRows(
  descriptionText: string | null,
  previous: readonly RequirementEdit[],
  rows: readonly Pick<RequirementRow, 'label' | 'status'>[],
  add?: AddedRow,
): RequirementEdit[] {
  if (!descriptionText) return [];
  const dictionary = bundledSkillDictionary();
  const parsed = parseJobDescription(descriptionText, dictionary);
  const described = new Map(parsed.requirements.map((r) => [key(r.label), r]));
  const previousAdds = new Map(previous.flatMap((e) => (e.op === 'add' ? [[key(e.label), e] as const] : [])));
  const edits: RequirementEdit[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row.label);
    if (seen.has(k)) continue;
    seen.add(k);
    const original = described.get(k);
    if (original) {
      if (row.status === 'remove') edits.push({ op: 'remove', label: original.label });
      else if (row.status !== statusOf(original)) {
        edits.push({ op: 'set', label: original.label, mustHave: row.status !== 'nice', essential: row.status === 'essential' });
      }
      continue;
    }
    const before = previousAdds.get(k);
    if (!before || row.status === 'remove') continue;
    edits.push({
      op: 'add',
      label: before.label,
      mustHave: row.status !== 'nice',
      ...(row.status === 'essential' ? { essential: true } : {}),
      ...(before.terms?.length ? { terms: before.terms } : {}),
    });
  }
  // Kept from before: edits for requirements the description no longer has.
  for (const e of previous) {
    if (seen.has(key(e.label)) || described.has(key(e.label)) || (e.op === 'add' && previousAdds.has(key(e.label)))) continue;
    edits.push(e);
  }
  if (add?.label.trim() && !seen.has(key(add.label))) {
    edits.push({
      op: 'add',
      label: add.label.trim(),
      mustHave: add.status !== 'nice',
      ...(add.status === 'essential' ? { essential: true } : {}),
      ...(add.terms.length ? { terms: add.terms } : {}),
    });
  }
  return edits;
}

/** "Kubernetes, k8s" as the terms of an added requirement. */
export function splitTerms(text: string | undefined): string[] {
  return (text ?? '').split(/[,;\n]/).map((t) => t.trim()).filter(Boolean).slice(0, 10);
}
