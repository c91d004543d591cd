import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { JOB_TEMPLATES } from '../../src/ashby-sandbox/catalog-jobs.ts';
import { buildResume, type ResumeModel } from '../../src/ashby-sandbox/resume-model.ts';
import { renderResumePdf } from '../../src/ashby-sandbox/resume-pdf.ts';

const resume = (index: number, layout: ResumeModel['layout']): ResumeModel => ({
  ...buildResume({
    seed: 7,
    index,
    name: `Candidate ${index}`,
    email: `c${index}@example.com`,
    phone: '+1 555 0100',
    appliedTemplate: JOB_TEMPLATES[index % JOB_TEMPLATES.length]!,
    now: Date.UTC(2026, 0, 1),
  }),
  layout,
  defect: undefined,
});

/** The bytes of a PDF apart from when it was made (its date, and the file id pdfkit derives from it). */
const timeless = (pdf: Buffer) =>
  pdf.toString('latin1').replace(/\(D:\d+Z\)/g, '').replace(/\/ID \[<\w+> <\w+>\]/, '');

describe('sandbox resume PDFs', () => {
  it('lay out the same once font metrics are parsed once and shared between documents', async () => {
    // The first document parses Helvetica and its bold and oblique faces; the later ones reuse them.
    const first = await renderResumePdf(resume(1, 'classic'));
    const other = await renderResumePdf(resume(2, 'two-column'));
    const again = await renderResumePdf(resume(1, 'classic'));
    expect(timeless(again)).toBe(timeless(first));
    expect(timeless(other)).not.toBe(timeless(first));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('kern every pair of letters exactly as pdfkit\'s own table says', async () => {
    await renderResumePdf(resume(3, 'compact')); // shares the metrics from here on
    const doc = new PDFDocument();
    for (const face of ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique']) {
      type Afm = { glyphWidths: object; kernPairs: Record<string, number>; getKernPair(l: string, r: string): number };
      const afm = (doc.font(face) as unknown as { _font: { font: Afm } })._font.font;
      const glyphs = Object.keys(afm.glyphWidths);
      let kerned = 0;
      for (const left of glyphs) {
        for (const right of glyphs) {
          const expected = afm.kernPairs[`${left}\0${right}`] || 0;
          if (afm.getKernPair(left, right) !== expected) throw new Error(`${face}: ${left} ${right}`);
          if (expected) kerned++;
        }
      }
      expect(kerned).toBeGreaterThan(2000);
    }
  });
});
