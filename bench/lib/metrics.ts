/** Ranking metrics for the quality benchmark. */

/**
 * NDCG@k of one query. Ties are broken against the relevant documents (they sort after equally
 * scored irrelevant ones), so a scorer that ties everything gains nothing from it.
 */
export function ndcgAt(k: number, scores: ArrayLike<number>, relevance: ReadonlyMap<number, number>): number {
  const order = rankOrder(scores, relevance);
  let dcg = 0;
  for (let i = 0; i < Math.min(k, order.length); i++) {
    const rel = relevance.get(order[i]!) ?? 0;
    dcg += (2 ** rel - 1) / Math.log2(i + 2);
  }
  const ideal = [...relevance.values()].sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += (2 ** ideal[i]! - 1) / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

/** Reciprocal rank of the document `target` (pessimistic ties). */
export function reciprocalRank(scores: ArrayLike<number>, target: number): number {
  const s = scores[target]!;
  let rank = 1;
  for (let i = 0; i < scores.length; i++) if (i !== target && scores[i]! >= s) rank += 1;
  return 1 / rank;
}

function rankOrder(scores: ArrayLike<number>, relevance: ReadonlyMap<number, number>): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || (relevance.get(a) ?? 0) - (relevance.get(b) ?? 0) || a - b);
}

/** Spearman rank correlation (average ranks for ties). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return dx > 0 && dy > 0 ? num / Math.sqrt(dx * dy) : 0;
}

function ranks(v: readonly number[]): number[] {
  const idx = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const out = new Array<number>(v.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && v[idx[j + 1]!] === v[idx[i]!]) j += 1;
    for (let k = i; k <= j; k++) out[idx[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/**
 * 95% paired bootstrap interval of mean(a) - mean(b) over queries (deterministic resampling, so
 * runs are comparable).
 */
export function pairedBootstrapCi(a: readonly number[], b: readonly number[], rounds = 2000): [number, number] {
  const n = a.length;
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const diffs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      sum += a[j]! - b[j]!;
    }
    diffs.push(sum / n);
  }
  diffs.sort((x, y) => x - y);
  return [diffs[Math.floor(0.025 * rounds)]!, diffs[Math.floor(0.975 * rounds)]!];
}
