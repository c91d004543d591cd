import type {
  RequirementsForEdit,
  RequirementsSaveRequest,
  RequirementsSaveResult,
  Reviewer,
} from '../../bot/ports.ts';
import type { AppContext } from '../context.ts';
import { MAY_NOT_EDIT, mayEditRequirements, RequirementsAccessError } from './access.ts';
import { RequirementEditError } from './edits.ts';
import type { EditChannel } from './edits.ts';
import { requirementsPanel } from './panel.ts';
import { editsFromRows, requirementRows } from './rows.ts';
import { saveJobRequirements } from './save.ts';

const editorOf = (r: Reviewer) => ({ id: r.ashbyUserId, name: r.name, recruiter: r.recruiter });

/** The job's requirements for a chat front door's edit form, or why this person may not edit them. */
export async function requirementsForChat(
  ctx: AppContext,
  jobId: string,
  reviewer: Reviewer,
): Promise<RequirementsForEdit | { refused: string }> {
  if (!(await mayEditRequirements(ctx.db, jobId, editorOf(reviewer)))) return { refused: MAY_NOT_EDIT };
  const job = await ctx.db.job.findUnique({ where: { id: jobId }, select: { title: true, descriptionText: true } });
  const panel = await requirementsPanel(ctx.db, jobId);
  if (!job || !panel) return { refused: MAY_NOT_EDIT };
  const rows = requirementRows(job.descriptionText, panel.edits).map(({ label, status, rule, added, terms }) => ({
    label, status, rule, added, terms,
  }));
  const { version, lastEdit, notApplying } = panel;
  return { jobTitle: job.title, version, lastEdit, rows, notApplying };
}

/** A chat edit saved through the one entry point; refusals come back in words for the person. */
export async function saveRequirementsFromChat(
  ctx: AppContext,
  channel: EditChannel,
  request: RequirementsSaveRequest,
): Promise<RequirementsSaveResult> {
  const [job, panel] = await Promise.all([
    ctx.db.job.findUnique({ where: { id: request.jobId }, select: { descriptionText: true } }),
    requirementsPanel(ctx.db, request.jobId),
  ]);
  const edits = editsFromRows(job?.descriptionText ?? null, panel?.edits ?? [], request.rows, request.add);
  try {
    const saved = await saveJobRequirements(ctx, {
      jobId: request.jobId,
      editor: editorOf(request.reviewer),
      channel,
      edits,
      baseVersion: request.version,
    });
    return { ok: true, version: saved.version, created: saved.created };
  } catch (err) {
    if (err instanceof RequirementsAccessError || err instanceof RequirementEditError) {
      return { ok: false, message: err.message };
    }
    throw err;
  }
}
