import { AshbyError } from './errors.ts';
import type { HttpGet, StreamedResponse } from './node-http.ts';
import type { AshbyFileUploadHandle } from './schemas/objects.ts';

/** A file transfer to or from Ashby's storage (S3) failed. */
export class AshbyFileTransferError extends AshbyError {
  readonly httpStatus: number | undefined;
  constructor(endpoint: string, message: string, httpStatus?: number, options?: ErrorOptions) {
    super(endpoint, message, options);
    this.name = 'AshbyFileTransferError';
    this.httpStatus = httpStatus;
  }
}

const TRANSFER_ATTEMPTS = 3;

async function withAttempts<R extends { status: number }>(label: string, run: () => Promise<R>): Promise<R> {
  let last: unknown;
  for (let attempt = 1; attempt <= TRANSFER_ATTEMPTS; attempt++) {
    try {
      const response = await run();
      if (response.status < 500) return response;
      last = new AshbyFileTransferError(label, `${label}: HTTP ${response.status}`, response.status);
    } catch (cause) {
      last = cause;
    }
    await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
  }
  if (last instanceof AshbyFileTransferError) throw last;
  throw new AshbyFileTransferError(label, `${label}: ${(last as Error)?.message ?? 'failed'}`, undefined, {
    cause: last,
  });
}

/** Downloads a file from a short-lived URL, refusing files larger than `maxBytes`. */
export async function downloadFromUrl(
  get: HttpGet,
  url: string,
  options: { timeoutMs: number; maxBytes: number },
): Promise<{ bytes: Uint8Array; contentType: string | undefined }> {
  const response = await withAttempts('file.download', async () => {
    const answer = await get(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    if (answer.status >= 500) await answer.cancel(); // not read: its connection is not reused
    return answer;
  });
  if (response.status < 200 || response.status > 299) {
    await response.cancel();
    throw new AshbyFileTransferError('file.download', `file.download: HTTP ${response.status}`, response.status);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) {
    await response.cancel();
    throw new AshbyFileTransferError(
      'file.download',
      `file.download: file of ${declared} bytes exceeds ${options.maxBytes}`,
    );
  }
  const bytes = await readCapped(response, options.maxBytes);
  return { bytes, contentType: response.headers.get('content-type') ?? undefined };
}

/** Reads a body, stopping as soon as it passes `maxBytes`: a file that declares no length is refused
 * without ever being held whole in memory. */
async function readCapped(response: StreamedResponse, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.chunks()) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.cancel();
      throw new AshbyFileTransferError('file.download', `file.download: file exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * The presigned multipart POST: every `fields` entry as a form field, the file last as `file`.
 * Repeating it overwrites the same object, so it is retried freely.
 */
export async function uploadToPresignedUrl(
  fetchImpl: typeof fetch,
  upload: AshbyFileUploadHandle,
  file: { filename: string; contentType: string; bytes: Uint8Array },
  options: { timeoutMs: number },
): Promise<void> {
  const response = await withAttempts('file.upload', () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(upload.fields)) form.append(key, value);
    form.append('file', new Blob([file.bytes], { type: file.contentType }), file.filename);
    return fetchImpl(upload.url, { method: 'POST', body: form, signal: AbortSignal.timeout(options.timeoutMs) });
  });
  if (!response.ok)
    throw new AshbyFileTransferError('file.upload', `file.upload: HTTP ${response.status}`, response.status);
}
