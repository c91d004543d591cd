import { afterEach, describe, expect, it } from 'vitest';
import { resumeLayoutFor } from '../../src/ashby-sandbox/resume-model.ts';
import { parseSeed } from '../../src/ashby-sandbox/seed-spec.ts';
import { type RunningSandbox, startSandbox } from '../../src/ashby-sandbox/server.ts';
import { collect, sandboxClient, take } from './helpers.ts';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('seeds', () => {
  it('parses seed names and rejects others', () => {
    expect(parseSeed('small')).toEqual({ name: 'small' });
    expect(parseSeed('large:100000')).toEqual({ name: 'large', applications: 100000 });
    expect(() => parseSeed('huge')).toThrow(/unknown seed/);
    expect(() => parseSeed('large:0')).toThrow(/unknown seed/);
  });

  it('demo has 5 jobs with full descriptions and 60 applicants each', async () => {
    sandbox = await startSandbox({ seed: 'demo' });
    const client = sandboxClient(sandbox);
    const jobs = await collect(client.job.list());
    expect(jobs).toHaveLength(5);
    for (const job of jobs) {
      const posting = await client.jobPosting.info(job.jobPostingIds![0]!);
      expect(posting.descriptionPlain).toContain('What you bring');
      expect(posting.descriptionPlain.length).toBeGreaterThan(800);
      const applicants = await collect(client.application.list({ jobId: job.id }));
      expect(applicants).toHaveLength(60);
      expect(job.hiringTeam?.some((m) => m.role === 'Hiring Manager' && m.email.includes('@'))).toBe(true);
    }
  });

  it('is deterministic: the same seed gives the same ids and names', async () => {
    sandbox = await startSandbox({ seed: 'small' });
    const first = (await take(sandboxClient(sandbox).application.list(), 3)).map((a) => [a.id, a.candidate.name]);
    await sandbox.close();
    sandbox = await startSandbox({ seed: 'small' });
    const second = (await take(sandboxClient(sandbox).application.list(), 3)).map((a) => [a.id, a.candidate.name]);
    expect(second).toEqual(first);
  });

  it('large:N generates its records on demand, down to the last one', async () => {
    sandbox = await startSandbox({ seed: 'large:100000' });
    expect(sandbox.control.summary()).toMatchObject({ applications: 100000, candidates: 100000, jobs: 10 });
    const client = sandboxClient(sandbox);
    const page = await client.application.pages({}).next();
    expect(page.value?.items).toHaveLength(100);
    const lastId = sandbox.control.org.id('application', 99_999);
    const last = await client.application.info(lastId);
    expect(last.id).toBe(lastId);
    expect((await client.candidate.info(last.candidate.id)).applicationIds).toEqual([lastId]);
  });

  it('spreads resume layouts across neighbouring candidates', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) counts.set(resumeLayoutFor(1, i), (counts.get(resumeLayoutFor(1, i)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['classic', 'compact', 'docx', 'docx-table', 'two-column']);
    for (const n of counts.values()) expect(n).toBeGreaterThan(30);
  });

  it('seeds a few broken resumes among the good ones', async () => {
    sandbox = await startSandbox({ seed: 'demo' });
    const client = sandboxClient(sandbox);
    const org = sandbox.control.org;
    const download = async (index: number) => {
      const detail = await client.application.info(org.id('application', index));
      return client.file.download(detail.resumeFileHandle!.handle);
    };
    // Indices chosen by the seeding rule (see resume-model.ts defectFor).
    expect((await download(11)).bytes.byteLength).toBe(0); // empty
    const locked = Buffer.from((await download(13)).bytes).toString('latin1');
    expect(locked).toContain('/Encrypt'); // password-protected
    const scan = Buffer.from((await download(17)).bytes).toString('latin1');
    expect(scan).toContain('/Image'); // image-only
    const corrupt = Buffer.from((await download(7)).bytes).toString('latin1');
    expect(corrupt).not.toContain('%%EOF');
  });
});
