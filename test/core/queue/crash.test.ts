// A worker killed with SIGKILL in the middle of a job: after a restart the job finishes exactly once,
// with its side effect done once; on the embedded queue a restarted process takes its dead
// predecessor's job back at once instead of waiting out the visibility timeout. Real processes, real
// databases, every queue driver.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/wait.ts';
import { QUEUE_DRIVERS, type QueueHarness } from './drivers.ts';

const fixture = path.resolve('test/fixtures/crash-worker.ts');

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

describe.each(QUEUE_DRIVERS)('SIGKILL mid-job, $name', (driver) => {
  let harness: QueueHarness;
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    harness = await driver.setup();
    dir = mkdtempSync(path.join(tmpdir(), 'skima-crash-'));
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await harness?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the job again after a restart and finishes it exactly once', async () => {
    const env = {
      DATABASE_URL: harness.url,
      QUEUE_DRIVER: driver.driver,
      // Short enough for a test; the crashed worker's job becomes visible again after this.
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: '2',
      CRASH_DIR: dir,
      LOG_LEVEL: 'silent',
    };
    const producer = harness.make();
    const { id } = await producer.enqueue('crash-demo', { effectKey: 'note-42' }, { idempotencyKey: 'note-42' });

    const first = startWorker(env);
    children.push(first);
    await waitFor(
      'the first worker to be in the middle of the job',
      () => existsSync(path.join(dir, 'in-job')),
      30_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await producer.getJob(id))?.state).toBe('running'); // the dead worker still "holds" it

    const second = startWorker(env);
    children.push(second);
    await waitFor(
      'the job to complete after the restart',
      async () => (await producer.getJob(id))?.state === 'completed',
      45_000,
    );

    const deliveries = readFileSync(path.join(dir, 'deliveries.log'), 'utf-8').trim().split('\n');
    expect(deliveries).toEqual([`${first.pid} attempt 1`, `${second.pid} attempt 2`]);
    const effects = readdirSync(dir).filter((f) => f.startsWith('effect-'));
    expect(effects).toEqual(['effect-note-42']);
    expect(readFileSync(path.join(dir, 'effect-note-42'), 'utf-8')).toBe(`${first.pid}\n`);
    expect(await producer.getJob(id)).toMatchObject({ state: 'completed', attempts: 2 });
    // A duplicate delivery of the same event afterwards changes nothing.
    expect(await producer.enqueue('crash-demo', { effectKey: 'note-42' }, { idempotencyKey: 'note-42' })).toEqual({
      id,
      created: false,
    });
    second.kill('SIGTERM');
    await producer.stop();
  });

  // A single process restarted after a crash (the embedded queue; pg-boss waits out its expiry).
  if (driver.driver === 'embedded') {
    it('takes the dead process\'s job back when the restarted one starts, well within the timeout', async () => {
      // The same machine: the new process can tell the holder is gone (holders are named host:pid).
      const own = mkdtempSync(path.join(dir, 'reclaim-'));
      const env = {
        DATABASE_URL: harness.url,
        QUEUE_DRIVER: 'embedded',
        QUEUE_VISIBILITY_TIMEOUT_SECONDS: '300',
        CRASH_DIR: own,
        LOG_LEVEL: 'silent',
      };
      const producer = harness.make();
      const { id } = await producer.enqueue('crash-demo', { effectKey: 'note-8' }, { idempotencyKey: 'note-8' });
      const first = startWorker(env);
      children.push(first);
      await waitFor('the first process to be in the middle of the job', () => existsSync(path.join(own, 'in-job')), 30_000);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      expect((await producer.getJob(id))?.state).toBe('running');

      const restartedAt = Date.now();
      const second = startWorker(env);
      children.push(second);
      const done = async () => (await producer.getJob(id))?.state === 'completed';
      await waitFor('the job to complete after the restart', done, 60_000);
      // Far less than the 300 s lease: the restart took the job back when it started.
      expect(Date.now() - restartedAt).toBeLessThan(60_000);
      const deliveries = readFileSync(path.join(own, 'deliveries.log'), 'utf-8').trim().split('\n');
      expect(deliveries).toEqual([`${first.pid} attempt 1`, `${second.pid} attempt 2`]);
      second.kill('SIGTERM');
      await producer.stop();
    }, 120_000);
  }
});
