import { strToU8, zipSync } from 'fflate';

export interface PdfTextItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size?: number;
  /** Fill colour as "r g b" in 0-1 (default black). */
  readonly rgb?: string;
}

/**
 * A minimal, valid PDF 1.4 (Helvetica, one content stream per page) written by hand, so tests and
 * benchmarks need no PDF library. `encrypt` adds an /Encrypt dictionary whose password check fails.
 */
export function buildPdf(
  pages: ReadonlyArray<ReadonlyArray<PdfTextItem>>,
  opts: { encrypt?: boolean } = {},
): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  let next = 4;
  for (const items of pages) {
    const stream = items.length
      ? items
          .map((i) => `${i.rgb ?? '0 0 0'} rg BT /F1 ${i.size ?? 11} Tf ${i.x} ${i.y} Td (${escapePdf(i.text)}) Tj ET`)
          .join('\n')
      : '0.5 g 100 100 200 200 re f';
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let encryptId: number | undefined;
  if (opts.encrypt) {
    encryptId = next++;
    const o = `<${'11'.repeat(32)}>`;
    const u = `<${'22'.repeat(32)}>`;
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -44 >>`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < next; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let id = 1; id < next; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const encrypt = encryptId ? ` /Encrypt ${encryptId} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${next} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function escapePdf(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A two-page resume PDF (about 60 lines), for extraction tests and the speed benchmark. */
export function twoPageResumePdf(): Uint8Array {
  const lines = [
    'Summary',
    'Retail sales associate with 4 years on the floor and 2 years as shift lead.',
    'Experience',
    'Shift Lead, Corner Market (2021 - 2023)',
    '- Ran POS and cash handling for a team of 6; opened and closed the store.',
    'Sales Associate, Fresh Foods (2019 - 2021)',
    '- Merchandising, inventory counts, customer service at the register.',
  ];
  const page = (offset: number) =>
    Array.from({ length: 30 }, (_, i) => ({ text: `${lines[(i + offset) % lines.length]}`, x: 72, y: 740 - i * 22 }));
  return buildPdf([page(0), page(3)]);
}

export interface DocxRun {
  readonly text: string;
  /** Raw w:rPr children, e.g. '<w:vanish/>' or '<w:color w:val="FFFFFF"/>'. */
  readonly props?: string;
}

/** A minimal DOCX: one paragraph per entry, each a list of runs. */
export function buildDocx(paragraphs: ReadonlyArray<ReadonlyArray<DocxRun> | string>): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const runs = typeof p === 'string' ? [{ text: p }] : p;
      const xml = runs
        .map(
          (r) =>
            `<w:r>${r.props ? `<w:rPr>${r.props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`,
        )
        .join('');
      return `<w:p>${xml}</w:p>`;
    })
    .join('');
  return docxWithDocumentXml(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
}

export function docxWithDocumentXml(xml: string | Uint8Array): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': typeof xml === 'string' ? strToU8(xml) : xml,
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
