/**
 * Prose that asks for several things in one sentence ("The ideal candidate will have strong SQL
 * skills, experience with a BI tool such as Tableau or Power BI, 2+ years in an analyst role, and
 * advanced Excel") is read as one clause per requirement.
 */

/** The words that introduce what is asked: "We'd love to hear from you if you have", "Candidates must have". */
const LEAD_IN =
  /^.*?\b(?:love to hear from you if you(?:\s+have)?|(?:the\s+)?(?:ideal|successful|right)\s+candidates?\s+(?:will|should|must|shall|would)\s+(?:also\s+)?(?:have|be|possess|bring|hold)|(?:candidates?|applicants?|you)\s+(?:must|should|will|shall)\s+(?:also\s+)?(?:have|possess|hold|bring|be)|(?:we\s+are|we're|we\s+are\s+currently)\s+(?:looking\s+for|seeking|hiring)\s+[^,]*?\s+(?:with|who\s+(?:has|have|is))|looking\s+for\s+(?:someone|a\s+candidate|an?\s+\w+(?:\s+\w+)?)\s+(?:with|who\s+(?:has|have|is))|with\s+a\s+(?:focus|specialization|specialisation|background)\s+(?:on|in)|this\s+(?:role|position)\s+requires)\s+/i;

/** A clause that continues the one before it ("..., with at least 3 in a leadership role"). */
const CONTINUATION = /^(?:with|including|which|who|where|especially|particularly|ideally|preferably|as well as|in particular|at least|plus)\b/i;

/**
 * Where a sentence moves to its next requirement without a comma: "... and has worked with",
 * "... who is strong in C", "... and a current PMP certification", "... and excellent communication".
 */
const CLAUSE_BOUNDARY =
  /\s+and\s+with\s+|\s+and\s+(?=(?:are|is|have|has|should|must|can|be|will|hold|holds|possess|you|with|a|an|excellent|strong|good|solid|proven|deep|demonstrated|experience|knowledge|proficiency|familiarity|fluency|hands-on)\b)|\s+who\s+(?:is|are|has|have|can)\s+/i;

/** The requirements a prose sentence asks for, one clause each. */
export function splitClauses(sentence: string): string[] {
  const text = sentence.trim().replace(/[.!?]+$/, '').replace(LEAD_IN, '');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ';' || ch === ',')) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const clauses: string[] = [];
  for (const raw of parts.flatMap((p) => p.split(CLAUSE_BOUNDARY))) {
    const part = raw.trim();
    if (!/[\p{L}]/u.test(part)) continue;
    const previous = clauses.length - 1;
    if (previous >= 0 && CONTINUATION.test(part)) {
      clauses[previous] = `${clauses[previous]}, ${part}`;
      continue;
    }
    clauses.push(part);
  }
  return mergeOrLists(clauses).map((c) => c.replace(/^(?:and|or|also)\s+(?:with\s+)?/i, '').trim()).filter(Boolean);
}

/** "Go, Python, or Java" split at its commas is one requirement met by any of them. */
function mergeOrLists(clauses: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] ?? '';
    if (/^or\s+/i.test(clause) && out.length > 0) {
      // Gather the short entries before "or X" into one list.
      let j = out.length - 1;
      while (j > 0 && wordCount(out[j] ?? '') <= 3 && wordCount(out[j - 1] ?? '') <= 3) j -= 1;
      // "experience with Go, Python, or Java": the list starts inside the clause before it.
      if (j > 0 && wordCount(out[j] ?? '') <= 3 && LIST_OPENING.test(out[j - 1] ?? '')) j -= 1;
      const entries = out.splice(j);
      if (entries.slice(1).every((e) => wordCount(e) <= 4) && (entries.length === 1 || LIST_OPENING.test(entries[0] ?? '') || wordCount(entries[0] ?? '') <= 4) && wordCount(clause) <= 5) {
        out.push(`${entries.join(', ')} ${clause}`);
        continue;
      }
      out.push(...entries);
    }
    out.push(clause);
  }
  return out;
}

/** A clause that ends in the first entry of a list: "... with Go". */
const LIST_OPENING = /\b(?:with|in|of|using|on|such as|including)\s+\S+(?:\s+\S+){0,2}$/i;

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}
