import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { ResumeModel } from './resume-model.ts';

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const period = (e: ResumeModel['experiences'][number]) => `${e.start} – ${e.end ?? 'present'}`;

function heading(doc: PDFKit.PDFDocument, text: string, x?: number, width?: number) {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(text.toUpperCase(), x, undefined, { width });
  doc.font('Helvetica').fontSize(10);
}

function classic(doc: PDFKit.PDFDocument, r: ResumeModel, compact: boolean) {
  doc
    .font('Helvetica-Bold')
    .fontSize(compact ? 16 : 20)
    .text(r.name);
  doc.font('Helvetica').fontSize(10).text(`${r.email} · ${r.phone} · ${r.city}`);
  doc.moveDown(0.3).font('Helvetica-Oblique').text(r.headline).font('Helvetica');
  heading(doc, 'Summary');
  doc.text(r.summary);
  heading(doc, 'Experience');
  for (const e of r.experiences) {
    doc.moveDown(0.3).font('Helvetica-Bold').text(`${e.title}, ${e.company}`, { continued: true });
    doc.font('Helvetica').text(`   ${period(e)}`);
    for (const b of e.bullets) doc.text(`• ${b}`, { indent: compact ? 6 : 12 });
  }
  heading(doc, 'Education');
  for (const ed of r.education) doc.text(`${ed.degree}, ${ed.school}, ${ed.year}`);
  heading(doc, 'Skills');
  doc.text(r.skills.join(compact ? ', ' : ' · '));
}

/** Sidebar (contact, skills, education) left, experience right: text order differs from reading order. */
function twoColumn(doc: PDFKit.PDFDocument, r: ResumeModel) {
  const top = doc.y;
  const sideX = 50;
  const sideW = 150;
  const mainX = 220;
  const mainW = 330;
  doc.font('Helvetica-Bold').fontSize(18).text(r.name, sideX, top, { width: sideW });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(r.email, { width: sideW })
    .text(r.phone, { width: sideW })
    .text(r.city, { width: sideW });
  heading(doc, 'Skills', sideX, sideW);
  for (const s of r.skills) doc.text(s, sideX, undefined, { width: sideW });
  heading(doc, 'Education', sideX, sideW);
  for (const ed of r.education) doc.text(`${ed.degree}\n${ed.school}, ${ed.year}`, sideX, undefined, { width: sideW });
  doc.font('Helvetica-Oblique').fontSize(12).text(r.headline, mainX, top, { width: mainW });
  doc.font('Helvetica').fontSize(10).moveDown(0.4).text(r.summary, mainX, undefined, { width: mainW });
  heading(doc, 'Experience', mainX, mainW);
  for (const e of r.experiences) {
    doc.moveDown(0.3).font('Helvetica-Bold').text(`${e.title} — ${e.company}`, mainX, undefined, { width: mainW });
    doc.font('Helvetica').fontSize(9).text(period(e), mainX, undefined, { width: mainW }).fontSize(10);
    for (const b of e.bullets) doc.text(`• ${b}`, mainX, undefined, { width: mainW });
  }
}

interface AfmTables {
  attributes: object;
  glyphWidths: object;
  boundingBoxes: object;
  kernPairs: Record<string, number>;
}
interface AfmFont extends AfmTables {
  /** The kerning pairs by left glyph, then right: no string to build per pair of letters. */
  kerning?: Map<string, Map<string, number>>;
}
type AfmParse = (this: AfmFont, contents: string) => void;

function kerningByLeft(kernPairs: Record<string, number>): Map<string, Map<string, number>> {
  const byLeft = new Map<string, Map<string, number>>();
  for (const [pair, amount] of Object.entries(kernPairs)) {
    const [left = '', right = ''] = pair.split('\0');
    let rights = byLeft.get(left);
    if (!rights) byLeft.set(left, (rights = new Map()));
    rights.set(right, amount);
  }
  return byLeft;
}

/**
 * pdfkit reads and parses a standard font's metrics file (AFM) anew for every document, which was
 * most of the sandbox's CPU when it served a backfill of thousands of resumes. The parsed metrics are
 * only read afterwards, so each file is parsed once per process and its tables shared. pdfkit does not
 * export its AFM class; a first document's default font leads to it.
 */
let fontMetricsShared = false;
function shareFontMetrics(doc: PDFKit.PDFDocument): void {
  if (fontMetricsShared) return;
  fontMetricsShared = true;
  type AfmClass = { prototype: { parse?: AfmParse; getKernPair?: (left: string, right: string) => number } };
  const afm = (doc as unknown as { _font?: { font?: { constructor: AfmClass } } })._font?.font;
  const proto = afm?.constructor.prototype;
  const parse = proto?.parse;
  if (!proto || typeof parse !== 'function') return; // another pdfkit: render as it does
  const parsed = new Map<string, AfmFont>();
  proto.parse = function (this: AfmFont, contents: string) {
    const tables = parsed.get(contents);
    if (tables) {
      Object.assign(this, tables);
      return;
    }
    parse.call(this, contents);
    const { attributes, glyphWidths, boundingBoxes, kernPairs } = this;
    const kerning = kerningByLeft(kernPairs);
    Object.assign(this, { kerning });
    parsed.set(contents, { attributes, glyphWidths, boundingBoxes, kernPairs, kerning });
  };
  // pdfkit asks for the kerning of every pair of adjacent letters it measures or draws, each time
  // joining the two glyph names into a key: the largest single cost left in rendering a resume.
  const getKernPair = proto.getKernPair;
  if (typeof getKernPair === 'function') {
    proto.getKernPair = function (this: AfmFont, left: string, right: string) {
      if (!this.kerning) return getKernPair.call(this, left, right);
      return this.kerning.get(left)?.get(right) ?? 0;
    };
  }
}

export async function renderResumePdf(r: ResumeModel): Promise<Buffer> {
  const password = r.defect === 'password-protected';
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 50,
    info: { Title: `${r.name} – Resume`, Author: r.name },
    ...(password
      ? { userPassword: 'northwind', ownerPassword: 'northwind-owner', pdfVersion: '1.7ext3' as const }
      : {}),
  });
  shareFontMetrics(doc);
  if (r.defect === 'image-only') {
    // A scan: the page is one picture, with no text layer for an extractor to find.
    doc.image(scannedPagePng(612, 792, r.name.length), 0, 0, { width: 612, height: 792 });
  } else if (r.layout === 'two-column') {
    twoColumn(doc, r);
  } else {
    classic(doc, r, r.layout === 'compact');
  }
  return collect(doc);
}

/**
 * Plain text as a one-column PDF (a file seed's resumes). The standard fonts write WinAnsi only: other
 * characters become "?", as a PDF printer without the glyph would leave them unreadable.
 */
export async function renderTextPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 50, info: { Title: 'Resume' } });
  shareFontMetrics(doc);
  const printable = text.replace(/[^\n\t\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
  doc.font('Helvetica').fontSize(10).text(printable);
  return collect(doc);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A grey "scanned page" with dark bars where lines of text would be. */
function scannedPagePng(width: number, height: number, variant: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height, 0);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 0; // filter: none
    const line = Math.floor((y - 60) / 18);
    const inText = y > 60 && y < height - 60 && (y - 60) % 18 < 9;
    const lineEnd = 80 + ((line * 37 + variant * 11) % 420);
    for (let x = 0; x < width; x++) {
      const ink = inText && x > 60 && x < lineEnd && (x + line) % 7 !== 0;
      raw[row + 1 + x] = ink ? 40 : 235 + ((x * y + variant) % 12);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
