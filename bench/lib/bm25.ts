import { STOP_WORDS, tokenize } from '../../src/scoring/text/tokenize.ts';

/** Okapi BM25 (k1 1.2, b 0.75) over a fixed corpus: the lexical baseline of the scoring research. */
export interface Bm25Index {
  score(query: string, docIndex: number): number;
  scoreAll(query: string): Float64Array;
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOP_WORDS.has(t.raw)) out.push(t.stem);
  return out;
}

export function buildBm25(docs: readonly string[], k1 = 1.2, b = 0.75): Bm25Index {
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of terms(d)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const lengths = docs.map((_, i) => [...(tfs[i]?.values() ?? [])].reduce((a, c) => a + c, 0));
  const avg = lengths.reduce((a, c) => a + c, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (t: string) => {
    const d = df.get(t) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const scoreOne = (q: readonly string[], i: number) => {
    const tf = tfs[i]!;
    const len = lengths[i]!;
    let s = 0;
    for (const t of q) {
      const f = tf.get(t);
      if (!f) continue;
      s += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * len) / avg));
    }
    return s;
  };
  return {
    score: (query, i) => scoreOne(terms(query), i),
    scoreAll(query) {
      const q = terms(query);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = scoreOne(q, i);
      return out;
    },
  };
}
