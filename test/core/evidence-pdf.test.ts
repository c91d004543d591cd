// The evidence PDF names who and what it is about, and its filename says so in plain ASCII.
import { describe, expect, it } from 'vitest';
import { evidenceFilename, renderEvidencePdf } from '../../src/core/evidence-pdf.ts';
import { extractText } from '../../src/scoring/index.ts';

const input = {
  candidate: 'Tomás Herrera',
  jobTitle: 'Store Manager / Lead (Berlin)',
  score: 81,
  reasons: [{ text: 'Ran a store', quote: 'Store manager, 2019 - 2024' }],
  missing: [],
  scorerVersion: 'default-1',
  scoredAt: new Date('2026-12-01T10:00:00Z'),
};

describe('the evidence PDF', () => {
  it('carries the candidate, the job and the decision', async () => {
    const decided = { ...input, decision: { verdict: 'approve', reviewerName: 'Dana Lee', at: new Date('2026-12-04T09:00:00Z') } };
    const text = await extractText(await renderEvidencePdf(decided), { filename: 'e.pdf' });
    if (!text.ok) throw new Error(text.message);
    expect(text.text).toContain('Tomás Herrera');
    expect(text.text).toContain('Store Manager / Lead (Berlin)');
    expect(text.text).toContain('Decision: Approved by Dana Lee, 2026-12-04');
    const open = await extractText(await renderEvidencePdf(input), { filename: 'e.pdf' });
    expect(open.ok && open.text).toContain('Decision: none yet');
  });

  it('is named after them, accents dropped and anything else a filename could trip on replaced', () => {
    expect(evidenceFilename(input)).toBe('SKIMA_Evidence_Tomas-Herrera_Store-Manager-Lead-Berlin_Undecided.pdf');
    const skipped = { ...input, candidate: 'Candidate 3', decision: { verdict: 'skip', reviewerName: 'D', at: new Date() } };
    expect(evidenceFilename(skipped)).toBe('SKIMA_Evidence_Candidate-3_Store-Manager-Lead-Berlin_Skipped.pdf');
    expect(evidenceFilename({ ...input, candidate: '"; rm -rf /', jobTitle: 'ü' })).toBe('SKIMA_Evidence_rm-rf_u_Undecided.pdf');
  });
});
