import type { TurnContext } from 'botbuilder';
import type { Reviewer } from '../../ports.ts';
import type { TeamsDeps } from '../deps.ts';
import { resumePreviewFor } from './preview.ts';
import { replaceCardLater } from './replace-later.ts';
import type { ResumeAction } from './resume-actions.ts';

/** The job picked from the menu offered for a dropped resume: Skima reads the file and shows what it
 * found in place of the menu. */
export async function resumeJobPicked(
  context: TurnContext,
  deps: TeamsDeps,
  reviewer: Reviewer,
  action: Extract<ResumeAction, { kind: 'pick-job' }>,
): Promise<void> {
  await replaceCardLater(context, deps, 'resume-preview', `Reading ${action.file.name}…`, () =>
    resumePreviewFor(deps, reviewer, action.jobId, action.file));
}
