import { bundledSkillDictionaryVersion } from './skills/dictionary.ts';

/** Bump on any change to parsing, features or weights: stored scores record it, and a new version re-scores. */
export const SCORER_ALGORITHM_VERSION = '2.6.0';

/** "skima-lexical/1.0.0+skills.2026.11.0": the algorithm and the skill dictionary it used. */
export function defaultScorerVersion(): string {
  return `skima-lexical/${SCORER_ALGORITHM_VERSION}+skills.${bundledSkillDictionaryVersion()}`;
}
