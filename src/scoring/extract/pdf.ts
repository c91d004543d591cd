import { type ExtractLimits, type HiddenTextKind, UnreadableDocumentError } from './types.ts';

export interface PdfText {
  readonly text: string;
  readonly pages: number;
  readonly truncated: boolean;
  readonly hiddenTextKinds: HiddenTextKind[];
}

/** Text drawn smaller than this (in PDF points) cannot be read by a human. */
const MIN_READABLE_FONT_PT = 2;

interface TextItemLike {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/**
 * Text of a PDF with pdfjs-dist's legacy build (pure JS, no canvas in Node). Text drawn outside
 * the page box or in microscopic type is dropped and flagged. (The text layer carries no colour,
 * so white-on-white text in PDFs is not detectable here.)
 */
export async function readPdf(
  bytes: Uint8Array,
  limits: ExtractLimits,
  signal: AbortSignal,
  deadline: number,
): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const onAbort = () => void task.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (err) {
      throw classifyPdfError(err);
    }
    const kinds = new Set<HiddenTextKind>();
    const pageCount = Math.min(doc.numPages, limits.maxPages);
    const pages: string[] = [];
    for (let n = 1; n <= pageCount; n++) {
      // pdf.js may finish a page without yielding to the timer, so the deadline is also checked here.
      if (signal.aborted || Date.now() > deadline) {
        throw new UnreadableDocumentError('timeout', 'Reading the PDF took too long.');
      }
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      let text = '';
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItemLike;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
        const size = Math.hypot(a, b);
        const visible = item.str.trim().length > 0;
        if (visible && (x < x0 - 1 || x > x1 + 1 || y < y0 - 1 || y > y1 + 1)) {
          kinds.add('off_page');
        } else if (visible && size > 0 && size < MIN_READABLE_FONT_PT) {
          kinds.add('tiny_text');
        } else {
          text += item.str;
        }
        if (item.hasEOL) text += '\n';
        else if (visible && !text.endsWith(' ')) text += ' ';
      }
      pages.push(text);
      page.cleanup();
    }
    return {
      text: pages.join('\n\n'),
      pages: doc.numPages,
      truncated: doc.numPages > pageCount,
      hiddenTextKinds: [...kinds],
    };
  } finally {
    signal.removeEventListener('abort', onAbort);
    await task.destroy().catch(() => undefined);
  }
}

function classifyPdfError(err: unknown): UnreadableDocumentError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return new UnreadableDocumentError('encrypted', 'The PDF is password-protected.');
  return new UnreadableDocumentError('corrupt', 'The PDF is damaged and cannot be read.');
}
