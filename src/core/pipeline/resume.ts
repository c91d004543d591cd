import { createHash } from 'node:crypto';
import type { AshbyFileHandle } from '../../ashby/index.ts';
import type { AppContext } from '../context.ts';
import { findResume, insertResume } from './screening-store.ts';

export type ResumeText =
  /** `fresh`: extracted just now, so nothing can have been scored against this file yet. */
  | { ok: true; text: string; hash: string; fresh: boolean }
  | { ok: false; hash: string; reason: string; message: string };

/**
 * The resume's text, extracted once per file: a known file handle or content hash reuses the stored
 * extraction (Skima's own writes re-trigger the pipeline, and must cost no download or parse).
 */
export async function resumeText(ctx: AppContext, candidateId: string, handle: AshbyFileHandle): Promise<ResumeText> {
  let row = await findResume(ctx.db, candidateId, { fileHandle: handle.handle });
  let fresh = false;
  if (!row) {
    const { bytes, contentType } = await ctx.ashby.client.file.download(handle.handle);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    row = await findResume(ctx.db, candidateId, { contentHash });
    if (!row) {
      const result = await ctx.extractText(bytes, {
        filename: handle.name,
        ...(contentType ? { mimeType: contentType } : {}),
      });
      if (result.ok && result.hiddenTextRemoved) {
        ctx.log.info({ candidateId, kinds: result.hiddenTextKinds }, 'hidden text removed from a resume');
      }
      const extraction = result.ok
        ? { contentHash, extractedText: result.text, unreadableReason: null }
        : { contentHash, extractedText: null, unreadableReason: `${result.reason}: ${result.message}` };
      const stored = { candidateId, fileHandle: handle.handle, mimeType: result.ok ? result.format : null };
      // Another application of the same candidate may store the same file at the same moment: its row stands.
      fresh = await insertResume(ctx.db, { ...stored, ...extraction });
      row = fresh ? extraction : await findResume(ctx.db, candidateId, { contentHash });
      if (!row) throw new Error('a stored resume vanished while it was being read');
    }
  }
  if (row.extractedText !== null) {
    return { ok: true, text: row.extractedText, hash: row.contentHash, fresh };
  }
  const [reason = 'unreadable', ...rest] = (row.unreadableReason ?? 'unreadable').split(': ');
  return { ok: false, hash: row.contentHash, reason, message: rest.join(': ') || 'The resume could not be read.' };
}
