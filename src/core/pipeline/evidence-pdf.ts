import { scoreBand } from '../../scoring/index.ts';

export interface EvidenceDecision {
  verdict: string; // approve | skip | maybe
  reviewerName: string;
  at: Date;
}

export interface EvidenceInput {
  /** The candidate's name, or "Candidate N" (their rank) in redaction mode. */
  candidate: string;
  jobTitle: string;
  /** The latest decision on the application, when someone has decided. */
  decision?: EvidenceDecision;
  score: number;
  reasons: { text: string; quote: string }[];
  missing: string[];
  scorerVersion: string;
  scoredAt: Date;
}

const VERDICTS: Record<string, string> = { approve: 'Approved', skip: 'Skipped', maybe: 'Maybe' };

function decisionLine(d: EvidenceDecision | undefined): string {
  if (!d) return 'Decision: none yet';
  return `Decision: ${VERDICTS[d.verdict] ?? d.verdict} by ${d.reviewerName}, ${d.at.toISOString().slice(0, 10)}`;
}

/** Letters, digits and dashes of `text`, words joined by '-', accents dropped: safe in any filename. */
function filenamePart(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** The PDF's filename names the candidate, the job and the decision, e.g.
 * SKIMA_Evidence_Priya-Raman_Store-Manager_Approved.pdf. */
export function evidenceFilename(input: Pick<EvidenceInput, 'candidate' | 'jobTitle' | 'decision'>): string {
  const decision = input.decision ? (VERDICTS[input.decision.verdict] ?? input.decision.verdict) : 'Undecided';
  const parts = [input.candidate, input.jobTitle, decision].map(filenamePart).filter(Boolean);
  return `SKIMA_Evidence_${parts.join('_')}.pdf`;
}

/**
 * The evidence document: who and for which job, the decision so far, score, reasons with the resume
 * quotes behind them, missing requirements, scorer version and date. Uploaded to the candidate where
 * custom fields are unavailable, and downloadable from the shortlist page. No contact details; in
 * redaction mode no name either (the candidate is "Candidate N").
 */
export async function renderEvidencePdf(input: EvidenceInput): Promise<Buffer> {
  // Loaded when a PDF is drawn: pdfkit unpacks its Unicode tables as it loads (about 0.1 s of CPU), a
  // cost every process and CLI command that never draws one would pay otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    // A fixed creation date keeps the bytes stable, so an unchanged score is never uploaded twice.
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Skima evidence: ${input.candidate}, ${input.jobTitle}`, Creator: 'Skima', CreationDate: input.scoredAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(18).text('Skima screening evidence');
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(13).fillColor('#000').text(input.candidate);
    doc.font('Helvetica').fontSize(11).fillColor('#444').text(input.jobTitle);
    doc.text(decisionLine(input.decision));
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
