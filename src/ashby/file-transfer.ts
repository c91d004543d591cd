import { AshbyError } from './errors.ts';
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

async function withAttempts(label: string, run: () => Promise<Response>): Promise<Response> {
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
  fetchImpl: typeof fetch,
  url: string,
  options: { timeoutMs: number; maxBytes: number },
): Promise<{ bytes: Uint8Array; contentType: string | undefined }> {
  const response = await withAttempts('file.download', () =>
    fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs) }),
  );
  if (!response.ok)
    throw new AshbyFileTransferError('file.download', `file.download: HTTP ${response.status}`, response.status);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) {
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
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AshbyFileTransferError('file.download', `file.download: file exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
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
