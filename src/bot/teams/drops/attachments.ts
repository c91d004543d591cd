import type { Activity } from 'botbuilder';
import { z } from 'zod';

// What a message to Skima carries besides its text. A file sent to a bot in a 1:1 chat (the manifest's
// `supportsFiles`) is uploaded to the sender's OneDrive, and the message holds an attachment of type
// `application/vnd.microsoft.teams.file.download.info` naming it, with a short-lived pre-authenticated
// `downloadUrl` (Microsoft Learn, "Send and receive files using bot"). Typed text comes with a
// `text/html` copy of itself, which is not an attachment anyone sent.

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A file someone sent Skima: its name, the link to read it from, and its type as Teams says it. */
export interface DroppedFile {
  name: string;
  url: string;
  /** The extension Teams gives ("pdf", "docx"), lower case; empty when it gave none. */
  type: string;
}

const downloadInfo = z.object({
  downloadUrl: z.string().min(1).max(8000),
  fileType: z.string().max(40).optional(),
  uniqueId: z.string().max(200).optional(),
});

/** The files of a message, and how many other attachments (pasted images, cards) it carried. */
export function attachmentsOf(activity: Partial<Activity>): { files: DroppedFile[]; others: number } {
  const files: DroppedFile[] = [];
  let others = 0;
  for (const a of activity.attachments ?? []) {
    if (a.contentType === FILE_DOWNLOAD_INFO) {
      const info = downloadInfo.safeParse(a.content);
      if (!info.success) {
        others++;
        continue;
      }
      const name = (a.name ?? '').trim().slice(0, 250) || 'the file';
      const type = (info.data.fileType || name.split('.').pop() || '').toLowerCase();
      files.push({ name, url: info.data.downloadUrl, type });
    } else if (!/^text\/html\b/i.test(a.contentType ?? '')) {
      others++;
    }
  }
  return { files, others };
}

/** PDF and DOCX are what the core reads as a resume; anything else is refused before it is fetched. */
export function isResumeType(file: DroppedFile): boolean {
  return file.type === 'pdf' || file.type === 'docx';
}
