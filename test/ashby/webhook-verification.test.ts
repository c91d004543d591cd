import { describe, expect, it } from 'vitest';
import { signAshbyBody, verifyAshbyWebhook } from '../../src/ashby/webhook-verification.ts';
import { jsonNestingDepth } from '../../src/ashby/json-depth.ts';
import { application } from './helpers.ts';

const secret = 'whsec-test';
const submit = JSON.stringify({
  webhookActionId: 'wa-1',
  action: 'applicationSubmit',
  data: { application: application('a1') },
});

describe('verifyAshbyWebhook', () => {
  it('matches the documented signature format', () => {
    // HMAC-SHA256("secret", "body") computed independently.
    expect(signAshbyBody('body', 'secret')).toBe(
      'sha256=dc46983557fea127b43af721467eb9b3fde2338fe3e14f51952aa8478c13d355',
    );
  });

  it('accepts a valid signature and returns the parsed event', () => {
    const result = verifyAshbyWebhook({ rawBody: submit, signatureHeader: signAshbyBody(submit, secret), secret });
    expect(result.ok).toBe(true);
    if (!result.ok || result.ignored) throw new Error('expected a parsed event');
    expect(result.event.action).toBe('applicationSubmit');
    if (result.event.action !== 'applicationSubmit') throw new Error('narrowing');
    expect(result.event.data.application.id).toBe('a1');
  });

  it('accepts raw bytes as well as strings', () => {
    const bytes = new TextEncoder().encode(submit);
    expect(verifyAshbyWebhook({ rawBody: bytes, signatureHeader: signAshbyBody(bytes, secret), secret }).ok).toBe(true);
  });

  it('rejects a tampered body', () => {
    const signature = signAshbyBody(submit, secret);
    const tampered = submit.replace('a1', 'a2');
    expect(verifyAshbyWebhook({ rawBody: tampered, signatureHeader: signature, secret })).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('rejects a signature made with another secret', () => {
    const result = verifyAshbyWebhook({ rawBody: submit, signatureHeader: signAshbyBody(submit, 'other'), secret });
    expect(result).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a missing header, and a header without the sha256= prefix', () => {
    expect(verifyAshbyWebhook({ rawBody: submit, signatureHeader: undefined, secret })).toMatchObject({
      ok: false,
      reason: 'missing_signature',
    });
    const bare = signAshbyBody(submit, secret).slice('sha256='.length);
    expect(verifyAshbyWebhook({ rawBody: submit, signatureHeader: bare, secret })).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses to verify without a secret', () => {
    expect(() =>
      verifyAshbyWebhook({ rawBody: submit, signatureHeader: signAshbyBody(submit, ''), secret: '' }),
    ).toThrow(TypeError);
  });

  it('parses a signed ping', () => {
    const ping = JSON.stringify({ webhookActionId: 'wa-p', action: 'ping', data: { webhookActionType: 'ping' } });
    const result = verifyAshbyWebhook({ rawBody: ping, signatureHeader: signAshbyBody(ping, secret), secret });
    expect(result).toMatchObject({ ok: true, ignored: false, event: { action: 'ping' } });
  });

  it('reports malformed JSON that was correctly signed', () => {
    const body = '{"action": ';
    expect(verifyAshbyWebhook({ rawBody: body, signatureHeader: signAshbyBody(body, secret), secret })).toMatchObject({
      ok: false,
      reason: 'malformed_json',
    });
  });

  it('ignores unknown actions rather than failing', () => {
    const body = JSON.stringify({ webhookActionId: 'wa-9', action: 'offerCreate', data: { offer: { id: 'o1' } } });
    expect(verifyAshbyWebhook({ rawBody: body, signatureHeader: signAshbyBody(body, secret), secret })).toEqual({
      ok: true,
      ignored: true,
      action: 'offerCreate',
      webhookActionId: 'wa-9',
    });
  });

  it('names the field when a known action lacks required data', () => {
    const body = JSON.stringify({
      webhookActionId: 'wa-3',
      action: 'candidateMerge',
      data: { deletedCandidate: { id: 'c1' } },
    });
    const result = verifyAshbyWebhook({ rawBody: body, signatureHeader: signAshbyBody(body, secret), secret });
    expect(result).toMatchObject({ ok: false, reason: 'invalid_payload' });
    if (result.ok) throw new Error('expected failure');
    expect(result.detail).toContain('mergedCandidate');
  });

  it('parses each handled action', () => {
    const job = {
      id: 'j1',
      title: 'T',
      confidential: false,
      status: 'Open',
      employmentType: 'FullTime',
      updatedAt: 'x',
    };
    const posting = { id: 'p1', jobId: 'j1', title: 'T' };
    const bodies = [
      { action: 'applicationUpdate', data: { application: application('a1') } },
      { action: 'candidateStageChange', data: { application: application('a1') } },
      { action: 'candidateHire', data: { application: application('a1'), offer: { id: 'o1' } } },
      { action: 'candidateDelete', data: { candidate: { id: 'c1' } } },
      { action: 'candidateMerge', data: { deletedCandidate: { id: 'c1' }, mergedCandidate: { id: 'c2' } } },
      { action: 'jobCreate', data: { job } },
      { action: 'jobUpdate', data: { job } },
      { action: 'jobPostingPublish', data: { jobPosting: posting } },
      { action: 'jobPostingUnpublish', data: { jobPosting: posting } },
      { action: 'jobPostingUpdate', data: { jobPosting: posting } },
    ];
    for (const b of bodies) {
      const body = JSON.stringify({ webhookActionId: 'wa', ...b });
      const result = verifyAshbyWebhook({ rawBody: body, signatureHeader: signAshbyBody(body, secret), secret });
      expect(result, b.action).toMatchObject({ ok: true, ignored: false, event: { action: b.action } });
    }
  });
});

describe('jsonNestingDepth', () => {
  it('counts arrays and objects, not brackets inside strings, and stops past the limit', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[{"b":"]]]}}}[[[[\\"[["}]}')).toBe(3);
    expect(jsonNestingDepth('['.repeat(100_000), 32)).toBe(33);
  });
});
