/** Phrases that try to instruct a screener, in resumes and hidden text. */
const INJECTION_PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:instructions?|prompts?|rules|guidelines|above|previous)\b/i,
  /\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|chatgpt|gpt|claude|llm)\b/i,
  /\b(?:system|developer)\s*(?:prompt|message|instructions?)\b/i,
  /^\s*(?:system|assistant|user)\s*:/im,
  /<\/?\s*(?:system|instructions?|prompt)\s*>/i,
  /\b(?:give|assign|rate|score)\b[^.\n]{0,40}\b(?:100|highest|top|maximum|perfect)\b[^.\n]{0,30}\b(?:score|rating|candidate|match)\b/i,
  /\b(?:this|the) candidate (?:is|must be) (?:the )?(?:perfect|ideal|best)(?: fit| match)?\b[^.\n]{0,30}\b(?:rank|score|select|hire)\b/i,
];

export function detectPromptInjection(text: string): boolean {
  return INJECTION_PATTERNS.some((re) => re.test(text));
}
