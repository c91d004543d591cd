import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { log: createLogger('info', stream), text: () => lines.join('') };
}

describe('logger', () => {
  it('censors secrets, tokens, authorization headers and resume text', () => {
    const { log, text } = capture();
    log.info(
      {
        req: { headers: { authorization: 'Basic c2tfbGl2ZQ==', cookie: 'sid=1' } },
        ashby: { apiKey: 'sk_live_123', webhookSecret: 'whsec_456' },
        link: { token: 'tok_789' },
        resume: { resumeText: 'Jane Doe, 12 Main St, jane@example.com' },
        candidate: { extractedText: 'Senior nurse at St Mary' },
        config: { ashby: { apiKey: 'sk_cfg' }, slack: { botToken: 'xoxb-cfg-1', signingSecret: 'slack_sign_2' } },
        slack: { botToken: 'xoxb-bot-3' },
        headers: { 'x-slack-signature': 'v0=deadbeef' },
      },
      'something happened',
    );
    const out = text();
    for (const secret of [
      'c2tfbGl2ZQ',
      'sk_live_123',
      'whsec_456',
      'tok_789',
      'jane@example.com',
      'Senior nurse',
      'sk_cfg',
      'xoxb-cfg-1',
      'slack_sign_2',
      'xoxb-bot-3',
      'v0=deadbeef',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
    expect(out).toContain('something happened');
  });
});
