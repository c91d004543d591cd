// Degrees as resumes write them, and words that only look like one: "MS Office" is no master's,
// "Boston, MA" no master of arts.
import { describe, expect, it } from 'vitest';
import { createScorer } from '../../src/scoring/scorer.ts';

const scorer = createScorer({ asOf: new Date('2026-12-01T00:00:00Z') });
const job = (degree: string) => `Analyst\n\nRequirements\n- ${degree}\n- Excel`;
const resume = (education: string) =>
  `Experience\nAnalyst, Acme (2022 - present)\n- Built Excel models\n\nEducation\n${education}`;
const meets = (degree: string, education: string) => scorer.score(job(degree), resume(education)).missing.length === 0;

describe('degrees', () => {
  it.each([
    ['B.S. Computer Science', 'bachelor'],
    ['BS in Mathematics', 'bachelor'],
    ['BA Economics', 'bachelor'],
    ['BE, Mechanical Engineering', 'bachelor'],
    ['B.Tech in Information Technology', 'bachelor'],
    ['B.E. Computer Engineering', 'bachelor'],
    ['BSc (Hons) Computer Science', 'bachelor'],
    ['MS in Statistics', 'master'],
    ['MS Computer Science', 'master'],
    ['MSN (Nursing)', 'master'],
    ['M.Eng. Civil Engineering', 'master'],
    ['PhD in Chemistry', 'doctorate'],
    ['Proficient in MS Office and MS Excel', 'none'],
    ['Boston, MA 02110', 'none'],
    ['Led LLM evaluation and the MFA rollout', 'none'],
    ['High school diploma', 'none'],
  ])('"%s" is a %s degree', (education, level) => {
    expect({
      bachelor: meets('Bachelor\'s degree', education),
      master: meets('Master\'s degree', education),
    }).toEqual({
      bachelor: level !== 'none',
      master: level === 'master' || level === 'doctorate',
    });
  });
});
