// `skima add-candidate` in-process against the sandbox: files read, the confirmation, the count, and a
// file it cannot read reported with nothing created for it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DispositionEnv, dispositionEnv } from '../core/disposition/sandbox-env.ts';
import { runInProcess } from '../helpers/cli-in-process.ts';
import { writesFor } from '../helpers/skima.ts';

let env: DispositionEnv;
const dir = mkdtempSync(path.join(tmpdir(), 'skima-add-'));

function writePdf(name: string, lines: string[]): Promise<string> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (const line of lines) doc.text(line);
  doc.end();
  const file = path.join(dir, name);
  return new Promise((resolve) => doc.on('end', () => {
    writeFileSync(file, Buffer.concat(chunks));
    resolve(file);
  }));
}

function skima(...args: string[]) {
  const vars = {
    DATABASE_URL: env.core.database.url,
    ASHBY_API_KEY: env.sandbox.apiKey,
    ASHBY_BASE_URL: env.sandbox.url,
    LOG_LEVEL: 'silent',
    SCORING_THREADS: '0',
  };
  return runInProcess(() => import('../../src/cli/add-candidate.ts'), args, vars);
}

describe('skima add-candidate', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = await dispositionEnv('sqlite', { worker: false });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds every readable resume after one confirmation and reports the one it cannot read', async () => {
    const files = [
      await writePdf('Ines_Moreau.pdf', ['Ines Moreau', 'ines.moreau@example.org', 'Backend engineer, 2018 - 2024']),
      await writePdf('Jon_Bell.pdf', ['Jon Bell', 'jon.bell@example.org', 'Go developer, 2020 - 2024']),
      path.join(dir, 'broken.pdf'),
    ];
    writeFileSync(files[2]!, '%PDF-1.4 garbage');
    const unconfirmed = await skima('--job', env.jobA, '--as', env.recruiter.id, ...files);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.out).toContain('Ines_Moreau.pdf: new candidate Ines Moreau');
    expect(unconfirmed.out).toContain('broken.pdf: Skima could not read broken.pdf (corrupt');
    expect(unconfirmed.out).toContain('2 new)? Confirm with --yes; nothing was created.');
    expect(writesFor(env.sandbox, 'candidate.create', () => true)).toEqual([]);

    const done = await skima('--job', env.jobA, '--as', 'renee.alvarez@northwind.example', '--yes', ...files);
    expect(done.out).toContain('2 new candidates, 0 existing; 1 could not be added.');
    // A bulk import shows a progress bar (on stderr) while reading and while adding.
    expect(done.out).toContain('reading [------------------------] 0/3');
    expect(done.out).toContain('read [########################] 3/3');
    expect(done.out).toContain('adding [------------------------] 0/2');
    expect(done.out).toContain('added [########################] 2/2');
    expect(done.code).toBe(1);
    expect(writesFor(env.sandbox, 'candidate.create', () => true)).toHaveLength(2);
    expect(writesFor(env.sandbox, 'application.create', () => true)).toHaveLength(2);

    // The same files again: found, nothing new.
    const again = await skima('--job', env.jobA, '--as', env.recruiter.id, '--yes', files[0]!, files[1]!);
    expect(again.out).toContain('Ines_Moreau.pdf: already in Ashby as Ines Moreau');
    expect(again.out).toContain('0 new candidates, 2 existing; 0 could not be added.');
    expect(again.code).toBe(0);
    expect(writesFor(env.sandbox, 'candidate.create', () => true)).toHaveLength(2);
    expect(writesFor(env.sandbox, 'application.create', () => true)).toHaveLength(2);
  });

  it('needs --job, --as and a file', async () => {
    const r = await skima('--job', 'j');
    expect(r.code).toBe(2);
    expect(r.out).toContain('add-candidate needs --job, --as and at least one file');
  });
});
