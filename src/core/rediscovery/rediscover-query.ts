import { isRediscoverFilterWord } from './rediscover-filters.ts';

/**
 * The rediscovery page's form, as query parameters: each is one filter word of the chat and CLI
 * syntax (`dept=operations` is `dept:operations`, `active=on` is `active`), so a URL carries filter
 * words only, never a name or an id of a person. Unknown parameters are ignored.
 */
export const TEXT_PARAMS = [
  'min', 'since', 'limit', 'job', 'dept', 'stage', 'reason', 'source', 'location', 'tag', 'recruiter',
] as const;
/** Words that stand alone (check boxes on the page). */
export const FLAG_PARAMS = ['active', 'hired', 'dnc'] as const;

/** Filters that reach people other teams own, who work here now or who asked not to be contacted: for
 * recruiters and admins only. */
export const RECRUITER_ONLY_FLAGS: readonly string[] = ['active', 'hired', 'dnc'];

export type TextParam = (typeof TEXT_PARAMS)[number];
export type FlagParam = (typeof FLAG_PARAMS)[number];

const MAX_VALUE = 100;

function first(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim().slice(0, MAX_VALUE) : '';
}

/** The filter words a page query stands for, in the order of the form. Spaces in a value become -, as
 * in chat (`job=store manager` is `job:store-manager`). */
export function filterWordsOfQuery(query: unknown): string[] {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const words: string[] = [];
  for (const name of TEXT_PARAMS) {
    const value = first(q[name]).replace(/\s+/g, '-');
    if (value) words.push(`${name}:${value}`);
  }
  for (const name of FLAG_PARAMS) {
    const value = first(q[name]).toLowerCase();
    if (value && value !== '0' && value !== 'off' && value !== 'no') words.push(name);
  }
  return words;
}

/** The query string for filter words (chat's "Open in browser"): words of other forms are left out. */
export function queryOfFilterWords(words: readonly string[]): string {
  const params = new URLSearchParams();
  for (const word of words) {
    if (!isRediscoverFilterWord(word)) continue;
    const lower = word.toLowerCase();
    if ((FLAG_PARAMS as readonly string[]).includes(lower)) {
      params.set(lower, 'on');
      continue;
    }
    const m = /^([a-z-]+)[:=](.*)$/i.exec(word);
    const key = m?.[1]?.toLowerCase() as TextParam | undefined;
    if (key && (TEXT_PARAMS as readonly string[]).includes(key) && m?.[2]) params.set(key, m[2]);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The form's values for filter words (what the page shows in its inputs). */
export function formValuesOf(words: readonly string[]): {
  text: Partial<Record<TextParam, string>>;
  flags: Set<FlagParam>;
} {
  const text: Partial<Record<TextParam, string>> = {};
  const flags = new Set<FlagParam>();
  for (const word of words) {
    if ((FLAG_PARAMS as readonly string[]).includes(word)) {
      flags.add(word as FlagParam);
      continue;
    }
    const m = /^([a-z]+):(.*)$/.exec(word);
    if (m && (TEXT_PARAMS as readonly string[]).includes(m[1]!)) text[m[1] as TextParam] = m[2]!.replace(/-/g, ' ');
  }
  return { text, flags };
}
