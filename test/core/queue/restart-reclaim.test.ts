// A single process killed mid-job and started again takes back the jobs it held at once, instead of
// waiting out the visibility timeout (five minutes here, as by default): the dead process was on this
// machine, so the new one can tell it is gone. Real processes, both databases, the embedded queue.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/wait.ts';
import { QUEUE_DRIVERS, type QueueHarness } from './drivers.ts';

const fixture = path.resolve('test/fixtures/crash-worker.ts');

describe.each(QUEUE_DRIVERS.filter((d) => d.driver === 'embedded'))('a restart after SIGKILL, $name', (driver) => {
  let harness: QueueHarness;
  let dir: string;
  const children: ChildProcess[] = [];
  const start = (env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(child);
    return child;
  };
  beforeAll(async () => {
    harness = await driver.setup();
    dir = mkdtempSync(path.join(tmpdir(), 'skima-reclaim-'));
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await harness?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reclaims the dead process\'s job at once, well within the visibility timeout', async () => {
    const env = { DATABASE_URL: harness.url, QUEUE_DRIVER: 'embedded', QUEUE_VISIBILITY_TIMEOUT_SECONDS: '300', CRASH_DIR: dir, LOG_LEVEL: 'silent' };
    const producer = harness.make();
    const { id } = await producer.enqueue('crash-demo', { effectKey: 'note-7' }, { idempotencyKey: 'note-7' });
    const first = start(env);
    await waitFor('the first process to be in the middle of the job', () => existsSync(path.join(dir, 'in-job')), 30_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await producer.getJob(id))?.state).toBe('running');

    const restartedAt = Date.now();
    const second = start(env);
    await waitFor('the job to complete after the restart', async () => (await producer.getJob(id))?.state === 'completed', 60_000);
    // Far less than the 300 s lease: the restart took the job back when it started.
    expect(Date.now() - restartedAt).toBeLessThan(60_000);
    const deliveries = readFileSync(path.join(dir, 'deliveries.log'), 'utf-8').trim().split('\n');
    expect(deliveries).toEqual([`${first.pid} attempt 1`, `${second.pid} attempt 2`]);
    second.kill('SIGTERM');
    await producer.stop();
  }, 120_000);
});
