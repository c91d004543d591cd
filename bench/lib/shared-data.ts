import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The evaluation data directory (`shared/data` beside the repository): SKIMA_SHARED_DATA if set,
 * else the nearest `shared/data` above `from`, so the benches find it from the main checkout
 * (/work/main -> /work/shared) and from a worktree one level deeper (/work/wt/x -> /work/shared).
 */
export function sharedDataDir(from: string): string {
  const override = process.env['SKIMA_SHARED_DATA'];
  if (override) return override;
  let dir = resolve(from, '..');
  for (let i = 0; i < 4; i++) {
    const candidate = resolve(dir, 'shared/data');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(from, '../../shared/data');
}
