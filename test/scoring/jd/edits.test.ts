// People's corrections to the requirements Skima read (jd/edits.ts): one case per edit rule, then what
// they do to a score.
import { describe, expect, it } from 'vitest';
import { applyRequirementEdits, parseJobDescription, type RequirementEdit } from '../../../src/scoring/jd/index.ts';
import { createScorer } from '../../../src/scoring/scorer.ts';
import { bundledSkillDictionary } from '../../../src/scoring/skills/dictionary.ts';
import { scoreBand } from '../../../src/scoring/types.ts';

const JD = `Backend Engineer

About us
We sell furniture online.

Requirements
- 3+ years of experience building backend services
- TypeScript or Node.js
- PostgreSQL
- Experience with Docker

Nice to have
- GraphQL
`;
const dictionary = bundledSkillDictionary();
const parsed = parseJobDescription(JD, dictionary);

interface Shown {
  label: string;
  mustHave: boolean;
  essential: boolean;
  rule: string;
  edited: boolean;
}
const shown = (edits: RequirementEdit[]): Shown[] =>
  applyRequirementEdits(parsed, edits, dictionary).job.requirements.map((r) => ({
    label: r.label,
    mustHave: r.mustHave,
    essential: r.essential === true,
    rule: r.rule,
    edited: r.edited === true,
  }));
const find = (edits: RequirementEdit[], label: string) => shown(edits).find((r) => r.label === label);

describe('requirement edits', () => {
  it('reads the description the edits apply to', () => {
    expect(shown([]).map((r) => [r.label, r.mustHave])).toEqual([
      ['3+ years of experience building backend services', true],
      ['TypeScript or Node.js', true],
      ['PostgreSQL', true],
      ['Docker', true],
      ['GraphQL', false],
    ]);
  });

  const cases: { rule: string; edits: RequirementEdit[]; label: string; expected: Partial<Shown> | undefined }[] = [
    { rule: 'mark a must-have nice-to-have', edits: [{ op: 'set', label: 'PostgreSQL', mustHave: false }], label: 'PostgreSQL',
      expected: { mustHave: false, essential: false, rule: 'requirements section', edited: true } },
    { rule: 'mark a nice-to-have must-have', edits: [{ op: 'set', label: 'GraphQL', mustHave: true }], label: 'GraphQL',
      expected: { mustHave: true, essential: false, rule: 'nice-to-have section', edited: true } },
    { rule: 'weight one as essential (makes it a must-have)', edits: [{ op: 'set', label: 'GraphQL', essential: true }],
      label: 'GraphQL', expected: { mustHave: true, essential: true, edited: true } },
    { rule: 'a nice-to-have is never essential', edits: [{ op: 'set', label: 'Docker', essential: true }, { op: 'set', label: 'Docker', mustHave: false }],
      label: 'Docker', expected: { mustHave: false, essential: false } },
    { rule: 'labels match whatever the case and spaces', edits: [{ op: 'set', label: '  postgresql ', mustHave: false }],
      label: 'PostgreSQL', expected: { mustHave: false } },
    { rule: 'remove', edits: [{ op: 'remove', label: 'Docker' }], label: 'Docker', expected: undefined },
    { rule: 'add a skill', edits: [{ op: 'add', label: 'Kubernetes', mustHave: true }], label: 'Kubernetes',
      expected: { mustHave: true, essential: false, rule: 'edited', edited: true } },
    { rule: 'add a nice-to-have', edits: [{ op: 'add', label: 'Terraform', mustHave: false }], label: 'Terraform',
      expected: { mustHave: false, rule: 'edited' } },
    { rule: 'add an essential', edits: [{ op: 'add', label: 'AWS certification', mustHave: false, essential: true }],
      label: 'AWS certification', expected: { mustHave: true, essential: true } },
    { rule: 'the last edit of a requirement wins', edits: [{ op: 'set', label: 'PostgreSQL', mustHave: false }, { op: 'set', label: 'PostgreSQL', mustHave: true }],
      label: 'PostgreSQL', expected: { mustHave: true } },
  ];
  it.each(cases)('$rule', ({ edits, label, expected }) => {
    const found = find(edits, label);
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(expected);
  });

  it('reads an added requirement as a parsed one: "5+ years of Go" is years of Go', () => {
    const added = applyRequirementEdits(parsed, [{ op: 'add', label: '5+ years of Go', mustHave: true }], dictionary).job.requirements.at(-1)!;
    const asWritten = parseJobDescription('Backend Engineer\n\nRequirements\n- 5+ years of Go\n', dictionary).requirements[0]!;
    expect(added).toMatchObject({ kind: 'experience', years: 5, label: '5+ years of Go', rule: 'edited' });
    expect(added.groups).toEqual(asWritten.groups);
  });

  it('matches an added requirement by its terms when given ("Cloud" met by AWS or GCP)', () => {
    const added = applyRequirementEdits(parsed, [{ op: 'add', label: 'Cloud', mustHave: true, terms: ['AWS', 'GCP'] }], dictionary).job.requirements.at(-1)!;
    expect(added.label).toBe('Cloud');
    expect(added.groups).toHaveLength(1);
    expect(added.groups[0]!.map((t) => t.label)).toEqual(['AWS', 'GCP']);
  });

  it('says which edits no longer match the description', () => {
    const { unmatched } = applyRequirementEdits(parsed, [
      { op: 'remove', label: 'Java' },
      { op: 'set', label: 'PostgreSQL', mustHave: false },
      { op: 'set', label: 'Cobol', essential: true },
    ], dictionary);
    expect(unmatched.map((e) => e.label)).toEqual(['Java', 'Cobol']);
  });
});

describe('scoring with edits', () => {
  const scorer = createScorer({ asOf: new Date('2025-01-01') });
  const WITH_ALL = `Jane Doe
Backend Engineer, Acme, 2018 - 2024
- Built backend services in TypeScript and Node.js on AWS
- Ran PostgreSQL databases and Docker deployments
`;
  const NO_POSTGRES = `John Roe
Backend Engineer, Beta, 2017 - 2024
- Built backend services in TypeScript and Node.js
- Ran Docker deployments and Kubernetes clusters
`;

  it('a removed must-have never appears as missing and raises the score of a resume without it', () => {
    const before = scorer.score(JD, NO_POSTGRES);
    const after = scorer.score(JD, NO_POSTGRES, { requirements: [{ op: 'remove', label: 'PostgreSQL' }] });
    expect(before.missing).toEqual(['PostgreSQL']);
    expect(after.missing).toEqual([]);
    expect(after.score).toBeGreaterThan(before.score);
    expect(scoreBand(after.score)).toBe('strong');
  });

  it('an added must-have lowers the score of a resume without it, and is listed missing by its label', () => {
    const edits: RequirementEdit[] = [{ op: 'add', label: 'Kubernetes', mustHave: true }];
    const before = scorer.score(JD, WITH_ALL);
    const after = scorer.score(JD, WITH_ALL, { requirements: edits });
    expect(after.missing).toEqual(['Kubernetes']);
    expect(after.score).toBeLessThan(before.score);
    // A resume that shows it is not missing it.
    expect(scorer.score(JD, NO_POSTGRES, { requirements: edits }).missing).not.toContain('Kubernetes');
  });

  it('an essential must-have keeps a resume missing it out of "worth a look", like a licence', () => {
    const plain = scorer.score(JD, NO_POSTGRES);
    const essential = scorer.score(JD, NO_POSTGRES, { requirements: [{ op: 'set', label: 'PostgreSQL', essential: true }] });
    expect(scoreBand(plain.score)).toBe('worth a look');
    expect(essential.score).toBeLessThan(60);
    expect(essential.missing).toEqual(['PostgreSQL']);
  });

  it('a personal quality a person marks must-have counts against a resume that does not show it', () => {
    const jd = JD.replace('- Experience with Docker\n', '- Experience with Docker\n- Attention to detail\n');
    expect(scorer.score(jd, WITH_ALL).missing).toEqual([]);
    const marked = scorer.score(jd, WITH_ALL, { requirements: [{ op: 'set', label: 'Attention to detail', mustHave: true }] });
    expect(marked.missing).toEqual(['Attention to detail']);
  });

  it('gives the same result for the same edits, and the description alone without them', () => {
    const edits: RequirementEdit[] = [{ op: 'set', label: 'PostgreSQL', mustHave: false }];
    expect(scorer.score(JD, NO_POSTGRES, { requirements: edits })).toEqual(createScorer({ asOf: new Date('2025-01-01') }).score(JD, NO_POSTGRES, { requirements: edits }));
    expect(scorer.score(JD, NO_POSTGRES, { requirements: [] })).toEqual(scorer.score(JD, NO_POSTGRES));
  });
});
