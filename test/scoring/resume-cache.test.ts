// The default scorer keeps parsed resumes for reuse: scoring with the cache gives exactly what scoring
// without it gives, for every job and resume, in any order, and the cache stays within its size.
import { describe, expect, it } from 'vitest';
import { JOB_TEMPLATES } from '../../src/ashby-sandbox/catalog-jobs.ts';
import { buildResume } from '../../src/ashby-sandbox/resume-model.ts';
import { createScorer } from '../../src/scoring/index.ts';
import { jobDescription, resumeText } from '../../bench/lib/pool-fixture.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const resumes = Array.from({ length: 30 }, (_, i) => resumeText(buildResume({
  seed: 3, index: i, name: `Person ${i}`, email: `p${i}@example.com`, phone: '(303) 555-0100',
  appliedTemplate: JOB_TEMPLATES[i % JOB_TEMPLATES.length]!, now: NOW,
})));

describe('the parsed-resume cache', () => {
  it('scores exactly as an uncached scorer does, job after job, with a cache smaller than the resumes', () => {
    const cached = createScorer({ asOf: new Date(NOW), resumeCacheSize: 10 });
    const fresh = createScorer({ asOf: new Date(NOW), resumeCacheSize: 0 });
    for (let j = 0; j < 3; j++) {
      const jd = jobDescription(j);
      for (const order of [resumes, [...resumes].reverse()]) {
        for (const resume of order) {
          expect(cached.score(jd, resume, { keepParsed: true })).toEqual(fresh.score(jd, resume, { keepParsed: true }));
        }
      }
    }
    // The same object for the same text while it is cached; a fresh parse once it fell out.
    const a = cached.parseResume(resumes[0]!);
    expect(cached.parseResume(resumes[0]!)).toBe(a);
    for (const r of resumes.slice(1, 12)) cached.parseResume(r);
    expect(cached.parseResume(resumes[0]!)).not.toBe(a);
    expect(fresh.parseResume(resumes[0]!)).not.toBe(fresh.parseResume(resumes[0]!));
    expect(cached.keptResumes).toBe(10);
    expect(fresh.keptResumes).toBe(0);
  });

  it('keeps a scored resume only when asked to: screening scores each once, rediscovery again and again', () => {
    const scorer = createScorer({ asOf: new Date(NOW), resumeCacheSize: 10 });
    const jd = jobDescription(0);
    for (const resume of resumes.slice(0, 5)) scorer.score(jd, resume);
    scorer.score(jd, resumes[0]!, { requirements: [] });
    expect(scorer.keptResumes).toBe(0);
    const kept = resumes.slice(5, 8).map((resume) => scorer.score(jd, resume, { keepParsed: true }));
    expect(scorer.keptResumes).toBe(3);
    // A kept one is read from the cache by any later score, asked to keep or not, with the same result.
    expect(resumes.slice(5, 8).map((resume) => scorer.score(jd, resume))).toEqual(kept);
    expect(scorer.keptResumes).toBe(3);
  });
});
