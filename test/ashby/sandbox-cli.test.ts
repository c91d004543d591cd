import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { run } from '../../src/cli/sandbox.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('skima sandbox command', () => {
  it('has a one-line summary', () => {
    expect(COMMANDS.sandbox!.summary).not.toContain('\n');
  });

  it('prints usage on --help', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await run(['--help'])).toBe(0);
    expect(log.mock.calls[0]?.[0]).toContain('Usage: skima sandbox');
  });

  it('rejects bad arguments with exit code 2', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await run(['--seed', 'huge'])).toBe(2);
    expect(await run(['--port', 'x'])).toBe(2);
    expect(await run(['--webhook-url', 'http://127.0.0.1:1/x'])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
    expect(error).toHaveBeenCalledTimes(4);
  });
});
