#!/usr/bin/env node
// `npm test`: checks that the PostgreSQL schema is derived from the SQLite one, runs the whole vitest
// suite (SQLite and PostgreSQL), and ends with one plain line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

function run(cmd, args) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return res.status ?? 1;
}

if (run('npx', ['tsx', 'tools/sync-schemas.ts', '--check']) !== 0) process.exit(1);

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let summary = 'tests: 0 passed, 1 failed (no report was written)';
try {
  const r = JSON.parse(readFileSync(report, 'utf-8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  // Say how many PostgreSQL tests ran: they must execute on every run, never skip.
  const pgTests = r.testResults
    .flatMap((file) => file.assertionResults)
    .filter((t) => /postgres/i.test(t.fullName));
  const pgPassed = pgTests.filter((t) => t.status === 'passed').length;
  const pgOther = pgTests.length - pgPassed;
  console.log(`PostgreSQL tests executed: ${pgTests.length} (${pgPassed} passed, ${pgOther} not passed)`);
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
  if (r.numTotalTests === 0) summary = 'tests: 0 passed, 1 failed (no test ran)';
} catch {}
console.log(summary);
process.exit(status === 0 && !summary.includes('0 passed, 1 failed') ? 0 : 1);
