/**
 * Quality benchmark of the default scorer against a BM25 baseline computed in the same run.
 *
 * RJDB dev (../shared/data/rjdb/rjdb-dev.jsonl, 500 job descriptions, each with a matched resume
 * and a weakened copy): pairwise accuracy (matched strictly above weakened: in the order Skima ranks by,
 * the unrounded score, and on the 0-100 whole number it shows, where a tie is a miss), NDCG@10 and MRR
 * when each job description ranks all 1,000 resumes (own matched = 2, own weakened = 1, others 0),
 * recall of the removed skills among `missing` for weakened resumes, and groundedness (share of
 * reason quotes found verbatim in the resume at their offsets).
 *
 * Vanetik & Kogan (../shared/data/vanetik/, real DOCX CVs): per CV, the 5 vacancies are ranked and
 * compared with each annotator by Spearman's rho; the annotators' agreement is the ceiling.
 *
 * Labelled job descriptions (bench/data/jd-quality/, written by hand; dev is tuned on, holdout is
 * not): requirement extraction precision and recall (must and nice), missing-list precision, band
 * accuracy and rank correlation against the labels, BM25's rank correlation beside it.
 *
 * SkillSpan (dev) and GREEN (test set): how the terms Skima takes as requirements match the skill
 * and knowledge spans people marked in real job ads.
 *
 * Run: npm run bench -- quality  (evaluation data is read from ../shared, never copied).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractText } from '../src/scoring/extract/extract-text.ts';
import { createScorer } from '../src/scoring/scorer.ts';
import { contentStems } from '../src/scoring/text/tokenize.ts';
import { buildBm25 } from './lib/bm25.ts';
import { sharedDataDir } from './lib/shared-data.ts';
import { evaluateLabelled, type LabelledFigures } from './lib/labelled-eval.ts';
import { RESUME_REWRITES } from './lib/resume-layouts.ts';
import { loadGreen, loadSkillSpan, measureTerms } from './lib/term-extraction.ts';
import { mean, ndcgAt, pairedBootstrapCi, reciprocalRank, spearman } from './lib/metrics.ts';

const SHARED = sharedDataDir(import.meta.dirname);

interface RjdbRow {
  'Job-Description': string;
  'Resume-matched': string;
  'Resume-unmatched': string;
  'Filtered-information': { Skills?: unknown };
}

function fmt(n: number, d = 3): string {
  return Number.isFinite(n) ? n.toFixed(d) : 'n/a';
}

function rjdb(): void {
  const path = resolve(SHARED, 'rjdb/rjdb-dev.jsonl');
  const rows = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RjdbRow);
  // "present" in resumes resolves to the data's own reference year (RJDB rows are dated 2023).
  const scorer = createScorer({ asOf: new Date('2023-12-31T00:00:00Z'), jobCacheSize: 1 });
  const resumes = rows.flatMap((r) => [r['Resume-matched'], r['Resume-unmatched']]);
  const parsed = resumes.map((r) => scorer.parseResume(r));
  const bm25 = buildBm25(resumes);

  const skimaPairs: number[] = [];
  const skimaPairsRaw: number[] = [];
  const bm25Pairs: number[] = [];
  let skimaPairInt = 0;
  let skimaPairRaw = 0;
  let skimaTies = 0;
  let bm25Pair = 0;
  const skimaNdcg: number[] = [];
  const bm25Ndcg: number[] = [];
  const skimaMrr: number[] = [];
  const bm25Mrr: number[] = [];
  let removedTotal = 0;
  let removedFlagged = 0;
  let removedFlaggedInMatched = 0;
  let stillNamed = 0;
  let flaggedAmongGone = 0;
  let quotes = 0;
  let grounded = 0;
  let reasonCounts: number[] = [];
  let longest = 0;
  const matchedScores: number[] = [];
  const weakenedScores: number[] = [];
  const t0 = performance.now();

  rows.forEach((row, q) => {
    const jd = row['Job-Description'];
    const job = scorer.parseJob(jd);
    const skimaScores = new Float64Array(parsed.length);
    for (let i = 0; i < parsed.length; i++) skimaScores[i] = scorer.rank(job, parsed[i]!);
    const bmScores = bm25.scoreAll(jd);
    const rel = new Map([
      [2 * q, 2],
      [2 * q + 1, 1],
    ]);
    skimaNdcg.push(ndcgAt(10, skimaScores, rel));
    bm25Ndcg.push(ndcgAt(10, bmScores, rel));
    skimaMrr.push(reciprocalRank(skimaScores, 2 * q));
    bm25Mrr.push(reciprocalRank(bmScores, 2 * q));
    if (bmScores[2 * q]! > bmScores[2 * q + 1]!) bm25Pair += 1;
    bm25Pairs.push(bmScores[2 * q]! > bmScores[2 * q + 1]! ? 1 : 0);

    const m = scorer.score(jd, row['Resume-matched']);
    const w = scorer.score(jd, row['Resume-unmatched']);
    matchedScores.push(m.score);
    weakenedScores.push(w.score);
    if (m.score > w.score) skimaPairInt += 1;
    else if (m.score === w.score) skimaTies += 1;
    skimaPairs.push(m.score > w.score ? 1 : 0);
    skimaPairsRaw.push((m.features.raw ?? 0) > (w.features.raw ?? 0) ? 1 : 0);
    if ((m.features.raw ?? 0) > (w.features.raw ?? 0)) skimaPairRaw += 1;

    for (const [result, text] of [
      [m, row['Resume-matched']],
      [w, row['Resume-unmatched']],
    ] as const) {
      reasonCounts.push(result.reasons.length);
      for (const r of result.reasons) {
        quotes += 1;
        longest = Math.max(longest, r.text.length);
        if (text.slice(r.start, r.end) === r.quote && r.quote.length > 0) grounded += 1;
      }
    }

    const removed = removedSkills(row['Filtered-information'].Skills);
    const weakenedLines = row['Resume-unmatched'].split('\n').map((l) => new Set(contentStems(l)));
    for (const skill of removed) {
      removedTotal += 1;
      // The weakened copy often still names the "removed" skill (in a role title, say): flagging
      // it as missing would then be false. This share bounds what an honest scorer can recall.
      const stems = [...new Set(contentStems(skill))];
      const named =
        stems.length > 0 && weakenedLines.some((l) => stems.filter((x) => l.has(x)).length / stems.length >= 0.6);
      const isFlagged = flagged(skill, w.missing);
      if (named) stillNamed += 1;
      else if (isFlagged) flaggedAmongGone += 1;
      if (isFlagged) removedFlagged += 1;
      if (flagged(skill, m.missing)) removedFlaggedInMatched += 1;
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  reasonCounts = reasonCounts.sort((a, b) => a - b);

  const n = rows.length;
  console.log(`RJDB dev: ${n} job descriptions x ${parsed.length} resumes (${fmt(seconds, 1)} s)`);
  console.log('metric                         skima    bm25');
  // Shortlists and rediscovery order equal whole numbers by the unrounded score: that is the ranking.
  console.log(`pairwise accuracy (as ranked)  ${fmt(skimaPairRaw / n)}    ${fmt(bm25Pair / n)}`);
  console.log(`pairwise (0-100 number shown)  ${fmt(skimaPairInt / n)}    ${fmt(bm25Pair / n)}  (${skimaTies} ties)`);
  console.log(`NDCG@10 (rank all resumes)     ${fmt(mean(skimaNdcg))}    ${fmt(mean(bm25Ndcg))}`);
  console.log(`MRR of the matched resume      ${fmt(mean(skimaMrr))}    ${fmt(mean(bm25Mrr))}`);
  const pairCi = pairedBootstrapCi(skimaPairs, bm25Pairs);
  const pairRawCi = pairedBootstrapCi(skimaPairsRaw, bm25Pairs);
  const ndcgCi = pairedBootstrapCi(skimaNdcg, bm25Ndcg);
  const mrrCi = pairedBootstrapCi(skimaMrr, bm25Mrr);
  console.log(
    `  skima - bm25, 95% paired bootstrap CI: pairwise as ranked [${fmt(pairRawCi[0])}, ${fmt(pairRawCi[1])}], number shown [${fmt(pairCi[0])}, ${fmt(pairCi[1])}], NDCG@10 [${fmt(ndcgCi[0])}, ${fmt(ndcgCi[1])}], MRR [${fmt(mrrCi[0])}, ${fmt(mrrCi[1])}]`,
  );
  console.log(
    `missing-skill recall (weakened) ${fmt(removedFlagged / removedTotal)}    n/a  (${removedTotal} removed skills)`,
  );
  console.log(
    `  same skills flagged missing in the matched resume (false alarms): ${fmt(removedFlaggedInMatched / removedTotal)}`,
  );
  console.log(
    `  removed skills still named on one line of the weakened resume (not truly missing): ${fmt(stillNamed / removedTotal)}`,
  );
  console.log(
    `  recall among removed skills the weakened resume no longer names: ${fmt(flaggedAmongGone / (removedTotal - stillNamed))}`,
  );
  console.log(`groundedness (quotes verbatim) ${fmt(grounded / quotes)}    n/a  (${quotes} quotes)`);
  console.log(
    `reasons per result: min ${reasonCounts[0]} median ${reasonCounts[Math.floor(reasonCounts.length / 2)]} max ${reasonCounts[reasonCounts.length - 1]}; longest reason ${longest} chars`,
  );
  console.log(
    `median score: matched ${median(matchedScores)}, weakened ${median(weakenedScores)} (bands: 80+ strong, 60-79 worth a look, 40-59 partial, <40 weak)`,
  );
}

/** `Skills` is a list of names, and in two rows an object keyed by the names. */
function removedSkills(value: unknown): string[] {
  const names = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.keys(value) : [];
  return names.filter((s): s is string => typeof s === 'string' && s.trim().length > 0);
}

/** A removed skill counts as flagged when a `missing` item holds at least half of its words. */
function flagged(skill: string, missing: readonly string[]): boolean {
  const stems = [...new Set(contentStems(skill))];
  if (stems.length === 0) return false;
  return missing.some((item) => {
    const have = new Set(contentStems(item));
    return stems.filter((s) => have.has(s)).length / stems.length >= 0.5;
  });
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function vanetik(): Promise<void> {
  const dir = resolve(SHARED, 'vanetik');
  if (!existsSync(dir)) {
    console.log('Vanetik: data not found, skipped');
    return;
  }
  const vacancies = parseCsv(readFileSync(resolve(dir, '5_vacancies.csv'), 'utf8')).map(
    (r) => `${r.job_title}\n${r.job_description}`,
  );
  const annotations = readFileSync(resolve(dir, 'annotations-for-the-first-30-vacancies.txt'), 'utf8');
  const scorer = createScorer({ asOf: new Date('2023-06-30T00:00:00Z') });
  const ours: number[][] = [];
  const bm: number[][] = [];
  let unreadable = 0;
  for (let cv = 1; cv <= 30; cv++) {
    const res = await extractText(readFileSync(resolve(dir, `CV/${cv}.docx`)), { filename: `${cv}.docx` });
    if (!res.ok) {
      unreadable += 1;
      ours.push([]);
      bm.push([]);
      continue;
    }
    ours.push(vacancies.map((v) => scorer.score(v, res.text).features.raw ?? 0));
    // BM25 in the reverse direction: the CV is the query, the 5 vacancies the corpus.
    bm.push([...buildBm25(vacancies).scoreAll(res.text)]);
  }
  console.log('');
  console.log(`Vanetik & Kogan: 30 DOCX CVs x 5 vacancies (${unreadable} unreadable); mean Spearman per CV`);
  console.log('reading  vs annotator       skima    bm25    annotator agreement');
  for (const reading of ['a', 'b'] as const) {
    const a1 = parseRankings(annotations, 'ANNOTATOR_1_RANKINGS', reading);
    const a2 = parseRankings(annotations, 'ANNOTATOR_2_RANKINGS', reading);
    const agree: number[] = [];
    for (let i = 0; i < 30; i++) if (a1[i] && a2[i]) agree.push(spearman(a1[i]!, a2[i]!));
    for (const [label, ann] of [
      ['1', a1],
      ['2', a2],
    ] as const) {
      const rs: number[] = [];
      const rb: number[] = [];
      ann.forEach((pref, i) => {
        if (!pref || !ours[i]?.length) return;
        rs.push(spearman(ours[i]!, pref));
        rb.push(spearman(bm[i]!, pref));
      });
      console.log(
        `(${reading})      annotator ${label} (${rs.length} CVs)  ${fmt(mean(rs))}   ${fmt(mean(rb))}   ${fmt(mean(agree))}`,
      );
    }
  }
  console.log('(human agreement is the ceiling: this ground truth is weak; a sanity check only)');
}

/**
 * The annotation file says vacancies are "ranked from the best (place 1 in the annotation array)
 * to the worst", which reads two ways: (a) the array lists vacancy numbers from best to worst, or
 * (b) entry i is the place given to vacancy i+1. Both readings are reported. Arrays that are not
 * permutations of 1-5 are skipped. Returns, per CV, a preference per vacancy (higher = better).
 */
function parseRankings(text: string, name: string, reading: 'a' | 'b'): Array<number[] | undefined> {
  const start = text.indexOf(name);
  const open = text.indexOf('[', start);
  let depth = 0;
  let end = open;
  for (; end < text.length; end++) {
    if (text[end] === '[') depth += 1;
    if (text[end] === ']') depth -= 1;
    if (depth === 0) break;
  }
  const arrays = JSON.parse(text.slice(open, end + 1).replace(/#[^\n]*/g, '')) as number[][];
  return arrays.map((arr) => {
    if (new Set(arr).size !== 5 || arr.some((v) => v < 1 || v > 5)) return undefined;
    if (reading === 'b') return arr.map((place) => 6 - place);
    const pref = new Array<number>(5).fill(0);
    arr.forEach((vacancy, place) => {
      pref[vacancy - 1] = 5 - place;
    });
    return pref;
  });
}

function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      field = '';
      if (row.some((f) => f)) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** The labelled set, dev and held out, as a markdown table (docs/benchmarks.md). */
function labelled(): void {
  const dev = evaluateLabelled('dev');
  const holdout = evaluateLabelled('holdout');
  const row = (name: string, pick: (f: LabelledFigures) => number, target: string, digits = 3) =>
    console.log(`| ${name} | ${fmt(pick(dev), digits)} | ${fmt(pick(holdout), digits)} | ${target} |`);
  console.log('');
  console.log(`Labelled job descriptions: dev ${dev.cases} descriptions / ${dev.resumes} resumes, held out ${holdout.cases} / ${holdout.resumes}`);
  console.log('');
  console.log('| figure | dev | held out (not tuned on) | target |');
  console.log('| --- | --- | --- | --- |');
  row('must-have extraction precision', (f) => f.mustPrecision, '>= 0.95');
  row('must-have extraction recall', (f) => f.mustRecall, '>= 0.90');
  row('nice-to-have extraction precision', (f) => f.nicePrecision, '');
  row('nice-to-have extraction recall', (f) => f.niceRecall, '');
  row('missing-list precision', (f) => f.missingPrecision, '>= 0.95');
  row('band accuracy (strong / partial / weak)', (f) => f.bandAccuracy, '>= 0.85');
  row('"strong" resumes scored weak', (f) => f.strongScoredWeak, '0', 0);
  row('"weak" resumes scored strong', (f) => f.weakScoredStrong, '0', 0);
  row('rank correlation per job (Spearman), skima', (f) => f.rankCorrelation, '');
  row('rank correlation per job (Spearman), BM25', (f) => f.bm25RankCorrelation, '');
  row(`same band and missing list in ${Object.keys(RESUME_REWRITES).length} other layouts and styles`, (f) => f.layoutInvariance, '1.000');
  row('largest score move across layouts and styles (points)', (f) => f.layoutLargestShift, '', 0);
  if (process.env.QUALITY_MISSES === 'dev') for (const m of dev.misses) console.log(`  dev: ${m}`);
}

/** Requirement terms against the spans of SkillSpan and GREEN. */
function terms(): void {
  const scorer = createScorer({ asOf: new Date('2023-12-31T00:00:00Z') });
  const skillspan = resolve(SHARED, 'skillspan/dev.json');
  const green = resolve(SHARED, 'green/testset.txt');
  console.log('');
  console.log('| data (spans people marked) | texts | recall of the marked spans | precision of Skima\'s terms |');
  console.log('| --- | --- | --- | --- |');
  if (existsSync(skillspan)) {
    const texts = loadSkillSpan(skillspan);
    const knowledge = measureTerms(scorer, texts, ['Knowledge']);
    const skill = measureTerms(scorer, texts, ['Skill']);
    console.log(`| SkillSpan dev, knowledge (tools, technologies) | ${knowledge.texts} | ${fmt(knowledge.recall)} (${knowledge.spans}) | ${fmt(knowledge.precision)} (${knowledge.terms}) |`);
    console.log(`| SkillSpan dev, skills | ${skill.texts} | ${fmt(skill.recall)} (${skill.spans}) | ${fmt(skill.precision)} (${skill.terms}) |`);
  }
  if (existsSync(green)) {
    const g = measureTerms(scorer, loadGreen(green), ['Skill', 'Qualification']);
    console.log(`| GREEN test, skills and qualifications (blocks of 20 sentences) | ${g.texts} | ${fmt(g.recall)} (${g.spans}) | ${fmt(g.precision)} (${g.terms}) |`);
  }
}

labelled();
terms();
rjdb();
await vanetik();
