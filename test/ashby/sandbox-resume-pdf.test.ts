import { describe, expect, it } from 'vitest';
import { JOB_TEMPLATES } from '../../src/ashby/sandbox/catalog-jobs.ts';
import { buildResume, type ResumeModel } from '../../src/ashby/sandbox/resume-model.ts';
import { renderResumePdf } from '../../src/ashby/sandbox/resume-pdf.ts';

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
});
