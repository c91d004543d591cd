import { z } from 'zod';
import { detectPromptInjection } from '../injection.ts';
import { clip } from '../jd/labels.ts';
import { MAX_REASON_CHARS, MAX_REASONS, MIN_REASONS } from '../reasons.ts';
import { redactPersonalData } from '../redact.ts';
import type { Reason, ScoreOptions, ScoreResult, Scorer } from '../types.ts';
import type { LlmConfig } from './config.ts';
import { PROMPT_VERSION, SYSTEM_PROMPT, userPrompt } from './prompt.ts';

/** Structural logger (pino's Logger satisfies it). Never given resume text. */
export interface ScoringLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface LlmScorer {
  readonly version: string;
  score(jd: string, resume: string, options?: ScoreOptions): Promise<ScoreResult>;
}

export interface LlmScorerDeps {
  readonly fetch?: typeof fetch;
  readonly logger?: ScoringLogger;
}

export type LlmFailure = 'http' | 'timeout' | 'invalid_json' | 'invalid_shape' | 'no_grounded_reasons' | 'network';

export class LlmScoringError extends Error {
  constructor(
    readonly kind: LlmFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LlmScoringError';
  }
}

const llmOutputSchema = z.object({
  score: z.number().min(0).max(100),
  reasons: z.array(z.object({ text: z.string().min(1).max(400), quote: z.string().min(1).max(2000) })).max(10),
  missing: z.array(z.string().min(1).max(300)).max(30).default([]),
  injection_detected: z.boolean().optional(),
});

const openAiResponseSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

const anthropicResponseSchema = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })).min(1),
});

/**
 * The optional LLM scorer: one chat call at temperature 0 on the redacted resume, JSON output
 * validated with zod, reasons kept only when their quote is verbatim in the resume. Any failure
 * (HTTP error, timeout, invalid JSON or shape, no grounded reason) returns the fallback scorer's
 * result, flagged with the cause.
 */
export function createLlmScorer(config: LlmConfig, fallback: Scorer, deps: LlmScorerDeps = {}): LlmScorer {
  const doFetch = deps.fetch ?? fetch;
  const version = `skima-llm/${PROMPT_VERSION}+${config.provider}:${config.model}`;

  async function callModel(jd: string, redacted: string): Promise<string> {
    const signal = AbortSignal.timeout(config.timeoutMs);
    const user = userPrompt(jd, redacted);
    let response: Response;
    try {
      response =
        config.provider === 'openai'
          ? await doFetch(`${config.baseUrl}/chat/completions`, {
              method: 'POST',
              signal,
              headers: { 'content-type': 'application/json', 'authorization': `Bearer ${config.apiKey}` },
              body: JSON.stringify({
                model: config.model,
                temperature: 0,
                max_tokens: config.maxTokens,
                response_format: { type: 'json_object' },
                messages: [
                  { role: 'system', content: SYSTEM_PROMPT },
                  { role: 'user', content: user },
                ],
              }),
            })
          : await doFetch(`${config.baseUrl}/v1/messages`, {
              method: 'POST',
              signal,
              headers: {
                'content-type': 'application/json',
                'x-api-key': config.apiKey,
                'anthropic-version': '2023-06-01',
              },
              body: JSON.stringify({
                model: config.model,
                temperature: 0,
                max_tokens: config.maxTokens,
                system: SYSTEM_PROMPT,
                messages: [{ role: 'user', content: user }],
              }),
            });
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new LlmScoringError('timeout', 'LLM call timed out');
      throw new LlmScoringError('network', 'LLM call failed');
    }
    if (!response.ok) throw new LlmScoringError('http', `LLM endpoint answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new LlmScoringError('timeout', 'LLM call timed out');
      throw new LlmScoringError('invalid_json', 'LLM endpoint did not return JSON');
    }
    if (config.provider === 'openai') {
      const parsed = openAiResponseSchema.safeParse(body);
      if (!parsed.success) throw new LlmScoringError('invalid_shape', 'unexpected chat-completions response');
      return parsed.data.choices[0]?.message.content ?? '';
    }
    const parsed = anthropicResponseSchema.safeParse(body);
    if (!parsed.success) throw new LlmScoringError('invalid_shape', 'unexpected messages response');
    return parsed.data.content.map((c) => (c.type === 'text' ? (c.text ?? '') : '')).join('');
  }

  return {
    version,
    async score(jd, resume, options) {
      const redaction = redactPersonalData(resume);
      const injection = detectPromptInjection(resume);
      const baseFlags = injection ? ['prompt_injection'] : [];
      try {
        const content = await callModel(withEdits(jd, options), redaction.text);
        const output = parseModelJson(content);
        const reasons = groundReasons(output.reasons, resume, redaction.text);
        if (reasons.length === 0) throw new LlmScoringError('no_grounded_reasons', 'no reason quoted the resume');
        const flags = [...baseFlags];
        if (output.injection_detected && !flags.includes('prompt_injection')) flags.push('prompt_injection');
        if (reasons.length < output.reasons.length) flags.push('ungrounded_reasons_dropped');
        // Top up with the default scorer's grounded reasons when the model kept too few.
        // Lines the model did not quote first; then other requirements on a line it quoted (the
        // default scorer gives each requirement its own reason, and several may share one line).
        if (reasons.length < MIN_REASONS) {
          const extra = fallback.score(jd, resume, options).reasons;
          const sameSpan = (r: Reason) => reasons.some((x) => x.start === r.start && x.end === r.end);
          for (const r of [...extra.filter((r) => !sameSpan(r)), ...extra.filter(sameSpan)]) {
            if (reasons.length >= MIN_REASONS) break;
            if (!reasons.some((x) => x.start === r.start && x.end === r.end && x.text === r.text)) reasons.push(r);
          }
        }
        return {
          score: Math.round(output.score),
          reasons,
          missing: output.missing.map((m) => clip(m, 100)),
          features: { llm: output.score / 100 },
          scorer: version,
          ...(flags.length ? { flags } : {}),
        };
      } catch (err) {
        const kind = err instanceof LlmScoringError ? err.kind : 'invalid_shape';
        deps.logger?.warn(
          { kind, provider: config.provider, model: config.model },
          'LLM scoring failed; using the default scorer',
        );
        const result = fallback.score(jd, resume, options);
        const flags = [...new Set([...baseFlags, ...(result.flags ?? []), `llm_fallback:${kind}`])];
        return { ...result, flags };
      }
    },
  };
}

/** The model reads people's corrections to the requirements after the description they correct. */
function withEdits(jd: string, options: ScoreOptions | undefined): string {
  const edits = options?.requirements ?? [];
  if (edits.length === 0) return jd;
  const lines = edits.map((e) => {
    if (e.op === 'remove') return `- Not a requirement: ${e.label}`;
    const status = e.essential ? 'essential must-have' : e.mustHave === false ? 'nice-to-have' : 'must-have';
    if (e.op === 'add') return `- Also required (${status}): ${e.label}${e.terms?.length ? ` (any of: ${e.terms.join(', ')})` : ''}`;
    return `- ${e.label}: ${e.mustHave === undefined && e.essential === undefined ? 'as written' : status}`;
  });
  return `${jd}\n\nThe hiring team corrected these requirements:\n${lines.join('\n')}`;
}

function parseModelJson(content: string): z.infer<typeof llmOutputSchema> {
  // Some servers wrap JSON in a code fence despite the JSON mode.
  const trimmed = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    throw new LlmScoringError('invalid_json', 'model output is not JSON');
  }
  const parsed = llmOutputSchema.safeParse(data);
  if (!parsed.success) throw new LlmScoringError('invalid_shape', 'model output does not match the schema');
  return parsed.data;
}

/**
 * Keeps a reason only when its quote appears verbatim in the resume, outside redacted stretches
 * (the model saw the redacted text). Offsets are the first such occurrence.
 */
function groundReasons(
  reasons: ReadonlyArray<{ text: string; quote: string }>,
  original: string,
  redacted: string,
): Reason[] {
  const out: Reason[] = [];
  for (const r of reasons) {
    if (out.length >= MAX_REASONS) break;
    const quote = r.quote.trim();
    if (quote.length < 3) continue;
    let at = redacted.indexOf(quote);
    while (at >= 0 && original.slice(at, at + quote.length) !== quote) at = redacted.indexOf(quote, at + 1);
    if (at < 0) continue;
    out.push({ text: clip(r.text.trim(), MAX_REASON_CHARS), quote, start: at, end: at + quote.length });
  }
  return out;
}
