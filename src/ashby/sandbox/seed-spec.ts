import { type FileSeed, readFileSeed } from './file-seed.ts';

/** Which company the sandbox starts with. */
export type SeedSpec =
  | { name: 'small' }
  | { name: 'demo' }
  | { name: 'large'; applications: number }
  | { name: 'jsonl'; path: string };

export interface SeedShape {
  jobs: number;
  applications: number;
  /** A company read from a file: its jobs and candidates (one application each). */
  file?: FileSeed;
}

export function parseSeed(text: string): SeedSpec {
  if (text === 'small' || text === 'demo') return { name: text };
  const large = /^large:(\d+)$/.exec(text);
  if (large) {
    const applications = Number(large[1]);
    if (applications >= 1 && applications <= 5_000_000) return { name: 'large', applications };
  }
  const jsonl = /^jsonl:(.+)$/.exec(text);
  if (jsonl) return { name: 'jsonl', path: jsonl[1]! };
  throw new Error(`unknown seed "${text}": use small, demo, large:N (N from 1 to 5000000) or jsonl:PATH`);
}

export function seedShape(spec: SeedSpec): SeedShape {
  switch (spec.name) {
    case 'small':
      return { jobs: 2, applications: 12 };
    case 'demo':
      return { jobs: 5, applications: 300 };
    case 'large':
      return { jobs: 10, applications: spec.applications };
    case 'jsonl': {
      const file = readFileSeed(spec.path);
      return { jobs: file.jobs.length, applications: file.candidates.length, file };
    }
  }
}
