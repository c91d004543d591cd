import type { AppContext } from '../context.ts';
import type { LinkReviewer } from '../links/link-reviewer.ts';
import { reviewerOfLink } from '../links/link-reviewer.ts';
import {
  type AddedRow,
  editsFromRows,
  mayEditRequirements,
  MAY_NOT_EDIT,
  RequirementEditError,
  type RequirementRow,
  RequirementsAccessError,
  RequirementsConflictError,
  requirementRows,
  requirementsPanel,
  type RowStatus,
  saveJobRequirements,
} from '../requirements/index.ts';
import type { LinkScope } from './shortlist-page.ts';

/** The requirements part of the shortlist page: what to show and, for those who may, the edit form. */
export interface PageRequirements {
  version: number;
  lastEdit: { by: string; channel: string; at: Date } | null;
  /** Edits that name a requirement the description no longer has. */
  notApplying: string[];
  /** Applications still to be scored against the newest version. */
  rescoring: number;
  rows: RequirementRow[];
  canEdit: boolean;
}

export async function pageRequirements(
  ctx: AppContext,
  scope: LinkScope,
  reviewer: LinkReviewer,
): Promise<PageRequirements> {
  const [panel, job] = await Promise.all([
    requirementsPanel(ctx.db, scope.jobId),
    ctx.db.job.findUnique({ where: { id: scope.jobId }, select: { descriptionText: true } }),
  ]);
  const editor = { id: reviewer.id, name: reviewer.name };
  const canEdit = reviewer.canDecide && (await mayEditRequirements(ctx.db, scope.jobId, editor));
  return {
    version: panel?.version ?? 0,
    lastEdit: panel?.lastEdit ?? null,
    notApplying: panel?.notApplying ?? [],
    rescoring: panel?.rescoring ?? 0,
    rows: requirementRows(job?.descriptionText ?? null, panel?.edits ?? []),
    canEdit,
  };
}

/** The edit form as posted: the status of each requirement shown, and one optional new requirement. */
export interface RequirementsFormInput {
  /** The version the form was drawn from. */
  version: number;
  rows: { label: string; status: RowStatus }[];
  add?: AddedRow;
}

export type PageRequirementsOutcome =
  | { ok: true; version: number; created: boolean }
  | { ok: false; reason: 'view_only' | 'refused' | 'conflict' | 'invalid'; message: string };

/** The requirements saved from the page, through the one entry point (saveJobRequirements). */
export async function editRequirementsOnPage(
  ctx: AppContext,
  scope: LinkScope,
  input: RequirementsFormInput,
): Promise<PageRequirementsOutcome> {
  const reviewer = await reviewerOfLink(ctx.db, scope.jobId, scope.reviewerId);
  if (!reviewer.canDecide) return { ok: false, reason: 'view_only', message: MAY_NOT_EDIT };
  const [panel, job] = await Promise.all([
    requirementsPanel(ctx.db, scope.jobId),
    ctx.db.job.findUnique({ where: { id: scope.jobId }, select: { descriptionText: true } }),
  ]);
  const edits = editsFromRows(job?.descriptionText ?? null, panel?.edits ?? [], input.rows, input.add);
  try {
    const saved = await saveJobRequirements(ctx, {
      jobId: scope.jobId,
      editor: { id: reviewer.id, name: reviewer.name },
      channel: 'web',
      edits,
      baseVersion: input.version,
    });
    return { ok: true, version: saved.version, created: saved.created };
  } catch (err) {
    if (err instanceof RequirementsAccessError) return { ok: false, reason: 'refused', message: err.message };
    if (err instanceof RequirementsConflictError) return { ok: false, reason: 'conflict', message: err.message };
    if (err instanceof RequirementEditError) return { ok: false, reason: 'invalid', message: err.message };
    throw err;
  }
}
