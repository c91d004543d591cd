import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8')) as { version: string };

/** Skima's version, from package.json (src/ and dist/ are both one level below it). */
export const VERSION: string = pkg.version;
