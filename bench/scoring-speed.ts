/**
 * Speed of the scoring module, with baselines measured in the same run (the machine is noisy:
 * compare the ratios, not the absolute numbers).
 *
 * - scoring throughput on text: full `score()` (redaction, parsing, features, reasons) of one job
 *   description against many resumes, single thread; baseline: BM25 of the same pairs.
 * - the same with a different job description for every pair (the job cache never hits, so every
 *   pair parses its description too): target >= 1,000 resumes/s on one core.
 * - median extraction time of a two-page PDF; baseline: the same text as a plain-text file.
 * - median extraction time of a real DOCX CV (Vanetik data, if present).
 *
 * Run: npx tsx bench/scoring-speed.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { extractText } from '../src/scoring/extract/extract-text.ts';
import { createScorer } from '../src/scoring/scorer.ts';
import { twoPageResumePdf } from '../test/scoring/helpers/fixtures.ts';
import { buildBm25 } from './lib/bm25.ts';
import { sharedDataDir } from './lib/shared-data.ts';
import { median } from './lib/metrics.ts';

const SHARED = sharedDataDir(import.meta.dirname);

function loadPairs(): { jds: string[]; resumes: string[] } {
  const path = resolve(SHARED, 'rjdb/rjdb-dev.jsonl');
  if (existsSync(path)) {
    const rows = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    return {
      jds: rows.map((r) => r['Job-Description'] ?? ''),
      resumes: rows.flatMap((r) => [r['Resume-matched'] ?? '', r['Resume-unmatched'] ?? '']),
    };
  }
  // Without the evaluation data: a synthetic resume, varied so nothing is cached by accident.
  const resumes = Array.from(
    { length: 200 },
    (_, i) =>
      `## Experience\nShift Lead, Store ${i} (2019 - 2024)\n- POS, cash handling, inventory for a team of ${i % 9}.\n## Skills\n- Customer service\n- Merchandising`,
  );
  return {
    jds: ['## Required Skills\n- POS\n- Cash handling\n## Required Experience\n- 2 years as a shift lead'],
    resumes,
  };
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const { jds, resumes } = loadPairs();
  const scorer = createScorer({ asOf: new Date('2023-12-31T00:00:00Z') });
  const rounds = 5;
  const skimaRates: number[] = [];
  const bm25Rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const jd = jds[round % jds.length] ?? '';
    const skimaMs = time(() => {
      for (const r of resumes) scorer.score(jd, r);
    });
    // Baseline: BM25 of the same job description against each resume (one-document index each,
    // so each pair tokenises its resume, as score() does).
    const bm25Ms = time(() => {
      for (const r of resumes) buildBm25([r]).score(jd, 0);
    });
    skimaRates.push((resumes.length / skimaMs) * 1000);
    bm25Rates.push((resumes.length / bm25Ms) * 1000);
  }
  // A different job description for every pair: each resume is scored against a job description
  // not seen before in the round (the scorer's job cache cannot help).
  const pairRates: number[] = [];
  const pairCpuRates: number[] = [];
  const pairBm25Rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const fresh = createScorer({ asOf: new Date('2023-12-31T00:00:00Z') });
    const jdFor = (i: number) => `${jds[(i + round) % jds.length] ?? ''}\n\nRef ${round}-${i}`;
    const cpu = process.cpuUsage();
    const pairMs = time(() => {
      resumes.forEach((r, i) => fresh.score(jdFor(i), r));
    });
    const used = process.cpuUsage(cpu);
    // CPU time of this thread's work: on a shared, loaded machine wall time also counts waiting for a core.
    pairCpuRates.push(resumes.length / ((used.user + used.system) / 1e6));
    const bmMs = time(() => {
      resumes.forEach((r, i) => buildBm25([r]).score(jdFor(i), 0));
    });
    pairRates.push((resumes.length / pairMs) * 1000);
    pairBm25Rates.push((resumes.length / bmMs) * 1000);
  }
  const skima = median(skimaRates);
  const bm25 = median(bm25Rates);
  console.log(`scoring throughput on text (${resumes.length} resumes x ${rounds} job descriptions, one core):`);
  console.log(`  skima score()  ${skima.toFixed(0)} resumes/s (median)   target >= 200`);
  console.log(
    `  bm25 baseline  ${bm25.toFixed(0)} resumes/s (median)   skima/bm25 time ratio ${(bm25 / skima).toFixed(2)}`,
  );

  const pairs = median(pairRates);
  console.log(`scoring throughput, a different job description for every pair (${resumes.length} pairs x ${rounds} rounds, one core):`);
  console.log(`  skima score()  ${pairs.toFixed(0)} resumes/s (median, wall clock)   target >= 1000`);
  console.log(`  skima score()  ${median(pairCpuRates).toFixed(0)} resumes/s of CPU time (median; the load average was ${loadavg()[0]?.toFixed(1)})`);
  console.log(
    `  bm25 baseline  ${median(pairBm25Rates).toFixed(0)} resumes/s (median)   skima/bm25 time ratio ${(median(pairBm25Rates) / pairs).toFixed(2)}`,
  );

  const pdf = twoPageResumePdf();
  const first = await extractText(pdf);
  if (!first.ok) throw new Error(`the benchmark PDF is unreadable: ${first.reason}`);
  const textBytes = new TextEncoder().encode(first.text);
  const pdfMs: number[] = [];
  const txtMs: number[] = [];
  for (let i = 0; i < 40; i++) {
    pdfMs.push(await timeAsync(() => extractText(pdf)));
    txtMs.push(await timeAsync(() => extractText(textBytes, { filename: 'cv.txt' })));
  }
  console.log(`extraction of a two-page PDF (${pdf.length} bytes, ${first.text.length} chars, 40 runs after warm-up):`);
  console.log(`  pdf  median ${median(pdfMs).toFixed(2)} ms   target < 50 ms`);
  console.log(
    `  same text as .txt (baseline) median ${median(txtMs).toFixed(3)} ms   pdf/txt ratio ${(median(pdfMs) / median(txtMs)).toFixed(0)}`,
  );

  const docxPath = resolve(SHARED, 'vanetik/CV/1.docx');
  if (existsSync(docxPath)) {
    const docx = readFileSync(docxPath);
    const docxMs: number[] = [];
    for (let i = 0; i < 40; i++) docxMs.push(await timeAsync(() => extractText(docx, { filename: '1.docx' })));
    console.log(`  real DOCX CV (${docx.length} bytes) median ${median(docxMs).toFixed(2)} ms`);
  }
}

await main();
