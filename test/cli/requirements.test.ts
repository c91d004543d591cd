// `skima requirements` in-process against the sandbox and a real database: printing a job's
// requirements, saving a version from a file in someone's name, and refusals with nothing saved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiringTeamOf } from '../../src/core/people/hiring-team.ts';
import { MAY_NOT_EDIT, requirementsPanel } from '../../src/core/requirements/index.ts';
import { runInProcess } from '../helpers/cli-in-process.ts';
import { type DispositionEnv, dispositionEnv } from '../core/disposition/sandbox-env.ts';

let env: DispositionEnv;
let cliEnv: Record<string, string>;
let dir: string;

const skima = (...args: string[]) => runInProcess(() => import('../../src/cli/requirements.ts'), args, cliEnv);

describe('skima requirements', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = await dispositionEnv('sqlite', { worker: false });
    cliEnv = {
      DATABASE_URL: env.core.database.url,
      ASHBY_API_KEY: env.sandbox.apiKey,
      ASHBY_BASE_URL: env.sandbox.url,
      LOG_LEVEL: 'silent',
      SCORING_THREADS: '0',
    };
    dir = mkdtempSync(path.join(tmpdir(), 'skima-reqs-'));
  }, 120_000);
  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the requirements as Skima read them, each with how it counts and the rule that made it', async () => {
    const r = await skima(env.jobA);
    expect(r.code).toBe(0);
    expect(r.out).toContain('nobody has changed them');
    expect(r.out).toMatch(/ {2}must-have {4}\S.*\((requirements section|cue phrase)/);
  });

  it('saves a version from a file in the hiring manager\'s name and prints it; a second run saves nothing', async () => {
    const panel = (await requirementsPanel(env.ctx.db, env.jobA))!;
    const first = panel.requirements.find((x) => x.mustHave)!.label;
    const file = path.join(dir, 'edits.json');
    writeFileSync(file, JSON.stringify([{ op: 'remove', label: first }, { op: 'add', label: 'Kubernetes', mustHave: true }]));
    const r = await skima(env.jobA, '--set', file, '--as', env.managerOfA.id);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Saved as version 1: ${first} must -> absent; Kubernetes absent -> must.`);
    expect(r.out).toMatch(/Version 1, last changed by .+ via cli/);
    expect(r.out).toContain(`removed      ${first}`);
    expect(r.out).toContain('must-have    Kubernetes  (added by a person)');
    const again = await skima(env.jobA, '--set', file, '--as', env.managerOfA.id);
    expect(again.out).toContain('Version 1 already has these edits; nothing saved.');
    const json = JSON.parse((await skima(env.jobA, '--json')).out);
    expect(json).toMatchObject({ version: 1, edits: [{ op: 'remove', label: first }, { op: 'add', label: 'Kubernetes', mustHave: true }] });
  });

  it('refuses another job\'s hiring manager and a malformed file, saving nothing', async () => {
    const teamOf = async (id: string) => hiringTeamOf(await env.ctx.db.job.findUniqueOrThrow({ where: { id } }));
    const teamA = await teamOf(env.jobA);
    const other = (await teamOf(env.jobB)).find((m) => m.role === 'Hiring Manager' && !teamA.some((a) => a.userId === m.userId))!;
    expect(other).toBeDefined();
    const file = path.join(dir, 'more.json');
    writeFileSync(file, JSON.stringify([{ op: 'remove', label: 'Kubernetes' }]));
    const refused = await skima(env.jobA, '--set', file, '--as', other.userId);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(MAY_NOT_EDIT);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ op: 'rename', label: 'x' }]));
    const invalid = await skima(env.jobA, '--set', bad, '--as', env.managerOfA.id);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toContain('These requirement edits cannot be saved');
    expect((await requirementsPanel(env.ctx.db, env.jobA))!.version).toBe(1);
  });
});
