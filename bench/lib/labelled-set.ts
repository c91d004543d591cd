import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Band = 'strong' | 'partial' | 'weak';

export interface LabelledResume {
  readonly band: Band;
  /** 0-based indexes into the case's `must` that this resume does not show. */
  readonly lacks: ReadonlySet<number>;
  readonly text: string;
}

export interface LabelledCase {
  readonly id: string;
  readonly must: readonly string[];
  readonly nice: readonly string[];
  readonly jd: string;
  readonly resumes: readonly LabelledResume[];
}

/** Reads every case of `bench/data/jd-quality/<split>/` (format in that folder's README). */
export function loadLabelledSet(split: 'dev' | 'holdout'): LabelledCase[] {
  const dir = resolve(import.meta.dirname, '../data/jd-quality', split);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseCases(readFileSync(resolve(dir, f), 'utf8'), f));
}

function parseCases(text: string, file: string): LabelledCase[] {
  return text
    .split(/^### case: /m)
    .slice(1)
    .map((block) => {
      const [head = '', ...parts] = block.split(/^--- /m);
      const lines = head.split('\n');
      const id = (lines[0] ?? '').trim();
      const field = (name: string) =>
        (lines.find((l) => l.startsWith(`${name}:`)) ?? `${name}:`)
          .slice(name.length + 1)
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean);
      const must = field('must');
      let jd = '';
      const resumes: LabelledResume[] = [];
      for (const part of parts) {
        const newline = part.indexOf('\n');
        const header = part.slice(0, newline).trim();
        const body = part.slice(newline + 1).trim();
        if (header === 'jd') {
          jd = body;
          continue;
        }
        const m = /^resume (strong|partial|weak)(?: lacks (all|[\d,]+))?$/.exec(header);
        if (!m) throw new Error(`${file}, case ${id}: unreadable part "${header}"`);
        const lacks =
          m[2] === 'all' ? must.map((_, i) => i) : (m[2] ?? '').split(',').filter(Boolean).map((n) => Number(n) - 1);
        if (lacks.some((i) => !(i >= 0 && i < must.length))) throw new Error(`${file}, case ${id}: lacks out of range`);
        resumes.push({ band: m[1] as Band, lacks: new Set(lacks), text: body });
      }
      if (!jd || must.length === 0 || resumes.length < 3) throw new Error(`${file}, case ${id}: incomplete`);
      return { id, must, nice: field('nice'), jd, resumes };
    });
}
