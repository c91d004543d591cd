import { Unzip, UnzipInflate } from 'fflate';
import { type ExtractLimits, type HiddenTextKind, UnreadableDocumentError } from './types.ts';

const DOCUMENT_ENTRY = 'word/document.xml';
/** Real documents compress XML about 5-20x; a far higher ratio is a zip bomb. */
const MAX_COMPRESSION_RATIO = 200;

export interface DocxText {
  readonly text: string;
  readonly hiddenTextKinds: HiddenTextKind[];
}

/**
 * Reads the body text of a DOCX. The zip is streamed and word/document.xml inflated chunk by chunk
 * with a hard cap on its size, so a zip bomb (lying headers included) cannot exhaust memory.
 */
export function readDocx(bytes: Uint8Array, limits: ExtractLimits): DocxText {
  const xml = inflateDocumentXml(bytes, limits);
  return documentXmlToText(xml);
}

function inflateDocumentXml(bytes: Uint8Array, limits: ExtractLimits): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let finished = false;
  let failure: UnreadableDocumentError | undefined;
  const unzip = new Unzip((file) => {
    if (file.name !== DOCUMENT_ENTRY || found) return;
    found = true;
    if (file.originalSize !== undefined && file.originalSize > limits.maxDocxXmlBytes) {
      failure = new UnreadableDocumentError('too_large', 'The document text is larger than the configured limit.');
      return;
    }
    if (file.size && file.originalSize && file.originalSize / file.size > MAX_COMPRESSION_RATIO) {
      failure = new UnreadableDocumentError('corrupt', 'The document is compressed suspiciously well (zip bomb).');
      return;
    }
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new UnreadableDocumentError('corrupt', 'The document is damaged and cannot be read.');
        return;
      }
      total += chunk.length;
      if (total > limits.maxDocxXmlBytes) {
        failure = new UnreadableDocumentError('too_large', 'The document text is larger than the configured limit.');
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    if (!failure) throw new UnreadableDocumentError('corrupt', 'The document is damaged and cannot be read.');
  }
  if (failure) throw failure;
  if (!found) throw new UnreadableDocumentError('unsupported', 'The file is a zip archive but not a Word document.');
  if (!finished) throw new UnreadableDocumentError('corrupt', 'The document is damaged and cannot be read.');
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

/**
 * Paragraphs and runs of WordprocessingML to text. Runs that a reader cannot see are dropped and
 * flagged: `w:vanish` (hidden), white font colour, and font sizes under 2 pt.
 */
export function documentXmlToText(xml: string): DocxText {
  const kinds = new Set<HiddenTextKind>();
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const paragraphs: string[] = [];
  for (const p of body.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const inner = p[1] ?? '';
    const paragraphProps = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const isListItem = /<w:numPr>/.test(paragraphProps);
    let text = '';
    for (const r of inner.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
      const run = r[1] ?? '';
      const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
      const hidden = hiddenKind(props);
      const runText = runToText(run);
      if (hidden) {
        if (runText.trim()) kinds.add(hidden);
        continue;
      }
      text += runText;
    }
    paragraphs.push(isListItem && text.trim() ? `- ${text}` : text);
  }
  const text = paragraphs.join('\n').replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, decodeXmlEntity);
  return { text, hiddenTextKinds: [...kinds] };
}

function hiddenKind(props: string): HiddenTextKind | undefined {
  if (/<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(props) || /<w:webHidden\s*\/>/.test(props)) {
    return 'hidden_markup';
  }
  if (/<w:color\s+w:val="(?:FFFFFF|ffffff)"/.test(props) && !/<w:(?:shd|highlight)\b/.test(props)) return 'white_text';
  const size = /<w:sz\s+w:val="(\d+)"/.exec(props)?.[1];
  // w:sz is in half-points: under 4 is under 2 pt.
  if (size !== undefined && Number(size) < 4) return 'tiny_text';
  return undefined;
}

function runToText(run: string): string {
  let out = '';
  for (const m of run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
    if (m[1] !== undefined) out += m[1];
    else out += m[2] === 'tab' ? '\t' : '\n';
  }
  return out;
}

function decodeXmlEntity(match: string, e: string): string {
  const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };
  if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16) || 0xfffd);
  if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10) || 0xfffd);
  const name = e.toLowerCase();
  return Object.hasOwn(map, name) ? map[name]! : match;
}
