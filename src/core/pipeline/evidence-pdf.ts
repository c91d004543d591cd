import PDFDocument from 'pdfkit';
import { scoreBand } from '../../scoring/index.ts';

export interface EvidenceInput {
  jobTitle: string;
  score: number;
  reasons: { text: string; quote: string }[];
  missing: string[];
  scorerVersion: string;
  scoredAt: Date;
}

/**
 * The evidence document: score, reasons with the resume quotes behind them, missing requirements,
 * scorer version and date. Uploaded to the candidate where custom fields are unavailable, and
 * downloadable from the shortlist page. No name or contact details: it describes the evidence only.
 */
export function renderEvidencePdf(input: EvidenceInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A fixed creation date keeps the bytes stable, so an unchanged score is never uploaded twice.
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Skima evidence: ${input.jobTitle}`, Creator: 'Skima', CreationDate: input.scoredAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(18).text('Skima screening evidence');
    doc.moveDown(0.3).font('Helvetica').fontSize(11).fillColor('#444').text(input.jobTitle);
    doc.moveDown(1).fillColor('#000').font('Helvetica-Bold').fontSize(28).text(`${input.score}`, { continued: true });
    doc.font('Helvetica').fontSize(12).text(`  / 100  (${scoreBand(input.score)})`);

    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text('Why');
    for (const r of input.reasons) {
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(`• ${r.text}`);
      doc.font('Helvetica-Oblique').fontSize(10).fillColor('#333').text(`“${r.quote}”`, { indent: 14 });
      doc.fillColor('#000');
    }
    if (input.missing.length) {
      doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text('Must-haves without evidence in the resume');
      for (const m of input.missing) doc.moveDown(0.2).font('Helvetica').fontSize(11).text(`• ${m}`);
    }
    doc.moveDown(1.5).font('Helvetica').fontSize(9).fillColor('#555');
    doc.text(`Scored ${input.scoredAt.toISOString().slice(0, 10)} by ${input.scorerVersion}.`);
    doc.text('Skima recommends; people decide. This score is not a decision about the candidate.');
    doc.end();
  });
}
