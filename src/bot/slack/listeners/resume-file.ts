import { MAX_RESUME_BYTES, tooLargeForResume } from '../../resume-drop.ts';
import { textMessage } from '../render/help.ts';
import { previewMessage } from '../render/resume-drop.ts';
import type { Reviewer } from '../../ports.ts';
import type { ListenerDeps } from './deps.ts';
import { tell } from './refresh-card.ts';

/**
 * A dropped file read again from Slack with the bot token (files.info, then its private URL): buttons
 * carry only the file's id, so nothing of the resume is kept between the steps. Only the person who
 * shared the file may add it. A problem comes back in words; nothing of the file is logged.
 */
export async function readDroppedFile(
  deps: ListenerDeps,
  fileId: string,
  slackUserId: string,
): Promise<{ filename: string; bytes: Uint8Array } | { problem: string }> {
  let name = 'the file';
  try {
    const info = await deps.slack.fileInfo(fileId);
    name = info.name;
    if (info.user && info.user !== slackUserId) return { problem: 'Only the person who shared that file can add it. Nothing was created.' };
    if (info.size > MAX_RESUME_BYTES) return { problem: tooLargeForResume(name) };
    return { filename: info.name, bytes: await deps.slack.downloadFile(info.urlPrivateDownload, MAX_RESUME_BYTES) };
  } catch (err) {
    deps.log.warn({ code: (err as Error).message }, 'could not download a resume shared with Skima');
    return { problem: `Skima could not download ${name} from Slack; drop it again. Nothing was created.` };
  }
}

/** Reads the file, asks the core what it says and whom Ashby has, and shows it with Add and Cancel. */
export async function showResumePreview(
  deps: ListenerDeps,
  drop: { slackUserId: string; reviewer: Reviewer; jobId: string; fileId: string },
): Promise<void> {
  const file = await readDroppedFile(deps, drop.fileId, drop.slackUserId);
  if ('problem' in file) return void (await tell(deps, drop.slackUserId, textMessage(file.problem)));
  const preview = await deps.services.previewResume(drop.reviewer, { jobId: drop.jobId, ...file });
  const message = 'refused' in preview ? textMessage(preview.refused) : previewMessage(preview, drop.fileId, file.filename);
  await tell(deps, drop.slackUserId, message);
}
