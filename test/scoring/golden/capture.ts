/**
 * Writes expected.json: the scorer's results on the golden pairs (see pairs.ts). Run it only when
 * scores are meant to change (and bump SCORER_ALGORITHM_VERSION), then review the diff:
 * npx tsx test/scoring/golden/capture.ts
 */
import { writeFileSync } from 'node:fs';
import { SCORER_ALGORITHM_VERSION } from '../../../src/scoring/version.ts';
import { GOLDEN_FILE, labelledPairs, rjdbPairs, scorePairs } from './pairs.ts';

const rjdb = rjdbPairs();
if (rjdb.length === 0) throw new Error('RJDB dev is not present: the golden file needs it');
const results = scorePairs([...labelledPairs(), ...rjdb]);
writeFileSync(GOLDEN_FILE, `${JSON.stringify({ version: SCORER_ALGORITHM_VERSION, results }, null, 1)}\n`);
console.log(`wrote ${Object.keys(results).length} results to ${GOLDEN_FILE}`);
