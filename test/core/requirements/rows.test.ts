// What the requirements form and the read-only lists say of each requirement (core/requirements/rows.ts,
// core/job-requirements.ts): how it counts, so a person can see why a resume was or was not held to it.
import { describe, expect, it } from 'vitest';
import { requirementRows } from '../../../src/core/requirements/rows.ts';
import { jobRequirements } from '../../../src/core/job-requirements.ts';
import { requirementNotes } from '../../../src/bot/chat-words.ts';

const JD = `Store Associate

Requirements
- Point of sale systems
- Attention to detail
- Able to lift 30 lb
`;

describe('how each requirement counts', () => {
  it('marks a personal quality as counted when shown, a condition as asked at interview, a skill as neither', () => {
    const rows = requirementRows(JD, []);
    const by = (label: string) => rows.find((r) => r.label === label)!;
    expect(by('Point of sale systems')).toMatchObject({ status: 'must', quality: false, condition: false });
    expect(by('Attention to detail')).toMatchObject({ status: 'must', quality: true, condition: false });
    expect(by('Able to lift 30 lb')).toMatchObject({ status: 'must', quality: false, condition: true });
    const view = jobRequirements(JD).find((r) => r.label === 'Attention to detail')!;
    expect(view.quality).toBe(true);
    expect(requirementNotes({ ...view, quality: true })).toBe('requirements section; counted when shown, else asked at interview');
  });

  it('a quality a person marks must-have is a plain must-have from then on', () => {
    const rows = requirementRows(JD, [{ op: 'set', label: 'Attention to detail', mustHave: true }]);
    expect(rows.find((r) => r.label === 'Attention to detail')).toMatchObject({ status: 'must', quality: false, edited: true });
  });
});
