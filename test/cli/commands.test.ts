// `skima setup`, `skima status`, `skima digest` and `skima rediscover` on a real database with an Ashby
// sandbox on loopback: in-process (each command's run()) for speed, and `skima setup` once as a real
// process, for the dispatcher and the exit code.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliCommand } from '../../src/cli/commands.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/index.ts';
import { indexCandidate } from '../../src/core/pool/pool-index.ts';
import { DbSyncStateStore } from '../../src/core/pipeline/sync-state-store.ts';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { freePort, runSkima } from '../helpers/cli.ts';

const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  setup: () => import('../../src/cli/setup.ts'),
  status: () => import('../../src/cli/status.ts'),
  digest: () => import('../../src/cli/digest.ts'),
  rediscover: () => import('../../src/cli/rediscover.ts'),
};

/** Runs a command's run() with this environment, capturing what it prints. */
async function skima([name = '', ...args]: string[], _cwd: string, env: Record<string, string>) {
  const out: string[] = [];
  const capture = (...parts: unknown[]) => void out.push(parts.join(' '));
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);
  for (const key of ['ASHBY_API_KEY', 'ASHBY_BASE_URL', 'ASHBY_WEBHOOK_SECRET', 'REDACTION_MODE']) vi.stubEnv(key, undefined);
  for (const [key, value] of Object.entries({ LOG_LEVEL: 'silent', ...env })) vi.stubEnv(key, value);
  try {
    const code = await (await COMMANDS[name]!()).run(args);
    return { code, out: `${out.join('\n')}\n` };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

describe('skima setup, status, digest and rediscover', () => {
  let cwd: string;
  let sandbox: RunningSandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    cwd = mkdtempSync(path.join(tmpdir(), 'skima-cli-'));
    const databaseUrl = `file:${path.join(cwd, 'skima.db')}`;
    await migrateDatabase(databaseUrl);
    const db = await createDb(databaseUrl);
    await db.job.create({ data: { id: 'job-sm', title: 'Store Manager', status: 'Open', descriptionText: 'Retail, POS.' } });
    await db.job.create({ data: { id: 'job-old', title: 'Cashier', status: 'Closed' } });
    await db.candidate.create({ data: { id: 'c-1', name: 'Robin Past' } });
    await db.application.create({
      data: { id: 'a-1', candidateId: 'c-1', jobId: 'job-old', status: 'Archived', screeningState: 'scored', ashbyUpdatedAt: new Date() },
    });
    const resume = 'Store manager, 2019 - 2024. POS, retail.';
    await db.resumeFile.create({ data: { candidateId: 'c-1', fileHandle: 'h', contentHash: 'x', extractedText: resume } });
    await indexCandidate(db, 'c-1', { hash: 'x', text: resume });
    await db.$disconnect();
    sandbox = await startSandbox({ port: 0, seed: 'small', timeScale: 0.001 });
    env = { DATABASE_URL: databaseUrl, ASHBY_API_KEY: sandbox.apiKey, ASHBY_BASE_URL: sandbox.url };
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('setup lists every check with a fix, exits 1 while one fails, and --fix repairs what it can', async () => {
    const first = await skima(['setup'], cwd, env);
    expect(first.code).toBe(1);
    expect(first.out).toContain('✔ Ashby API key');
    expect(first.out).toMatch(/✖ Custom field "SKIMA Match Score": Missing on Applications\.[^\n]*\n {4}fix: Run skima setup --fix/);
    expect(first.out).toMatch(/✖ Webhook secret/);
    expect(first.out).toMatch(/\d+ failing\.\n?$/);

    const withSecret = { ...env, ASHBY_WEBHOOK_SECRET: 'whsec_0123456789abcdef0123' };
    const fixed = await skima(['setup', '--fix', '--webhook-url', 'http://127.0.0.1:9'], cwd, withSecret);
    expect(fixed.out).toContain('✚ Custom field "SKIMA Match Score": Created');
    expect(fixed.out).toContain('✚ Ashby webhooks: Created webhooks');
    expect(fixed.code).toBe(0);

    const again = await skima(['setup', '--webhook-url', 'http://127.0.0.1:9/webhooks/ashby'], cwd, withSecret);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/[✖!✚] /);
  });

  it('setup without a key says it checks the throwaway sandbox, what a real key changes, and --fix fixes nothing there', async () => {
    const noKey = { DATABASE_URL: env.DATABASE_URL!, ASHBY_SANDBOX_SEED: 'small' };
    const plain = await skima(['setup'], cwd, noKey);
    expect(plain.out).toMatch(/^No ASHBY_API_KEY is set, so these checks run against Skima's built-in Ashby sandbox/);
    expect(plain.out).toContain('With a real key (ASHBY_API_KEY');
    expect(plain.out).not.toContain('--fix changes nothing');
    const fix = await skima(['setup', '--fix'], cwd, noKey);
    expect(fix.out).toContain('--fix changes nothing without a key: what it created would vanish with the sandbox.');
    expect(fix.out).not.toMatch(/✚ /); // nothing claimed as fixed
    expect(fix.code).toBe(plain.code);
  });

  it('is a command of the skima binary', { timeout: 60_000 }, async () => {
    const run = runSkima(['setup'], { cwd, env: { LOG_LEVEL: 'silent', ...env } });
    expect(await run.exited).toBe(1); // the webhook secret is not set
    expect(run.output()).toContain('✔ Ashby API key');
    expect(run.output()).toContain('✖ Webhook secret');
  });

  it('setup refuses a malformed --webhook-url with the usage', async () => {
    const bad = await skima(['setup', '--webhook-url', 'skima.example.com'], cwd, env);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('Usage: skima setup');
  });

  it('rediscover finds a past candidate by job title words, and explains bad filters', async () => {
    const found = await skima(['rediscover', 'store', 'manager', 'min:0'], cwd, env);
    expect(found.code).toBe(0);
    expect(found.out).toContain('Past candidates for Store Manager (job-sm): 1 of 1 considered');
    expect(found.out).toMatch(/1\. Robin Past: \d+\/100/);
    const redacted = await skima(['rediscover', 'job-sm', 'min:0', '--redact'], cwd, env);
    expect(redacted.out).toContain('1. Candidate 1:');
    expect(redacted.out).not.toContain('Robin');
    const bad = await skima(['rediscover', 'job-sm', 'min:200'], cwd, env);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('scores run from 0 to 100');
    const none = await skima(['rediscover', 'pilot'], cwd, env);
    expect(none.code).toBe(2);
    expect(none.out).toContain('No job known to Skima matches "pilot"');
    const noFile = await skima(['rediscover', 'job-sm', '--csv'], cwd, env);
    expect(noFile.code).toBe(2);
    expect(noFile.out).toContain('--csv needs a file name');
  });

  it('rediscover prints JSON and writes the same list as CSV and as a workbook that opens', async () => {
    const csv = path.join(cwd, 'past.csv');
    const xlsx = path.join(cwd, 'past.xlsx');
    const run = await skima(['rediscover', 'store', 'manager', '--json', 'min:0', '--csv', csv, '--xlsx', xlsx], cwd, env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({ job: { id: 'job-sm', title: 'Store Manager' }, considered: 1, filters: ['min:0'] });
    expect(json.candidates).toHaveLength(1);
    const [c] = json.candidates;
    expect(c).toMatchObject({ candidateId: 'c-1', candidateName: 'Robin Past', pastJobTitle: 'Cashier', pastStatus: 'Archived' });
    expect(c.score).toBeGreaterThanOrEqual(0);
    for (const reason of c.reasons) expect('Store manager, 2019 - 2024. POS, retail.').toContain(reason.quote);

    const lines = readFileSync(csv, 'utf-8').split('\r\n');
    expect(lines[0]).toBe('Rank,Candidate,Candidate id,Score,Band,Reasons,Missing,Past job,Past status,Past stage,Archive reason,Source,Last activity');
    expect(lines[1]).toMatch(new RegExp(`^1,Robin Past,c-1,${c.score},`));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('Candidates')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(2).value).toBe('Candidate');
    expect(sheet.getRow(2).getCell(2).value).toBe('Robin Past');
    expect(sheet.getRow(2).getCell(4).value).toBe(c.score);
    const about = book.getWorksheet('About')!;
    expect(about.getRow(1).getCell(2).value).toBe('Store Manager (job-sm)');
    expect(about.getRow(2).getCell(2).value).toBe('min:0');
    expect(about.getRow(5).getCell(2).value).toBeInstanceOf(Date);
  });

  it('status and digest print what they collect, with no personal data', async () => {
    const status = await skima(['status'], cwd, env);
    expect(status.code).toBe(0);
    expect(status.out).toContain('Applications: 1 screened, 0 pending, 0 could not be scored');
    expect(status.out).toContain('application: last never');
    expect(status.out).toContain('Rediscovery pool: 1 of 1 candidates have a readable resume indexed');
    const digest = await skima(['digest', '--from', '2026-01-01', '--to', '2027-01-01'], cwd, env);
    expect(digest.code).toBe(0);
    expect(digest.out).toContain('Skima digest, 2026-01-01 00:00 UTC to 2027-01-01 00:00 UTC');
    expect(digest.out).toContain('applications screened: 0');
    for (const out of [status.out, digest.out]) expect(out).not.toContain('Robin');
    const bad = await skima(['digest', '--from', '2026-01-01'], cwd, env);
    expect(bad.code).toBe(2);
  });

  it('status reports when each resource was last read in full', async () => {
    const db = await createDb(env.DATABASE_URL!);
    const store = new DbSyncStateStore(db);
    await store.save('application', 'after-a-full-pass', 'full');
    await store.save('job', 'after-a-full-pass', 'full');
    await store.save('job', 'after-a-delta', 'incremental'); // keeps the last full pass
    await db.$disconnect();
    const status = await skima(['status'], cwd, env);
    for (const resource of ['application', 'job']) {
      expect(status.out).toMatch(new RegExp(`${resource}: last \\d{4}-\\d\\d-\\d\\d[^,]*, last full \\d{4}-\\d\\d-\\d\\d`));
    }
    expect(status.out).toContain('candidate: last never, last full never');
  });

  it('status says in one line when the database is down or not migrated, with no Prisma error', async () => {
    const port = await freePort();
    const down = await skima(['status'], cwd, { ...env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/skima` });
    expect(down.code).toBe(1);
    expect(down.out.trim()).toBe(
      `skima status: database unreachable (PostgreSQL 127.0.0.1:${port}/skima): Can't reach database server at 127.0.0.1:${port}`,
    );
    const empty = await skima(['status'], cwd, { ...env, DATABASE_URL: `file:${path.join(cwd, 'empty.db')}` });
    expect(empty.code).toBe(1);
    expect(empty.out.trim()).toMatch(/^skima status: the database \(SQLite .*empty\.db\) lacks \d+ migration\(s\); run skima migrate$/);
  });

  it('keeps its logs off what it prints: sync as a real process logs to standard error', { timeout: 90_000 }, async () => {
    const run = runSkima(['sync'], { cwd, env: { ...env, LOG_LEVEL: 'debug', LOG_FORMAT: 'json' } });
    expect(await run.exited).toBe(0);
    expect(run.stdout()).not.toContain('"level"');
    expect(run.stdout()).toMatch(/\S/);
    expect(run.output()).toContain('"level":20'); // the debug lines went to standard error
  });
});
