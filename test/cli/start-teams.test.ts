// `skima start` as a new user tries Teams: with TEAMS_APP_ID and TEAMS_APP_PASSWORD set it serves
// /api/messages and refuses an unsigned POST with 401; without them the log says Teams is off and how
// to turn it on, and /api/messages is not served at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, runSkima } from '../helpers/cli.ts';
import { waitFor } from '../helpers/wait.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function started(env: Record<string, string>) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'skima-teams-'));
  dirs.push(cwd);
  const port = await freePort();
  const skima = runSkima(['start'], { cwd, env: { PORT: String(port), ...env } });
  const base = `http://127.0.0.1:${port}`;
  await waitFor('skima to answer /healthz', () => fetch(`${base}/healthz`).then((r) => r.ok || undefined, () => undefined), 60_000);
  return { skima, base };
}

const activity = JSON.stringify({ type: 'message', text: 'status', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/teams/', conversation: { id: 'a:1' }, from: { id: '29:1' } });

describe('skima start and Teams', () => {
  it('with TEAMS_APP_ID and TEAMS_APP_PASSWORD: serves /api/messages and refuses an unsigned POST with 401', { timeout: 90_000 }, async () => {
    const { skima, base } = await started({
      TEAMS_APP_ID: '0b1e4a57-5b9c-4d3e-9f7a-2c6d8e1f3a5b',
      TEAMS_APP_PASSWORD: 'not-a-real-secret',
      TEAMS_TENANT_ID: '7d2c9e41-3f6a-4b8d-a1e5-9c0b2d4f6e8a',
    });
    try {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
      expect(res.status).toBe(401);
      expect(skima.output()).toContain('Teams is on, at /api/messages');
      expect(skima.output()).not.toContain('not-a-real-secret');
    } finally {
      skima.child.kill('SIGTERM');
      await skima.exited;
    }
  });

  it('without them: the log says Teams is off and exactly how to turn it on; /api/messages is not served', { timeout: 90_000 }, async () => {
    const { skima, base } = await started({});
    try {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
      expect(res.status).toBe(404);
      const off = skima.output().split('\n').find((l) => l.includes('Teams is off'));
      expect(off).toBeDefined();
      for (const words of ['TEAMS_APP_ID', 'TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID', '/api/messages', 'skima manifest teams', 'docs/teams.md']) {
        expect(off).toContain(words);
      }
    } finally {
      skima.child.kill('SIGTERM');
      await skima.exited;
    }
  });

  it('refuses to start with half the Teams settings, naming what is missing', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'skima-teams-'));
    dirs.push(cwd);
    const skima = runSkima(['start'], { cwd, env: { TEAMS_APP_ID: '0b1e4a57-5b9c-4d3e-9f7a-2c6d8e1f3a5b', TEAMS_APP_PASSWORD: 'x' } });
    expect(await skima.exited).toBe(2);
    expect(skima.output()).toContain('TEAMS_TENANT_ID: required for a single-tenant bot');
  });
});
