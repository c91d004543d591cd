import { z } from 'zod';

export interface LlmConfig {
  readonly provider: 'openai' | 'anthropic';
  /** OpenAI-compatible base URL (ending in /v1) or Anthropic's API root. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
  /** Anthropic requires max_tokens; also sent to OpenAI-compatible servers. */
  readonly maxTokens: number;
}

export const DEFAULT_BASE_URLS = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
} as const;

const envSchema = z.object({
  LLM_PROVIDER: z.enum(['off', 'openai', 'anthropic']).default('off'),
  LLM_BASE_URL: z.url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  LLM_MAX_TOKENS: z.coerce.number().int().positive().max(32_000).default(1500),
});

/**
 * LLM settings from environment variables; undefined when LLM_PROVIDER is off (the default).
 * The core's config module can call this, or build an LlmConfig itself.
 */
export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig | undefined {
  const parsed = envSchema.parse(env);
  if (parsed.LLM_PROVIDER === 'off') return undefined;
  if (!parsed.LLM_API_KEY) throw new Error('LLM_API_KEY is required when LLM_PROVIDER is set');
  if (!parsed.LLM_MODEL) throw new Error('LLM_MODEL is required when LLM_PROVIDER is set');
  return {
    provider: parsed.LLM_PROVIDER,
    baseUrl: (parsed.LLM_BASE_URL ?? DEFAULT_BASE_URLS[parsed.LLM_PROVIDER]).replace(/\/+$/, ''),
    apiKey: parsed.LLM_API_KEY,
    model: parsed.LLM_MODEL,
    timeoutMs: parsed.LLM_TIMEOUT_SECONDS * 1000,
    maxTokens: parsed.LLM_MAX_TOKENS,
  };
}
