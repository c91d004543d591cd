/**
 * Rediscovery's quality on RJDB dev (../shared/data/rjdb/rjdb-dev.jsonl, 500 job descriptions, each
 * with a matched resume and a weakened copy), end to end: the data becomes a `jsonl:` sandbox seed
 * (each description a job; every matched and weakened resume a past candidate, archived from another
 * job), `skima sync --full` reads it all through the pipeline (resumes served as PDFs and extracted),
 * and each job is then rediscovered (`limit:10 min:0`). The figure: the share of jobs whose matched
 * resume is in their top 10 (target >= 95%), beside the share whose matched resume the index
 * pre-selects for scoring, and the share with the weakened copy in the top 10.
 *
 * Run: npm run bench -- rediscover-quality  (the data is read from ../shared, never copied; BENCH_JOBS=N
 * rediscovers for the first N jobs only).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findJobs } from '../src/core/rediscovery/job-lookup.ts';
import { candidateClause, pastApplicationClause, searchJob, searchPool } from '../src/core/pool/pool-query.ts';
import { poolSize } from '../src/core/pool/pool-index.ts';
import { jobSearchTerms } from '../src/core/pool/pool-text.ts';
import { REDISCOVER_PRESELECT, rediscover } from '../src/core/rediscovery/rediscover.ts';
import { createDb } from '../src/db/client.ts';
import { createScorer } from '../src/scoring/index.ts';

// RJDB_DEV=path for a checkout that is not beside ../shared (a worktree).
const DATA = process.env.RJDB_DEV ?? path.resolve(import.meta.dirname, '../../shared/data/rjdb/rjdb-dev.jsonl');
const ROOT = path.resolve(import.meta.dirname, '..');

interface RjdbRow {
  'Job-Description': string;
  'Resume-matched': string;
  'Resume-unmatched': string;
}

function title(description: string, i: number): string {
  const m = /##\s*Job title\s*\n+\s*([^\n]+)/i.exec(description);
  return (m?.[1] ?? `RJDB job ${i}`).trim().slice(0, 200);
}

const rows = readFileSync(DATA, 'utf-8').trim().split('\n').map((l) => JSON.parse(l) as RjdbRow);
// BENCH_JOBS=N rediscovers for the first N jobs only (the pool stays every resume): a quicker look.
const jobs = Math.min(rows.length, Number(process.env.BENCH_JOBS ?? rows.length));
// BENCH_PRESELECT=N pre-selects N for the scorer instead of rediscovery's own number.
const PRESELECT = Number(process.env.BENCH_PRESELECT ?? REDISCOVER_PRESELECT);
const dir = mkdtempSync(path.join(tmpdir(), 'skima-rjdb-'));
try {
  const seed = path.join(dir, 'rjdb-seed.jsonl');
  const jobId = (i: number) => `rjdb-job-${i}`;
  const lines = [
    ...rows.map((r, i) => ({ type: 'job', id: jobId(i), title: title(r['Job-Description'], i), description: r['Job-Description'] })),
    // Each resume applied to the next job and was archived there: a past candidate of its own job.
    ...rows.flatMap((r, i) => [
      { type: 'candidate', id: `rjdb-matched-${i}`, name: `Matched ${i}`, resume: r['Resume-matched'], appliedTo: jobId((i + 1) % rows.length), status: 'Archived' },
      { type: 'candidate', id: `rjdb-weakened-${i}`, name: `Weakened ${i}`, resume: r['Resume-unmatched'], appliedTo: jobId((i + 1) % rows.length), status: 'Archived' },
    ]),
  ];
  writeFileSync(seed, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  const databaseUrl = `file:${path.join(dir, 'skima.db')}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ASHBY_API_KEY: '',
    ASHBY_SANDBOX_SEED: `jsonl:${seed}`,
    LOG_LEVEL: 'warn',
    SKIMA_FROM_SOURCE: '1',
  };
  const skima = (args: string[]) => spawnSync('node', ['bin/skima.js', ...args], { cwd: ROOT, env, encoding: 'utf-8', maxBuffer: 64 << 20 });

  const t0 = performance.now();
  const sync = skima(['sync', '--full']);
  console.log(sync.stdout.trim().split('\n').filter((l) => !l.includes('\r')).join('\n'));
  if (sync.status !== 0) throw new Error(`skima sync failed (${sync.status}): ${sync.stderr}`);
  console.log(`skima sync --full: ${((performance.now() - t0) / 1000).toFixed(1)} s for ${rows.length} jobs, ${rows.length * 2} past candidates`);

  const db = await createDb(databaseUrl);
  const ctx = { db, scorer: createScorer() };
  let inTop10 = 0;
  let weakenedInTop10 = 0;
  let preselected = 0;
  let focusedPreselected = 0;
  let focusedSufficed = 0;
  const ranks: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < jobs; i++) {
    const s = performance.now();
    const result = await rediscover(ctx, jobId(i), { minScore: 0, limit: 10 }, { redact: true, preselect: PRESELECT });
    times.push(performance.now() - s);
    const ids = result.candidates.map((c) => c.candidateId);
    const rank = ids.indexOf(`rjdb-matched-${i}`);
    if (rank >= 0) {
      inTop10++;
      ranks.push(rank + 1);
    }
    if (ids.includes(`rjdb-weakened-${i}`)) weakenedInTop10++;
    const where = candidateClause(jobId(i), pastApplicationClause(jobId(i), {}, null), {}, null);
    const search = jobSearchTerms(rows[i]!['Job-Description']);
    const pool = { size: await poolSize(db) };
    const picked = await searchJob(db, search, where, PRESELECT, pool);
    if (picked.includes(`rjdb-matched-${i}`)) preselected++;
    // The focused words alone (no fall-back to all of them), as a large pool searches.
    const focused = await searchPool(db, search.focused, where, PRESELECT, pool);
    if (focused.includes(`rjdb-matched-${i}`)) focusedPreselected++;
    if (focused.length >= PRESELECT) focusedSufficed++;
  }
  // The command line a recruiter runs, on the same synced database, for a title that names one job.
  let words = '';
  for (let i = 0; i < rows.length && !words; i++) {
    const t = title(rows[i]!['Job-Description'], i);
    if ((await findJobs(db, t, 2)).length === 1) words = t;
  }
  await db.$disconnect();
  times.sort((a, b) => a - b);
  const share = (n: number) => `${((100 * n) / jobs).toFixed(1)}%`;
  console.log(`RJDB dev, ${jobs} of ${rows.length} jobs rediscovered, pool of ${rows.length * 2}:`);
  console.log(`  matched resume in the rediscovery top 10: ${inTop10}/${jobs} = ${share(inTop10)} (target >= 95%)`);
  console.log(`  matched resume at rank 1: ${ranks.filter((r) => r === 1).length}; median rank when in the top 10: ${ranks.sort((a, b) => a - b)[Math.floor(ranks.length / 2)]}`);
  console.log(`  matched resume among the ${PRESELECT} the index pre-selects for scoring: ${share(preselected)}`);
  console.log(`  the same by the job's focused words alone (title and must-have skills, no fall-back): ${share(focusedPreselected)}; `
    + `they found ${PRESELECT} or more for ${share(focusedSufficed)} of jobs (else rediscovery searches by all the job's words)`);
  console.log(`  weakened copy in the top 10: ${share(weakenedInTop10)}`);
  console.log(`  latency per rediscovery (pool of ${rows.length * 2}): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms`);

  const cli = skima(['rediscover', words, '--json', 'limit:10']);
  console.log(`\n$ skima rediscover "${words}" --json limit:10   (exit ${cli.status})\n${cli.stdout}${cli.stderr}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
