// A resume's score and missing list do not depend on its layout or style: the hand-labelled dev
// resumes, with each role written the ways templates, PDF exports and LinkedIn write it, and the text
// double-spaced, bulleted otherwise, or wrapped as a narrow PDF column wraps it. Scorer 2.5 read
// "Senior Designer" over "Studio | 2019 - present" as a role titled "Studio", a lone line of dates
// took the previous role's last bullet for its title, and "(2019 -" / "present)" or "high-volume" /
// "hiring" cut by a line break were not read: 66 of these 1,252 rewrites changed a score (by up to 25
// points) or the missing list.
import { describe, expect, it } from 'vitest';
import { loadLabelledSet } from '../../bench/lib/labelled-set.ts';
import { RESUME_REWRITES, wrapLines } from '../../bench/lib/resume-layouts.ts';
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

describe('a job description reads the same wrapped at a fixed width', () => {
  // A plain-text posting or an email wraps its lines: "…with Selenium or" / "Playwright", and
  // "… a clothing allowance. Pebble &" / "Pine is an equal opportunity employer." (which made a
  // requirement "Pebble &").
  it.each([80, 60])('at %i characters: the same requirements, and every resume within 2 points', (width) => {
    for (const c of cases) {
      const wrapped = wrapLines(c.jd, width);
      const read = (jd: string) => scorer.parseJob(jd).requirements.map((r) => `${r.mustHave ? 'must' : 'nice'}: ${r.label}`);
      expect({ id: c.id, requirements: read(wrapped) }).toEqual({ id: c.id, requirements: read(c.jd) });
      for (const r of c.resumes) {
        const as = scorer.score(c.jd, r.text);
        const moved = scorer.score(wrapped, r.text);
        expect({ id: c.id, missing: moved.missing }).toEqual({ id: c.id, missing: as.missing });
        expect(Math.abs(moved.score - as.score), c.id).toBeLessThanOrEqual(2);
      }
    }
  });
});
