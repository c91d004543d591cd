// `skima archive` and `skima advance` in-process against the sandbox and a real database: the one
// confirmation, the final count, and refusals with nothing changed.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../helpers/cli-in-process.ts';
import { writesFor } from '../helpers/skima.ts';
import { type DispositionEnv, dispositionEnv } from '../core/disposition/sandbox-env.ts';

let env: DispositionEnv;
let cliEnv: Record<string, string>;

function skima(name: 'archive' | 'advance', ...args: string[]) {
  return runInProcess(() => import(`../../src/cli/${name}.ts`), args, cliEnv);
}

describe('skima archive and skima advance', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = await dispositionEnv('sqlite', { worker: false });
    cliEnv = {
      DATABASE_URL: env.core.database.url,
      ASHBY_API_KEY: env.sandbox.apiKey,
      ASHBY_BASE_URL: env.sandbox.url,
      LOG_LEVEL: 'silent',
      SCORING_THREADS: '0',
      REDACTION_MODE: 'off',
    };
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('archives every skipped application of a job with --yes and prints the final count', async () => {
    const skipped = await env.ctx.db.application.findMany({ where: { jobId: env.jobA, status: 'Active' }, take: 3 });
    await env.ctx.db.application.updateMany({
      where: { id: { in: skipped.map((a) => a.id) } },
      data: { latestVerdict: 'skip' },
    });
    const reason = (await env.ctx.ashby.client.archiveReason.list())[1]!.text;

    const unconfirmed = await skima('archive', '--as', env.recruiter.id, '--reason', reason, '--job', env.jobA, '--skipped');
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.out).toContain(`Archive 3 applications with reason "${reason}"? Confirm with --yes; nothing changed.`);
    expect(writesFor(env.sandbox, 'application.changeStage', () => true)).toEqual([]);

    const done = await skima(
      'archive', '--as', 'renee.alvarez@northwind.example', '--reason', reason, '--job', env.jobA, '--skipped', '--yes',
    );
    expect(done.out).toMatch(/Archive [0-9a-f-]{36}: 3 archived \(of 3\)\./);
    expect(done.out).toContain('[########################] 3/3 3 archived (of 3)'); // the progress bar's last state
    expect(done.code).toBe(0);
    expect(writesFor(env.sandbox, 'application.changeStage', () => true)).toHaveLength(3);
  });

  it('leaves out what a hiring manager may not touch, and says so', async () => {
    const other = await env.ctx.db.application.findFirstOrThrow({ where: { jobId: env.jobB, status: 'Active' } });
    const r = await skima('advance', '--as', env.managerOfA.id, '--yes', other.id);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`left out ${other.id}: You can't act on this application`);
    expect(r.out).toContain('Nothing to do.');
    expect(writesFor(env.sandbox, 'application.changeStage', (b) => b.applicationId === other.id)).toEqual([]);
  });

  it('needs --as, and a reason for an archive', async () => {
    const noActor = await skima('advance', 'app-1');
    expect(noActor.code).toBe(2);
    expect(noActor.out).toContain('--as YOUR_ASHBY_EMAIL');
    const noReason = await skima('archive', '--as', 'x', 'app-1');
    expect(noReason.code).toBe(2);
    expect(noReason.out).toContain('An archive needs --reason.');
    const nobody = await skima('advance', '--as', 'nobody@example.com', 'app-1');
    expect(nobody.code).toBe(1);
    expect(nobody.out).toContain('No active Ashby user is nobody@example.com.');
  });
});
