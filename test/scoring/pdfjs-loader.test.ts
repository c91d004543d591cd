import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/scoring/extract/extract-text.ts';
import { twoPageResumePdf } from './helpers/fixtures.ts';

// core-js also makes its polyfills' toString claim native code: ask a fresh realm's toString instead.
const realToString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
const isNative = (fn: unknown) => /\{\s*\[native code\]\s*\}/.test(realToString.call(fn));

describe('loading pdf.js', () => {
  it('leaves Node\'s own push, JSON and Function#toString in place for the rest of the process', async () => {
    const result = await extractText(twoPageResumePdf(), { filename: 'resume.pdf' });
    expect(result.ok).toBe(true);
    // pdf.js's legacy build would replace these with slower core-js versions process-wide.
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(Function.prototype.toString)).toBe(true);
    // What it only adds, and uses, stays.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
