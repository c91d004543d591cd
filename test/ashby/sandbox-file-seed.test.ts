// ASHBY_SANDBOX_SEED=jsonl:PATH: a sandbox company read from a file of jobs and candidates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/ashby/sandbox/seed-spec.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby/sandbox/server.ts';
import { envSchema } from '../../src/config/schema.ts';
import { extractText } from '../../src/scoring/index.ts';
import { collect, sandboxClient } from './sandbox-helpers.ts';

const RESUME = [
  'Jordan Example',
  'Warehouse Lead, Acme Logistics, 2018 - 2024',
  '- Ran a team of 12 on forklifts and a WMS; "safety first" – OSHA 30.',
].join('\n');

const LINES = [
  { type: 'job', id: 'job-wh', title: 'Warehouse Supervisor', description: 'Lead the night shift.\n\nMust have: WMS, forklift.' },
  { type: 'job', id: 'job-cs', title: 'Cashier', description: 'Serve customers.' },
  { type: 'candidate', id: 'cand-a', name: 'Jordan Example', email: 'jordan@example.com', resume: RESUME, appliedTo: 'job-cs', status: 'Archived' },
  { type: 'candidate', id: 'cand-b', name: 'Riley Hired', resume: 'Cashier, 2020 - 2024', appliedTo: 'job-cs', status: 'Hired' },
  { type: 'candidate', id: 'cand-c', name: 'Sam Active', resume: 'Picker, 2023 - 2024', appliedTo: 'job-wh', status: 'Active' },
  { type: 'candidate', id: 'cand-d', name: 'No Resume', resume: '', appliedTo: 'job-wh', status: 'Archived' },
];

let dir: string;
let sandbox: RunningSandbox | undefined;
const file = (name: string, lines: unknown[]) => {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skima-seed-'));
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a jsonl seed', () => {
  it('is a seed name for the sandbox and for ASHBY_SANDBOX_SEED', () => {
    expect(parseSeed('jsonl:/data/pool.jsonl')).toEqual({ name: 'jsonl', path: '/data/pool.jsonl' });
    expect(envSchema.parse({ ASHBY_SANDBOX_SEED: 'jsonl:./pool.jsonl' }).ASHBY_SANDBOX_SEED).toBe('jsonl:./pool.jsonl');
    expect(() => envSchema.parse({ ASHBY_SANDBOX_SEED: 'jsonl:' })).toThrow(/jsonl:PATH/);
  });

  it('serves the file\'s jobs, candidates, applications and resumes under the file\'s ids', async () => {
    sandbox = await startSandbox({ seed: `jsonl:${file('pool.jsonl', LINES)}` });
    expect(sandbox.control.summary()).toMatchObject({ jobs: 2, candidates: 4, applications: 4 });
    const client = sandboxClient(sandbox);
    const jobs = await collect(client.job.list());
    expect(jobs.map((j) => [j.id, j.title])).toEqual([
      ['job-wh', 'Warehouse Supervisor'],
      ['job-cs', 'Cashier'],
    ]);
    const posting = await client.jobPosting.info(jobs[0]!.jobPostingIds![0]!);
    expect(posting.descriptionPlain).toBe('Lead the night shift.\n\nMust have: WMS, forklift.');

    const apps = await collect(client.application.list());
    const byCandidate = new Map(apps.map((a) => [a.candidate.id, a]));
    expect([...byCandidate.keys()].sort()).toEqual(['cand-a', 'cand-b', 'cand-c', 'cand-d']);
    expect(byCandidate.get('cand-a')).toMatchObject({ status: 'Archived', job: { id: 'job-cs' } });
    expect(byCandidate.get('cand-b')).toMatchObject({ status: 'Hired', job: { id: 'job-cs' } });
    expect(byCandidate.get('cand-c')).toMatchObject({ status: 'Active', job: { id: 'job-wh' } });

    const jordan = await client.candidate.info('cand-a');
    expect(jordan).toMatchObject({ name: 'Jordan Example', primaryEmailAddress: { value: 'jordan@example.com' } });
    const { bytes, contentType } = await client.file.download(jordan.resumeFileHandle!.handle);
    expect(contentType).toBe('application/pdf');
    const text = await extractText(bytes, { mimeType: 'application/pdf' });
    expect(text.ok).toBe(true);
    if (text.ok) for (const line of RESUME.split('\n')) expect(text.text.replace(/\s+/g, ' ')).toContain(line.replace(/\s+/g, ' '));
    // An empty resume is no resume.
    expect((await client.candidate.info('cand-d')).resumeFileHandle).toBeUndefined();
  });

  it.each([
    ['not-json', ['{"type":"job"'], /line 1: not valid JSON/],
    ['unknown-type', [{ type: 'note', id: 'x' }], /line 1: type/],
    ['missing-title', [{ type: 'job', id: 'j', description: '' }], /line 1: title/],
    ['bad-status', [LINES[0], { ...LINES[2], appliedTo: 'job-wh', status: 'Lead' }], /line 2: status/],
    ['unknown-job', [LINES[0], LINES[2]], /line 2: candidate cand-a applied to job-cs, which is no job of the file/],
    ['twice', [LINES[0], LINES[0]], /line 2: job job-wh is given twice/],
    ['no-jobs', [], /no job in the file/],
  ])('refuses a bad file (%s) with its line and what is wrong', async (name, lines, message) => {
    await expect(startSandbox({ seed: `jsonl:${file(`${name}.jsonl`, lines)}` })).rejects.toThrow(message);
  });

  it('refuses a file it cannot read', async () => {
    await expect(startSandbox({ seed: `jsonl:${path.join(dir, 'missing.jsonl')}` })).rejects.toThrow(/cannot read the seed file/);
  });
});
