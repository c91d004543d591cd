/** The scoring module's public API: what the core (and the CLI) call. */
export { type ExtractOptions, extractText } from './extract/extract-text.ts';
export { htmlToText } from './extract/html.ts';
export {
  DEFAULT_EXTRACT_LIMITS,
  type ExtractLimits,
  type ExtractResult,
  type HiddenTextKind,
  type UnreadableReason,
} from './extract/types.ts';
export { detectPromptInjection } from './injection.ts';
export {
  applyRequirementEdits,
  type EditedJob,
  type RequirementEdit,
  type ParsedJob,
  parseJobDescription,
  type Requirement,
  type RequirementKind,
  type RequirementRule,
  type RequirementTerm,
} from './jd/index.ts';
export { DEFAULT_BASE_URLS, type LlmConfig, llmConfigFromEnv } from './llm/config.ts';
export { createLlmScorer, type LlmScorer, LlmScoringError, type ScoringLogger } from './llm/llm-scorer.ts';
export { candidateLocation } from './location.ts';
export { redactPersonalData } from './redact.ts';
export { createScorer, type DefaultScorer, type ScorerOptions } from './scorer.ts';
export {
  createScoringPool,
  type ScoringPool,
  type ScoringPoolOptions,
  ScoringThreadDiedError,
  ScoringThreadError,
} from './threads/scoring-pool.ts';
export type { ThreadHeap } from './threads/protocol.ts';
export { bundledSkillDictionary } from './skills/dictionary.ts';
export { STOP_WORDS } from './text/tokenize.ts';
export { type Reason, SCORE_BANDS, type ScoreOptions, type ScoreResult, type Scorer, scoreBand, unroundedScore } from './types.ts';
export { defaultScorerVersion } from './version.ts';
