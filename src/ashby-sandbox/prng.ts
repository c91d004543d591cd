import { createHash } from 'node:crypto';

/** mulberry32: tiny, fast, good enough for realistic-looking deterministic seed data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG for one entity, so entity N's data never depends on how many came before it. */
export function rngFor(seed: number, kind: string, index: number): Rng {
  return new Rng(mulberry32(hash32(`${seed}:${kind}:${index}`)));
}

export function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  // FNV-1a alone leaves neighbouring keys ("…:1", "…:2") close; murmur3's finaliser spreads them.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}

// The index is scrambled with an invertible affine map mod 2^48, so tails look random yet decode.
const MASK = (1n << 48n) - 1n;
const MULTIPLIER = 0xc6a4a7935bd1n;
const INVERSE = modInverse(MULTIPLIER, 1n << 48n);

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/**
 * Deterministic UUID (v4 layout) that encodes its kind and index, so records can be generated on
 * demand from the id alone. The first groups are a hash of seed, kind and index; the last group is
 * the scrambled index. `parseEntityId` recomputes the hash, so a forged or foreign id is "not found".
 */
function kindOffset(seed: number, kind: string): bigint {
  return ((BigInt(hash32(`${seed}:${kind}`)) << 16n) | BigInt(hash32(`${kind}:${seed}`) & 0xffff)) & MASK;
}

export function entityId(seed: number, kind: string, index: number): string {
  const h = createHash('sha1').update(`${seed}:${kind}:${index}`).digest('hex');
  const offset = kindOffset(seed, kind);
  const tail = ((BigInt(index) * MULTIPLIER + offset) & MASK).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) % 4]}${h.slice(17, 20)}-${tail}`;
}

export function parseEntityId(seed: number, kind: string, id: unknown): number | undefined {
  if (typeof id !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))
    return undefined;
  const offset = kindOffset(seed, kind);
  const index = Number((((BigInt(`0x${id.slice(24)}`) - offset) & MASK) * INVERSE) & MASK);
  return entityId(seed, kind, index) === id ? index : undefined;
}
