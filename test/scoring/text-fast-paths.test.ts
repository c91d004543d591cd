import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/scoring/redact.ts';
import { TOKEN_RE, tokenize } from '../../src/scoring/text/tokenize.ts';

/**
 * The scorer's hot paths replace regular expressions by scans (speed); these check that they find
 * exactly what the expressions find, on tricky and on random text.
 */
const TRICKY = [
  'C#.NET, C++ and .net; node.js 401(k) e.g. i.e. a..b .5 x.y.z',
  'John’s team; the O\'Neill\'s; it\'s AWS’s S3. Déjà vu, naïve café, Ærø, İstanbul, ſtraße',
  '𝒜lpha 𝟙2 emoji 😀x end.',
  'trailing dot. and+plus#hash ++ ## .NET. ...net',
  '',
  '....',
];

function randomText(seed: number, length: number): string {
  const alphabet = ['a', 'B', 'z', '0', '9', '.', '\'', '’', '+', '#', ' ', '\n', '-', 'é', 'Ö', 'ß', '😀', '𝟙', '(', ',', 's', 'S'];
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

/** The tokens as the regular expression reads them (the code before the scan). */
function byRegex(text: string): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  for (const m of text.toLowerCase().matchAll(TOKEN_RE)) {
    let raw = m[0];
    let start = m.index;
    if (raw.startsWith('.') && !/^\.[a-z]{2,4}$/.test(raw)) {
      raw = raw.slice(1);
      start += 1;
    }
    raw = raw.replace(/[’']s$/, '').replace(/[.’']+$/, '');
    if (raw.length > 0) out.push([raw, start, start + raw.length]);
  }
  return out;
}

describe('tokenize', () => {
  it('finds the same tokens as its regular expression', () => {
    const texts = [...TRICKY, ...Array.from({ length: 300 }, (_, i) => randomText(i + 1, 80))];
    for (const text of texts) {
      expect(tokenize(text).map((t) => [t.raw, t.start, t.end]), text).toEqual(byRegex(text));
    }
  });
});

/** The name search as one regular expression per word (the code before the scan). */
function nameSpans(text: string, word: string): Array<[number, number]> {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

describe('redaction of a name elsewhere in the text', () => {
  // With "ſ" in the text the search runs as a pattern; without it, ASCII names take the scan.
  it.each([
    ['Ana Lee', ['Ana', 'Lee'], true],
    ['Ana Lee', ['Ana', 'Lee'], false],
    ['José Núñez', ['José', 'Núñez'], false],
    ['Kim Ode', ['Kim', 'Ode'], true],
    ['Kim Ode', ['Kim', 'Ode'], false],
  ] as const)('masks exactly what a whole-word, any-case search with a possessive finds (%s, long s: %s)', (name, words, longS) => {
    const body = [
      'José’s team and JOSÉ, josé1, Núñez\'s notes, NÚÑEZ; \u212Aim\'s plan, KIM\'S, kimono, Kim’ſ, Ode\'s ode, CODE',
      'Ana’s team and ANA, anagram, Ana\'sx, bAna, Ana1, 1Ana, Ana\'s, Ana’ss, Ana\'',
      'Worked with Ana Lee on Lee’s project; LEE; Leeway; Lee\'s; (Lee)',
    ].join('\n').replaceAll('ſ', longS ? 'ſ' : 's');
    const text = `Name: ${name}\n${body}`;
    const masked = redactPersonalData(text).masked;
    const expected = words.flatMap((w) => nameSpans(text, w));
    for (const [s, e] of expected) expect(masked.some(([a, b]) => a <= s && e <= b), `${s}-${e}`).toBe(true);
    // Nothing in the body is masked that the search does not find.
    const bodyStart = text.indexOf('\n') + 1;
    for (const [a, b] of masked) {
      if (a < bodyStart) continue;
      expect(expected.some(([s, e]) => s <= a && b <= e), text.slice(a, b)).toBe(true);
    }
  });
});
