#!/usr/bin/env node
// Runs Skima's compiled JavaScript in dist/. `npm ci` builds it (postinstall); in a checkout whose
// src/ changed since, or that has no dist/ yet, the first run builds it again. SKIMA_FROM_SOURCE=1 runs
// the TypeScript sources through tsx instead (the tests do): compiling in every process costs
// hundreds of MB per process and seconds per start (pdf.js alone is 3.3 MB of JavaScript).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = `${root}src`;
const entry = `${root}dist/cli.js`;
const stamp = `${root}dist/.built`;

/** The newest modification time under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = `${dir}/${e.name}`;
    latest = Math.max(latest, e.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!existsSync(src)) return false; // an installed package: dist/ is all there is
  return !existsSync(stamp) || newest(src) > statSync(stamp).mtimeMs;
}

/** Compiles src/ into dist/ (the `build:dist` script); the stamp marks when it last succeeded. */
function build() {
  const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  const res = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: ['ignore', 2, 2] });
  if (res.status !== 0) return false;
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}

if (process.env.SKIMA_FROM_SOURCE === '1' && existsSync(src)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${src}/cli.ts`);
} else if (process.argv[2] === '--build') {
  process.exitCode = build() ? 0 : 1;
} else {
  if (stale()) {
    process.stderr.write('skima: compiling src/ into dist/ (once after a change)...\n');
    if (!build() && !existsSync(entry)) process.exit(1);
  }
  await import(entry);
}
