import { loadPdfJs } from './pdfjs-loader.ts';
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
 * the page box, in white or in microscopic type is dropped and flagged.
 */
export async function readPdf(
  bytes: Uint8Array,
  limits: ExtractLimits,
  signal: AbortSignal,
  deadline: number,
): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
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
      const drawn = await drawnText(page, pdfjs.OPS);
      let text = '';
      let lastY: number | undefined;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItemLike;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
        const size = Math.hypot(a, b);
        const visible = item.str.trim().length > 0;
        if (visible && (x < x0 - 1 || x > x1 + 1 || y < y0 - 1 || y > y1 + 1)) {
          kinds.add('off_page');
        } else if (visible && drawn.white.has(normalize(item.str))) {
          kinds.add('white_text');
        } else if (visible && size > 0 && size < MIN_READABLE_FONT_PT) {
          kinds.add('tiny_text');
        } else {
          // A new baseline is a new line, even when pdf.js did not mark the end of the previous one.
          if (visible && lastY !== undefined && Math.abs(y - lastY) > Math.max(2, size * 0.6) && !text.endsWith('\n')) {
            text = `${text.trimEnd()}\n`;
          }
          text += item.str;
          if (visible) lastY = y;
        }
        if (item.hasEOL) text += '\n';
        else if (visible && !text.endsWith(' ')) text += ' ';
      }
      // pdf.js leaves text drawn outside the page out of the text layer: it is gone already, but
      // a resume that hides text there is worth flagging.
      const layer = normalize(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
      if ([...drawn.all].some((d) => d.length >= 3 && !layer.includes(d))) kinds.add('off_page');
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

interface OperatorListLike {
  fnArray: number[];
  argsArray: unknown[][];
}

interface PageLike {
  getOperatorList(): Promise<OperatorListLike>;
}

/**
 * The strings a page draws, from its operator list, and those drawn in white (fill colour tracked
 * through save/restore). The text layer carries no colour, so this is how white text is found.
 */
async function drawnText(
  page: PageLike,
  ops: Record<string, number>,
): Promise<{ all: Set<string>; white: Set<string> }> {
  const list = await page.getOperatorList();
  const all = new Set<string>();
  const white = new Set<string>();
  let isWhite = false;
  const stack: boolean[] = [];
  const showOps = new Set([ops.showText, ops.showSpacedText, ops.nextLineShowText, ops.nextLineSetSpacingShowText]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === ops.save) stack.push(isWhite);
    else if (fn === ops.restore) isWhite = stack.pop() ?? false;
    else if (fn === ops.setFillRGBColor || fn === ops.setFillGray || fn === ops.setFillCMYKColor) {
      isWhite = isWhiteColor(fn === ops.setFillCMYKColor ? 'cmyk' : 'other', args);
    } else if (showOps.has(fn)) {
      const glyphs = args.find((a) => Array.isArray(a)) as unknown[] | undefined;
      const str = normalize(
        (glyphs ?? []).map((g) => (g && typeof g === 'object' && 'unicode' in g ? String(g.unicode) : '')).join(''),
      );
      if (!str) continue;
      all.add(str);
      if (isWhite) white.add(str);
    }
  }
  return { all, white };
}

function isWhiteColor(kind: 'cmyk' | 'other', args: unknown[]): boolean {
  const first = args[0];
  if (typeof first === 'string') return /^#?f{6}$/i.test(first);
  const nums = args.filter((a): a is number => typeof a === 'number');
  if (kind === 'cmyk') return nums.length === 4 && nums.every((n) => n === 0);
  // Gray 1, or RGB all at maximum (pdf.js gives 0-255 or 0-1 depending on the path).
  return nums.length > 0 && nums.every((n) => n === 255) ? true : nums.length > 0 && nums.every((n) => n === 1);
}

function normalize(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}
