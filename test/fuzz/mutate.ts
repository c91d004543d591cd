// Deterministic hostile input for the fuzz suite: a seeded PRNG (the sandbox's mulberry32), byte and
// structure mutations of valid requests, and random JSON. The same seed gives the same inputs, so a
// failure names its seed and case and replays exactly.
import { mulberry32 } from '../../src/ashby/sandbox/prng.ts';

export const FUZZ_SEED = Number(process.env.SKIMA_FUZZ_SEED ?? 1919);

export class Fuzz {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** Text of `n` characters drawn from ASCII, control characters, quotes, brackets and non-Latin. */
  text(n: number): string {
    const alphabets = ['abcXYZ019', '"\\{}[]:,', '\u0000\u0001\n\r\t\u001f', 'é漢字🙂\u202e\ufeff',
      '%&=+/?#<>\'` '];
    let s = '';
    for (let i = 0; i < n; i++) s += this.pick([...this.pick(alphabets)]);
    return s;
  }

  /** Any JSON value, nested up to `depth`. */
  json(depth = 4): unknown {
    const kind = depth <= 0 ? this.int(0, 3) : this.int(0, 5);
    switch (kind) {
      case 0: return null;
      case 1: return this.chance(0.5);
      case 2: return this.pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.14, Number.MAX_SAFE_INTEGER]);
      case 3: return this.text(this.int(0, 40));
      case 4: return Array.from({ length: this.int(0, 4) }, () => this.json(depth - 1));
      default: {
        const keys = ['action', 'data', 'application', 'id', 'candidate', 'job', 'webhookActionId', '__proto__', 'constructor',
          this.text(6)];
        const entries = Array.from({ length: this.int(0, 5) }, () => [this.pick(keys), this.json(depth - 1)]);
        return Object.fromEntries(entries);
      }
    }
  }

  /** Deep nesting under a key no schema knows, inside an object that is otherwise valid. */
  nestDeep(valid: string): string {
    const objects = [...valid.matchAll(/\{"/g)].map((m) => m.index);
    if (!objects.length) return valid;
    const at = this.pick(objects) + 1;
    const depth = this.int(5_000, 20_000);
    return `${valid.slice(0, at)}"extra":${'['.repeat(depth)}${']'.repeat(depth)},${valid.slice(at)}`;
  }

  /** A valid text changed the way a broken or hostile sender would: flips, cuts, splices, nesting. */
  mutate(valid: string): string {
    let s = valid;
    for (let n = this.int(1, 3); n > 0; n--) s = this.mutateOnce(s);
    return s;
  }

  private mutateOnce(s: string): string {
    const at = this.int(0, s.length);
    const brackets = (depth: number) => `${'['.repeat(depth)}${']'.repeat(this.chance(0.7) ? depth : this.int(0, depth))}`;
    const mutations: (() => string)[] = [
      () => s.slice(0, at) + String.fromCharCode(this.int(0, 0xffff)) + s.slice(at + 1),
      () => s.slice(0, at),
      () => s.slice(0, at) + s.slice(at + this.int(1, 20)),
      () => s.slice(0, at) + this.text(this.int(1, 30)) + s.slice(at),
      () => s.slice(0, at) + s.slice(this.int(0, s.length)),
      () => s.replace(/"[^"]*"/, JSON.stringify(this.json(2))),
      () => s.replace(/:\s*"[^"]*"/, `:${brackets(this.int(30, 20_000))}`),
      () => this.nestDeep(s),
      () => s.replace(/"(\w+)":/, `"${this.text(4)}":`),
    ];
    return this.pick(mutations)();
  }
}
