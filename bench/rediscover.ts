/**
 * Rediscovery over a whole talent pool (default 100,000 past candidates; BENCH_POOL=N for a first look),
 * on SQLite and on PostgreSQL: the time to build the pool's full-text index, its size, and the latency
 * of a rediscovery (median and p95 over the ten jobs, several rounds; target p95 < 300 ms), each with
 * the default scorer on this thread. The baseline, in the same run: the method rediscovery had before
 * the index (score the 500 most recently active past candidates).
 *
 * Run: npm run bench -- rediscover
 */
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { JOB_TEMPLATES } from '../src/ashby-sandbox/catalog-jobs.ts';
import { indexPoolPage } from '../src/core/pool/pool-backfill.ts';
import { analyzePool } from '../src/core/pool/common-words.ts';
import { poolSize } from '../src/core/pool/pool-index.ts';
import { REDISCOVER_PRESELECT, rediscover } from '../src/core/rediscovery/rediscover.ts';
import type { Db } from '../src/db/client.ts';
import { rawSql } from '../src/db/raw-sql.ts';
import { createScorer } from '../src/scoring/index.ts';
import { DB_KINDS } from '../test/helpers/databases.ts';
import { fmt, median, migratedDb, percentile } from './_support.ts';
import { writePool } from './lib/pool-fixture.ts';
import { rediscoverNewest } from './lib/rediscover-newest.ts';

const POOL = Number(process.env.BENCH_POOL ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE_ROUNDS = 1;

const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

async function indexSize(db: Db): Promise<string> {
  const sql = rawSql(db);
  if (sql.provider === 'sqlite') {
    const [fts] = await sql.rows<{ bytes: number | null }>(
      `SELECT SUM("pgsize") AS "bytes" FROM "dbstat" WHERE "name" LIKE 'PoolDocumentFts%'`,
    );
    const [doc] = await sql.rows<{ bytes: number | null }>(`SELECT SUM("pgsize") AS "bytes" FROM "dbstat" WHERE "name" = 'PoolDocument'`);
    return `FTS5 index ${mb(Number(fts?.bytes ?? 0))} (the indexed text, in PoolDocument, ${mb(Number(doc?.bytes ?? 0))})`;
  }
  const [row] = await sql.rows<{ gin: string; vectors: string; text: string }>(
    `SELECT pg_relation_size('"PoolDocument_search_idx"')::text AS "gin",
       (SELECT SUM(pg_column_size("search")) FROM "PoolDocument")::text AS "vectors",
       (SELECT SUM(pg_column_size("body")) FROM "PoolDocument")::text AS "text"`,
  );
  return `GIN index ${mb(Number(row?.gin))} + tsvector column ${mb(Number(row?.vectors))} (the indexed text ${mb(Number(row?.text))})`;
}

// BENCH_DB=sqlite or postgresql runs one database (two processes use both cores).
const KINDS = DB_KINDS.filter((k) => !process.env.BENCH_DB || process.env.BENCH_DB === k);
const lines: string[] = [];
const load = () => readFileSync('/proc/loadavg', 'utf-8').split(' ').slice(0, 3).join(' ');
for (const kind of KINDS) {
  const { db, close } = await migratedDb(kind);
  try {
    const t0 = performance.now();
    await writePool(db, POOL, (n) => {
      if (n % 20_000 === 0) process.stdout.write(`  ${kind}: ${fmt(n)} past candidates written\n`);
    });
    console.log(`${kind}: ${fmt(POOL)} past candidates written in ${fmt((performance.now() - t0) / 1000, 1)} s`);

    // The index as the pool's catch-up pass builds it, page by page (resumes parsed for titles and skills).
    const t1 = performance.now();
    let after: string | undefined = '';
    while (after !== undefined) after = (await indexPoolPage(db, after, 500)).next;
    // As the pass's last page does (runPoolIndex): PostgreSQL's statistics for the filled pool.
    await analyzePool(db);
    const buildS = (performance.now() - t1) / 1000;
    const indexed = await poolSize(db);
    const size = await indexSize(db);
    console.log(`${kind}: index of ${fmt(indexed)} built in ${fmt(buildS, 1)} s; ${size}`);

    console.log(`${kind}: load average before the rediscoveries ${load()}`);
    const ctx = { db, scorer: createScorer({ asOf: new Date('2026-12-01T00:00:00Z') }) };
    const jobs = JOB_TEMPLATES.map((_, i) => `open-${i}`);
    // Warm: statements prepared, the job parsed. Another job's, so the rounds below start cold.
    await rediscover({ db, scorer: createScorer({ asOf: new Date('2026-12-01T00:00:00Z') }) }, jobs[0]!, {}, { redact: false });
    // Wall time and this process's CPU time (the machine is shared: the wall time waits for other work).
    const times: number[] = [];
    const cpu: number[] = [];
    const coldTimes: number[] = [];
    const coldCpu: number[] = [];
    let considered = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const job of jobs) {
        const s = performance.now();
        const c = cpuUsage();
        const result = await rediscover(ctx, job, { minScore: 0 }, { redact: false });
        const used = cpuUsage(c);
        const wall = performance.now() - s;
        const cpuMs = (used.user + used.system) / 1000;
        times.push(wall);
        cpu.push(cpuMs);
        // The first round parses every pre-selected resume; later ones find most in the scorer's cache.
        if (r === 0) {
          coldTimes.push(wall);
          coldCpu.push(cpuMs);
        }
        considered = result.considered;
      }
    }
    // The same rounds pre-selecting fewer for the scorer (scoring is most of a rediscovery's CPU).
    const fewer = Number(process.env.BENCH_FEWER ?? REDISCOVER_PRESELECT / 2);
    const fewerTimes: number[] = [];
    const fewerCpu: number[] = [];
    const fewerCtx = { db, scorer: createScorer({ asOf: new Date('2026-12-01T00:00:00Z') }) };
    for (let r = 0; r < ROUNDS; r++) {
      for (const job of jobs) {
        const s = performance.now();
        const c = cpuUsage();
        await rediscover(fewerCtx, job, { minScore: 0 }, { redact: false, preselect: fewer });
        const used = cpuUsage(c);
        fewerTimes.push(performance.now() - s);
        fewerCpu.push((used.user + used.system) / 1000);
      }
    }
    const baseline: number[] = [];
    let baselineConsidered = 0;
    for (let r = 0; r < BASELINE_ROUNDS; r++) {
      for (const job of jobs) {
        const s = performance.now();
        baselineConsidered = (await rediscoverNewest(ctx, job)).considered;
        baseline.push(performance.now() - s);
      }
    }
    const line = `${kind}: rediscovery over the whole pool (considered ${fmt(considered)}, ${REDISCOVER_PRESELECT} scored): `
      + `median ${fmt(median(times))} ms, p95 ${fmt(percentile(times, 95))} ms wall, median ${fmt(median(cpu))} ms, `
      + `p95 ${fmt(percentile(cpu, 95))} ms CPU (${times.length} runs; target p95 < 300 ms); first round (resumes not yet `
      + `parsed): median ${fmt(median(coldTimes))} ms, p95 ${fmt(percentile(coldTimes, 95))} ms wall, median `
      + `${fmt(median(coldCpu))} ms, p95 ${fmt(percentile(coldCpu, 95))} ms CPU (${coldTimes.length} runs) | pre-selecting ${fewer}: `
      + `median ${fmt(median(fewerTimes))} ms, p95 ${fmt(percentile(fewerTimes, 95))} ms wall, median ${fmt(median(fewerCpu))} ms, `
      + `p95 ${fmt(percentile(fewerCpu, 95))} ms CPU (${fewerTimes.length} runs) | 500-newest baseline `
      + `(considered ${fmt(baselineConsidered)}): median ${fmt(median(baseline))} ms, p95 ${fmt(percentile(baseline, 95))} ms `
      + `(${baseline.length} runs) | index: built in ${fmt(buildS, 1)} s, ${size}`;
    console.log(line);
    lines.push(`${line} | load average after ${load()}`);
  } finally {
    await close();
  }
}
console.log(`\nSummary, pool of ${fmt(POOL)} past candidates:\n${lines.join('\n')}`);
