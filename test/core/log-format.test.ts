// The readable log line (LOG_FORMAT=pretty, or auto on a terminal) carries what the JSON line does.
import { describe, expect, it } from 'vitest';
import { prettyLine } from '../../src/core/log-format.ts';

describe('prettyLine', () => {
  it('shows time, level, component, message, then the other fields as key=value', () => {
    const json = JSON.stringify({
      level: 40, time: '2026-12-05T19:20:01.234Z', service: 'skima', pid: 7, component: 'poll',
      msg: 'ashby sync state unusable', resource: 'application', restarts: 1, note: 'two words',
    });
    expect(prettyLine(`${json}\n`)).toBe(
      '19:20:01.234 WARN  [poll] ashby sync state unusable resource=application restarts=1 note="two words"\n',
    );
  });

  it('puts an error\'s stack on indented lines below', () => {
    const json = JSON.stringify({ level: 50, time: '2026-12-05T19:20:01.234Z', msg: 'job failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } });
    expect(prettyLine(json)).toBe('19:20:01.234 ERROR job failed\n  Error: boom\n      at x\n');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(prettyLine('plain text')).toBe('plain text\n');
  });
});
