import type { Reviewer } from '../../ports.ts';
import type { AdaptiveCardJson } from '../card-json.ts';
import type { TeamsDeps } from '../deps.ts';
import { resumeNoticeCard, resumePreviewCard } from '../render/resume-drop.ts';
import type { DroppedFile } from './attachments.ts';
import { downloadDroppedFile } from './download.ts';

/** Reads the file from Teams, asks the core what it says and whom Ashby has, and draws that with Add
 * and Cancel; or why not (a file that cannot be fetched or read, a refusal), in one line. Creates nothing. */
export async function resumePreviewFor(
  deps: TeamsDeps,
  reviewer: Reviewer,
  jobId: string,
  file: DroppedFile,
): Promise<AdaptiveCardJson> {
  const downloaded = await downloadDroppedFile(file);
  if ('problem' in downloaded) return resumeNoticeCard(downloaded.problem, 'attention');
  const preview = await deps.services.previewResume(reviewer, { jobId, ...downloaded });
  return 'refused' in preview ? resumeNoticeCard(preview.refused, 'attention') : resumePreviewCard(preview, file);
}
