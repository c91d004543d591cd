import { readDocx } from './docx.ts';
import { stripInvisibleCharacters, tidyWhitespace } from './hidden-text.ts';
import { htmlToTextWithFlags } from './html.ts';
import { readPdf } from './pdf.ts';
import {
  DEFAULT_EXTRACT_LIMITS,
  type DocumentFormat,
  type ExtractLimits,
  type ExtractResult,
  type HiddenTextKind,
  UnreadableDocumentError,
} from './types.ts';

export interface ExtractOptions {
  readonly filename?: string;
  readonly mimeType?: string;
  readonly limits?: Partial<ExtractLimits>;
}

/**
 * Text of a resume or job description file (PDF, DOCX, HTML, plain text). Never throws for a bad
 * file: corrupt, encrypted, image-only, empty, oversized, slow or unknown files give `ok: false`
 * with a reason and a sentence a recruiter can read.
 */
export async function extractText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractResult> {
  const limits: ExtractLimits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxBytes) {
    return unreadable('too_large', `The file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`);
  }
  if (bytes.byteLength === 0) return unreadable('empty', 'The file is empty.');

  const format = detectFormat(bytes, options);
  if (format === 'encrypted') return unreadable('encrypted', 'The document is password-protected.');
  if (format === 'unsupported') {
    return unreadable('unsupported', 'The file type is not supported (use PDF, DOCX, HTML or plain text).');
  }

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new UnreadableDocumentError('timeout', 'Reading the file took too long.'));
    }, limits.timeoutMs);
  });
  try {
    const deadline = Date.now() + limits.timeoutMs;
    return await Promise.race([read(bytes, format, limits, controller.signal, deadline), timeout]);
  } catch (err) {
    if (err instanceof UnreadableDocumentError) return unreadable(err.reason, err.message);
    return unreadable('corrupt', 'The file is damaged and cannot be read.');
  } finally {
    clearTimeout(timer);
  }
}

async function read(
  bytes: Uint8Array,
  format: DocumentFormat,
  limits: ExtractLimits,
  signal: AbortSignal,
  deadline: number,
): Promise<ExtractResult> {
  let raw: string;
  const kinds = new Set<HiddenTextKind>();
  let pages: number | undefined;
  let truncated = false;
  if (format === 'pdf') {
    const pdf = await readPdf(bytes, limits, signal, deadline);
    raw = pdf.text;
    pages = pdf.pages;
    truncated = pdf.truncated;
    for (const k of pdf.hiddenTextKinds) kinds.add(k);
  } else if (format === 'docx') {
    const docx = readDocx(bytes, limits);
    raw = docx.text;
    for (const k of docx.hiddenTextKinds) kinds.add(k);
  } else {
    const decoded = decodeText(bytes);
    if (decoded === undefined) return unreadable('unsupported', 'The file is not text in a known encoding.');
    if (format === 'html') {
      const html = htmlToTextWithFlags(decoded);
      raw = html.text;
      for (const k of html.hiddenTextKinds) kinds.add(k);
    } else raw = decoded;
  }
  const invisible = stripInvisibleCharacters(raw);
  if (invisible.removed) kinds.add('zero_width');
  const text = tidyWhitespace(invisible.text);
  if (text.replace(/\s/g, '').length < limits.minChars) {
    if (format === 'pdf' && (pages ?? 0) > 0) {
      return unreadable(
        'image_only',
        'The PDF has no text layer (a scan or image); it needs OCR, which Skima does not do.',
      );
    }
    return unreadable('empty', 'The file contains no readable text.');
  }
  return {
    ok: true,
    text,
    format,
    hiddenTextRemoved: kinds.size > 0,
    hiddenTextKinds: [...kinds],
    ...(pages !== undefined ? { pages } : {}),
    ...(truncated ? { truncated } : {}),
  };
}

function detectFormat(bytes: Uint8Array, options: ExtractOptions): DocumentFormat | 'encrypted' | 'unsupported' {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  // OLE compound file: an encrypted Office document (EncryptedPackage) or a legacy .doc.
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    const utf16 = Buffer.from('EncryptedPackage', 'utf16le');
    return Buffer.from(bytes).includes(utf16) ? 'encrypted' : 'unsupported';
  }
  const name = options.filename?.toLowerCase() ?? '';
  const mime = options.mimeType?.toLowerCase() ?? '';
  if (name.endsWith('.pdf') || mime === 'application/pdf') return 'pdf';
  if (name.endsWith('.docx')) return 'docx';
  const sample = head.toString('utf8').trimStart().toLowerCase();
  if (mime.includes('html') || /\.x?html?$/.test(name) || /^<(?:!doctype html|html|body|div|p)\b/.test(sample)) {
    return 'html';
  }
  if (mime.startsWith('text/') || /\.(?:txt|md|text)$/.test(name) || looksLikeText(head)) return 'text';
  return 'unsupported';
}

function looksLikeText(head: Buffer): boolean {
  let control = 0;
  for (const b of head) if (b === 0 || (b < 9 && b !== 0)) control += 1;
  return control === 0;
}

function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Old resumes saved as Windows-1252: still readable text.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function unreadable(reason: Extract<ExtractResult, { ok: false }>['reason'], message: string): ExtractResult {
  return { ok: false, reason, message };
}
