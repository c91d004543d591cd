import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { runScore } from '../../src/cli/score.ts';
import { buildDocx, buildPdf } from './helpers/fixtures.ts';

const JD =
  '## Job title\nRetail Shift Lead\n\n## Required Skills\n- POS\n- Cash handling\n\n## Required Experience\n- 2 years in retail sales\n';
const RESUME =
  'Sam Lee\nsam@example.com\n\nShift Lead, Corner Market (2021 - 2024)\n- POS and cash handling for a team of 6.\nRetail sales associate (2019 - 2021)\n';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} } };
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skima-score-'));
  writeFileSync(join(dir, 'jd.md'), JD);
  writeFileSync(join(dir, 'cv.docx'), buildDocx(RESUME.split('\n')));
  writeFileSync(join(dir, 'scan.pdf'), buildPdf([[]]));
  return dir;
}

describe('skima score', () => {
  it('has a one-line summary and prints usage on --help and on bad arguments', async () => {
    expect(COMMANDS.score!.summary).not.toContain('\n');
    const help = io();
    expect(await runScore(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('skima score --batch FILE.jsonl');
    const bad = io();
    expect(await runScore(['--jd', 'x.md'], bad.io)).toBe(2);
    expect(await runScore(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain('Usage:');
  });

  it('scores files and prints JSON with --json', async () => {
    const dir = workdir();
    const t = io();
    expect(await runScore(['--jd', join(dir, 'jd.md'), '--resume', join(dir, 'cv.docx'), '--json'], t.io)).toBe(0);
    const result = JSON.parse(t.out[0] ?? '{}');
    expect(result.score).toBeGreaterThanOrEqual(80);
    expect(result.reasons.length).toBeGreaterThanOrEqual(3);
    expect(result.scorer).toMatch(/^skima-lexical\//);
  });

  it('prints a readable result by default and fails with a reason on an unreadable resume', async () => {
    const dir = workdir();
    const ok = io();
    expect(await runScore(['--jd', join(dir, 'jd.md'), '--resume', join(dir, 'cv.docx')], ok.io)).toBe(0);
    expect(ok.out[0]).toMatch(/^Score: \d+ \(strong\)/);
    const bad = io();
    expect(await runScore(['--jd', join(dir, 'jd.md'), '--resume', join(dir, 'scan.pdf')], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('image_only');
  });

  it('runs a JSONL batch: texts and files, errors per line, the batch goes on', async () => {
    const dir = workdir();
    const batch = join(dir, 'batch.jsonl');
    writeFileSync(
      batch,
      [
        JSON.stringify({ id: 'a', jd: JD, resume: RESUME }),
        JSON.stringify({ id: 'b', jdFile: 'jd.md', resumeFile: 'cv.docx' }),
        JSON.stringify({ id: 'c', jdFile: 'jd.md', resumeFile: 'scan.pdf' }),
        '{not json',
        JSON.stringify({ id: 'd', jd: JD }),
        JSON.stringify({ id: 'e', jd: JD, resume: RESUME }),
      ].join('\n'),
    );
    const t = io();
    expect(await runScore(['--batch', batch], t.io)).toBe(0);
    const lines = t.out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', null, 'd', 'e']);
    expect(Object.keys(lines[0]).sort()).toEqual(['id', 'missing', 'reasons', 'score', 'scorer']);
    expect(Object.keys(lines[0].reasons[0]).sort()).toEqual(['end', 'quote', 'start', 'text']);
    expect(lines[0].score).toBe(lines[4 + 1].score);
    expect(lines[2].error).toContain('image_only');
    expect(lines[3].error).toContain('not JSON');
    expect(lines[4].error).toBeTruthy();
  });
});
