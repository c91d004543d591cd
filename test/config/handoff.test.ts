// HANDOFF_CONFIG is read and checked when Skima starts: a good file becomes the hand-off settings, a
// bad one stops the start with one message naming the file and each place that is wrong.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { runSkima } from '../helpers/cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'skima-handoff-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string) {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const GOOD_YAML = `
endpoints:
  - name: peopleforce
    url: https://hr.example.com/webhooks/skima
    secretEnv: PEOPLEFORCE_SECRET
    fields:
      first_name: candidate.firstName
      email: candidate.email
      position: job.title
      start_date: { customField: "3f6d-start", of: application }
    attach: [resume]
`;

describe('HANDOFF_CONFIG', () => {
  it('reads a YAML mapping, with the secret from the environment and retry defaults', () => {
    const result = loadConfig({ HANDOFF_CONFIG: file('good.yaml', GOOD_YAML), PEOPLEFORCE_SECRET: 'a'.repeat(32) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.handoff).toEqual({
      endpoints: [
        {
          name: 'peopleforce',
          url: 'https://hr.example.com/webhooks/skima',
          secret: 'a'.repeat(32),
          fields: {
            first_name: 'candidate.firstName',
            email: 'candidate.email',
            position: 'job.title',
            start_date: { customField: '3f6d-start', of: 'application' },
          },
          attach: ['resume'],
          timeoutMs: 10_000,
        },
      ],
      retry: { attempts: 8, firstDelayMs: 30_000, maxDelayMs: 3_600_000 },
    });
  });

  it('reads JSON too', () => {
    const json = file('good.json', JSON.stringify({
      endpoints: [{ name: 'bamboo', url: 'http://127.0.0.1:9/x', secret: 's'.repeat(20), fields: { workEmail: 'candidate.email' } }],
    }));
    expect(loadConfig({ HANDOFF_CONFIG: json })).toMatchObject({ ok: true, config: { handoff: { endpoints: [{ name: 'bamboo' }] } } });
  });

  it('refuses a bad mapping with one message naming the file and every place that is wrong', () => {
    const bad = file('bad.yaml', GOOD_YAML.replace('candidate.email', 'offer.salary').replace('https://hr', 'ftp://hr')
      .replace('attach: [resume]', 'attach: [resume, contract]'));
    const result = loadConfig({ HANDOFF_CONFIG: bad, PEOPLEFORCE_SECRET: 'a'.repeat(32) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toContain(`HANDOFF_CONFIG (${bad}): `);
    expect(problem).toContain('endpoints.0.url: must be an http(s) URL');
    expect(problem).toContain('endpoints.0.fields.email: "offer.salary" is not a field Skima can send; use one of candidate.id');
    expect(problem).toContain('endpoints.0.attach.1: Invalid option: expected one of "resume"|"offer"');
  });

  it('refuses a missing secret, a missing file and a file that is not YAML, never echoing a secret', () => {
    const missing = loadConfig({ HANDOFF_CONFIG: file('nosecret.yaml', GOOD_YAML) });
    expect(missing).toMatchObject({ ok: false, problems: [expect.stringContaining('PEOPLEFORCE_SECRET is not set')] });
    const short = loadConfig({ HANDOFF_CONFIG: file('short.yaml', GOOD_YAML), PEOPLEFORCE_SECRET: 'tiny' });
    expect(JSON.stringify(short)).not.toContain('tiny');
    expect(loadConfig({ HANDOFF_CONFIG: path.join(dir, 'nope.yaml') })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/nope\.yaml\): no such file$/)],
    });
    expect(loadConfig({ HANDOFF_CONFIG: file('broken.yaml', 'endpoints: [\n  - name: x\n') })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('cannot be read as YAML')],
    });
  });

  it('accepts the worked examples of docs/handoff.md as written: a generic HRIS, PeopleForce and BambooHR', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../docs/handoff.md'), 'utf8');
    const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const secrets = Object.fromEntries(
      [...doc.matchAll(/secretEnv: ([A-Z_]+)/g)].map((m) => [m[1]!, 'example-secret-0123456789']),
    );
    const names = examples.map((text, n) => {
      const result = loadConfig({ HANDOFF_CONFIG: file(`example-${n}.yaml`, text), ...secrets });
      expect(result, text).toMatchObject({ ok: true });
      return result.ok ? result.config.handoff!.endpoints.map((e) => e.name) : [];
    });
    expect(names).toEqual([['hris'], ['peopleforce'], ['bamboohr']]);
  });

  it('stops `skima start` before anything runs, with that one message', { timeout: 60_000 }, async () => {
    const bad = file('start.yaml', GOOD_YAML.replace('candidate.email', 'candidate.shoeSize'));
    const run = runSkima(['start'], {
      cwd: dir,
      env: { HANDOFF_CONFIG: bad, PEOPLEFORCE_SECRET: 'a'.repeat(32), DATABASE_URL: `file:${path.join(dir, 's.db')}` },
    });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('Skima cannot start: the configuration has 1 problem.');
    expect(run.output()).toContain('endpoints.0.fields.email: "candidate.shoeSize" is not a field Skima can send');
  });
});
