// A resume's score and missing list do not depend on its layout or style: the hand-labelled dev
// resumes, with each role written the ways templates, PDF exports and LinkedIn write it, and the text
// double-spaced, bulleted otherwise, or wrapped as a narrow PDF column wraps it. Scorer 2.5 read
// "Senior Designer" over "Studio | 2019 - present" as a role titled "Studio", a lone line of dates
// took the previous role's last bullet for its title, and "(2019 -" / "present)" or "high-volume" /
// "hiring" cut by a line break were not read: 66 of these 1,252 rewrites changed a score (by up to 25
// points) or the missing list.
import { describe, expect, it } from 'vitest';
import { loadLabelledSet } from '../../bench/lib/labelled-set.ts';
import { RESUME_REWRITES } from '../../bench/lib/resume-layouts.ts';
import { createScorer } from '../../src/scoring/scorer.ts';
import { scoreBand } from '../../src/scoring/types.ts';

const scorer = createScorer({ asOf: new Date('2026-12-01T00:00:00Z') });
const cases = loadLabelledSet('dev');

describe('a resume scores the same in every layout and style', () => {
  it.each(Object.entries(RESUME_REWRITES))('%s', (_name, rewrite) => {
    let compared = 0;
    for (const c of cases) {
      for (const [i, r] of c.resumes.entries()) {
        const text = rewrite(r.text);
        if (text === undefined) continue;
        compared += 1;
        const as = scorer.score(c.jd, r.text);
        const moved = scorer.score(c.jd, text);
        const seen = { id: `${c.id}:${i}`, score: moved.score, band: scoreBand(moved.score), missing: moved.missing };
        expect(seen).toEqual({ ...seen, band: scoreBand(as.score), missing: as.missing });
        expect(Math.abs(moved.score - as.score), seen.id).toBeLessThanOrEqual(2);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(80);
  });
});
