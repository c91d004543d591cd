import { strToU8, zipSync } from 'fflate';
import type { ResumeModel } from './resume-model.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const run = (text: string, opts: { bold?: boolean; size?: number; italic?: boolean } = {}) =>
  `<w:r><w:rPr>${opts.bold ? '<w:b/>' : ''}${opts.italic ? '<w:i/>' : ''}${opts.size ? `<w:sz w:val="${opts.size}"/>` : ''}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const bulletPara = (text: string) => `<w:p><w:pPr><w:ind w:left="360"/></w:pPr>${run(`• ${text}`)}</w:p>`;
const cell = (content: string) => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${content}</w:tc>`;

function body(r: ResumeModel): string {
  const parts: string[] = [
    para(run(r.name, { bold: true, size: 36 })),
    para(run(`${r.email} | ${r.phone} | ${r.city}`)),
    para(run(r.headline, { italic: true })),
    para(run('PROFESSIONAL SUMMARY', { bold: true })),
    para(run(r.summary)),
    para(run('WORK EXPERIENCE', { bold: true })),
  ];
  for (const e of r.experiences) {
    parts.push(para(run(`${e.title} at ${e.company}`, { bold: true }), run(`  (${e.start} – ${e.end ?? 'present'})`)));
    for (const b of e.bullets) parts.push(bulletPara(b));
  }
  parts.push(para(run('EDUCATION', { bold: true })));
  for (const ed of r.education) parts.push(para(run(`${ed.degree} — ${ed.school} (${ed.year})`)));
  parts.push(para(run('SKILLS', { bold: true })));
  if (r.layout === 'docx-table') {
    // Skills in a two-column table, as many resume templates do.
    const half = Math.ceil(r.skills.length / 2);
    const rows = Array.from(
      { length: half },
      (_, i) => `<w:tr>${cell(para(run(r.skills[i] ?? '')))}${cell(para(run(r.skills[i + half] ?? '')))}</w:tr>`,
    );
    parts.push(`<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>${rows.join('')}</w:tbl>`);
  } else {
    parts.push(para(run(r.skills.join(', '))));
  }
  return parts.join('');
}

/** A minimal but valid Office Open XML document (opens in Word, LibreOffice and docx parsers). */
export function renderResumeDocx(r: ResumeModel): Buffer {
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(r.name)} resume</dc:title><dc:creator>${esc(r.name)}</dc:creator></cp:coreProperties>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body(r)}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080"/></w:sectPr></w:body></w:document>`,
    ),
  };
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') }));
}
