import { MAX_RESUME_BYTES, tooLargeForResume } from '../../resume-drop.ts';
import type { DroppedFile } from './attachments.ts';

// Reading a dropped file from the link Teams gave. The link is pre-authenticated (no token goes with
// it) and lives a short while. It comes back from a card's button (Action.Execute data, which a client
// could forge), so it is fetched only from Microsoft's OneDrive and SharePoint hosts, over HTTPS, with a
// size cap and a timeout. Nothing of the link or the file is logged: the link is a credential.

export const DOWNLOAD_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 3;

/** OneDrive for Business and SharePoint Online (worldwide, and 21Vianet in China): where Teams keeps
 * the files sent to a bot. */
const FILE_HOST = /(^|\.)sharepoint\.(com|cn)$/i;

export function isTeamsFileUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && !u.port && FILE_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

export type Downloaded = { filename: string; bytes: Uint8Array } | { problem: string };

const notFetched = (name: string) =>
  `Skima could not download ${name} from Teams (the link Teams gives lasts a short while); send the file again. Nothing was created.`;

/** The file's bytes, or why not in words for the person who sent it. */
export async function downloadDroppedFile(
  file: DroppedFile,
  opts: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<Downloaded> {
  const maxBytes = opts.maxBytes ?? MAX_RESUME_BYTES;
  if (!isTeamsFileUrl(file.url)) return { problem: `Skima reads files only from the link Teams gives for them; send ${file.name} again. Nothing was created.` };
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    let url = file.url;
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { signal, redirect: 'manual' });
      const next = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && next) {
        await response.body?.cancel();
        url = new URL(next, url).href;
        if (hop >= MAX_REDIRECTS || !isTeamsFileUrl(url)) return { problem: notFetched(file.name) };
        continue;
      }
      if (!response.ok || /text\/html/i.test(response.headers.get('content-type') ?? '')) {
        // An expired link answers 401/403 (or a sign-in page): nothing to read.
        await response.body?.cancel();
        return { problem: notFetched(file.name) };
      }
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
        await response.body?.cancel();
        return { problem: tooLargeForResume(file.name) };
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > maxBytes) return { problem: tooLargeForResume(file.name) };
        chunks.push(chunk);
      }
      return { filename: file.name, bytes: Buffer.concat(chunks) };
    }
  } catch {
    return { problem: notFetched(file.name) };
  }
}
