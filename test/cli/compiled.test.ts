// Production runs compiled JavaScript: bin/skima.js loads dist/ (built by `npm ci`, or by this first
// run when src/ changed since), never the TypeScript sources; SKIMA_FROM_SOURCE=1 (the tests) runs
// the sources through tsx.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIMA_BIN } from '../helpers/cli.ts';

const LOG_MODULES = path.resolve('test/fixtures/log-modules.mjs');

function modulesLoadedBy(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['--import', LOG_MODULES, SKIMA_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf-8',
  });
  const modules = [...res.stderr.matchAll(/^module file:\/\/(\S+)$/gm)].map((m) => path.relative(process.cwd(), m[1]!));
  return { status: res.status, stdout: res.stdout, modules };
}

describe('bin/skima.js', () => {
  it('runs the compiled dist/, and only what the command needs', { timeout: 180_000 }, () => {
    const help = modulesLoadedBy(['worker', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: skima worker');
    expect(help.modules).toContain('dist/cli.js');
    expect(help.modules).toContain('dist/cli/worker.js');
    expect(help.modules.filter((m) => m.endsWith('.ts'))).toEqual([]);
    // Another command's module is never loaded, nor is `skima --help` made to load any.
    expect(help.modules).not.toContain('dist/cli/start.js');
    const top = modulesLoadedBy(['--help']);
    expect(top.modules.filter((m) => m.startsWith('dist/cli/') && m !== 'dist/cli/commands.js')).toEqual([]);
  });

  it('runs the TypeScript sources with SKIMA_FROM_SOURCE=1', { timeout: 60_000 }, () => {
    const run = modulesLoadedBy(['--version'], { SKIMA_FROM_SOURCE: '1' });
    expect(run.status).toBe(0);
    expect(run.modules).toContain('src/cli.ts');
    expect(run.modules.filter((m) => m.startsWith('dist/'))).toEqual([]);
  });
});
