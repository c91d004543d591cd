import { allMatches } from './matches.ts';

/**
 * Stretches of a resume line that deny a skill rather than claim it: "UI lead without Angular JS",
 * "BGP, OSPF, except IGMP", "no experience with Kubernetes", "React has been removed". Words in
 * them are not evidence ("Despite Qlikview not being part of the tool set"). Offsets are relative to the line.
 */
const LEADING_CUE =
  /\b(?:without|minus|except(?:\s+for)?|excluding|excludes?|excluded|with\s+the\s+exception\s+of|other\s+than|apart\s+from|lacks?|lacking|no\s+(?:prior\s+)?(?:experience|knowledge|exposure|background|familiarity)\s+(?:in|with|of|on)|not\s+(?:familiar|experienced|proficient|skilled|trained|certified|knowledgeable)\s+(?:in|with|on)|never\s+(?:used|worked\s+(?:with|on)))\b/gi;
const TRAILING_CUE =
  /\b(?:(?:has|have|had)\s+been|was|were|is|are)\s+(?:removed|excluded|omitted)\b|\b(?:(?:is|are|was|were)\s+(?:not|no\s+longer)|not\s+being)\s+(?:included|listed|present|part\s+of)\b/gi;
/** Where a denial ends: the end of the clause, or a new clause after a comma ("…, but …"). */
const CLAUSE_END = /[.;:!?]|,\s*(?:but|the|and\s+the|while|which|who|he|she|they|i|we)\b/gi;
const CLAUSE_MARKS = '.;:!?';

export function negatedSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const m of allMatches(LEADING_CUE, text)) {
    const from = m.index + m[0].length;
    CLAUSE_END.lastIndex = from;
    const end = CLAUSE_END.exec(text);
    spans.push([m.index, end ? end.index : text.length]);
  }
  for (const m of allMatches(TRAILING_CUE, text)) {
    spans.push([clauseStart(text, m.index), m.index + m[0].length]);
  }
  return spans;
}

/** Where the clause holding `index` starts: after the last sentence or clause mark before it, else 0. */
function clauseStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_MARKS.includes(text.charAt(i))) return i + 1;
  return 0;
}

/** True when [start, end) lies inside one of the spans. */
export function inSpans(spans: ReadonlyArray<readonly [number, number]>, start: number): boolean {
  for (const [s, e] of spans) if (start >= s && start < e) return true;
  return false;
}
