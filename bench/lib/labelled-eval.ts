import { createScorer } from '../../src/scoring/scorer.ts';
import { buildBm25 } from './bm25.ts';
import { type Band, type LabelledCase, loadLabelledSet } from './labelled-set.ts';
import { RESUME_REWRITES } from './resume-layouts.ts';
import { mean, spearman } from './metrics.ts';
import { ratio, sameRequirement, type Tally } from './requirement-eval.ts';

export interface LabelledFigures {
  readonly cases: number;
  readonly resumes: number;
  readonly mustPrecision: number;
  readonly mustRecall: number;
  readonly nicePrecision: number;
  readonly niceRecall: number;
  /** Share of listed missing items that are real unmet must-haves. */
  readonly missingPrecision: number;
  readonly bandAccuracy: number;
  readonly strongScoredWeak: number;
  readonly weakScoredStrong: number;
  /** Mean per-job Spearman of score against the label (strong 2, partial 1, weak 0). */
  readonly rankCorrelation: number;
  readonly bm25RankCorrelation: number;
  /** Share of resumes rewritten in another layout or style (`resume-layouts.ts`) that keep their band and
   * missing list, within 2 points; and the largest move of a score. */
  readonly layoutInvariance: number;
  readonly layoutLargestShift: number;
  /** Cases whose figures miss, for reading (never for tuning the held-out split). */
  readonly misses: string[];
}

const BAND_VALUE: Record<Band, number> = { strong: 2, partial: 1, weak: 0 };

/** The label's band from a score: 80+ strong, 40-79 partial (worth a look or partial), under 40 weak. */
export function bandOf(score: number): Band {
  return score >= 80 ? 'strong' : score >= 40 ? 'partial' : 'weak';
}

export function evaluateLabelled(split: 'dev' | 'holdout'): LabelledFigures {
  const cases = loadLabelledSet(split);
  const scorer = createScorer({ asOf: new Date('2026-12-01T00:00:00Z') });
  const bm25 = buildBm25(cases.flatMap((c) => c.resumes.map((r) => r.text)));
  const must: Tally = { hit: 0, total: 0 };
  const mustFound: Tally = { hit: 0, total: 0 };
  const nice: Tally = { hit: 0, total: 0 };
  const niceFound: Tally = { hit: 0, total: 0 };
  const missing: Tally = { hit: 0, total: 0 };
  const bands: Tally = { hit: 0, total: 0 };
  const layouts: Tally = { hit: 0, total: 0 };
  let largestShift = 0;
  let strongWeak = 0;
  let weakStrong = 0;
  const rhos: number[] = [];
  const bmRhos: number[] = [];
  const misses: string[] = [];
  let offset = 0;

  for (const c of cases) {
    const reqs = scorer.parseJob(c.jd).requirements;
    const extract = (wantMust: boolean, labels: readonly string[], precision: Tally, recall: Tally) => {
      const extracted = reqs.filter((r) => r.mustHave === wantMust).map((r) => r.label);
      for (const label of extracted) {
        precision.total += 1;
        if (labels.some((l) => sameRequirement(label, l))) precision.hit += 1;
        else misses.push(`${c.id}: extra ${wantMust ? 'must' : 'nice'} "${label}"`);
      }
      labels.forEach((label) => {
        recall.total += 1;
        if (extracted.some((e) => sameRequirement(e, label))) recall.hit += 1;
        else misses.push(`${c.id}: ${wantMust ? 'must' : 'nice'} not found "${label}"`);
      });
    };
    extract(true, c.must, must, mustFound);
    extract(false, c.nice, nice, niceFound);

    const scores: number[] = [];
    c.resumes.forEach((r) => {
      const result = scorer.score(c.jd, r.text);
      scores.push(result.features.raw ?? result.score);
      for (const item of result.missing) {
        missing.total += 1;
        // Real when it names a must-have this resume lacks (one item may name several).
        if (c.must.some((label, i) => r.lacks.has(i) && sameRequirement(item, label))) missing.hit += 1;
        else misses.push(`${c.id} (${r.band}): listed missing "${item}"`);
      }
      const band = bandOf(result.score);
      bands.total += 1;
      if (band === r.band) bands.hit += 1;
      else misses.push(`${c.id}: ${r.band} resume scored ${result.score} (${band})`);
      if (r.band === 'strong' && band === 'weak') strongWeak += 1;
      if (r.band === 'weak' && band === 'strong') weakStrong += 1;
      for (const [name, rewrite] of Object.entries(RESUME_REWRITES)) {
        const text = rewrite(r.text);
        if (text === undefined) continue;
        const moved = scorer.score(c.jd, text);
        const shift = Math.abs(moved.score - result.score);
        largestShift = Math.max(largestShift, shift);
        layouts.total += 1;
        if (shift <= 2 && bandOf(moved.score) === band && moved.missing.join('|') === result.missing.join('|')) layouts.hit += 1;
        else misses.push(`${c.id} (${r.band}): ${result.score} -> ${moved.score} written as "${name}"`);
      }
    });
    const truth = c.resumes.map((r) => BAND_VALUE[r.band]);
    rhos.push(spearman(scores, truth));
    bmRhos.push(spearman(c.resumes.map((_, i) => bm25.score(c.jd, offset + i)), truth));
    offset += c.resumes.length;
  }
  return {
    cases: cases.length,
    resumes: offset,
    mustPrecision: ratio(must),
    mustRecall: ratio(mustFound),
    nicePrecision: ratio(nice),
    niceRecall: ratio(niceFound),
    missingPrecision: ratio(missing),
    bandAccuracy: ratio(bands),
    strongScoredWeak: strongWeak,
    weakScoredStrong: weakStrong,
    rankCorrelation: mean(rhos),
    bm25RankCorrelation: mean(bmRhos),
    layoutInvariance: ratio(layouts),
    layoutLargestShift: largestShift,
    misses,
  };
}

export function labelledCaseCount(split: 'dev' | 'holdout'): number {
  return loadLabelledSet(split).length;
}

export type { LabelledCase };
