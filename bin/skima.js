#!/usr/bin/env node
// Runs the TypeScript sources through tsx in a checkout, or the compiled dist/ in a package without src/.
import { existsSync } from 'node:fs';

const src = new URL('../src/cli.ts', import.meta.url);
if (existsSync(src)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(src.href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
