import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far each V8 heap of this process may grow past what survived its last full collection
 * (`--heap-growing-percent`). V8 otherwise lets a heap that allocates fast grow up to 4 times its live
 * size between collections: during a backfill the main thread's heap reached 500 MB and the scoring
 * thread's 400 MB with about 50 and 27 MB alive, and the pages stayed in RSS. The flag is process-wide
 * and read at every collection, so scoring threads started later follow it too. 0 leaves V8 its own.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
