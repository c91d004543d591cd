/**
 * How deeply a JSON text nests arrays and objects, read without parsing it (strings are skipped, so a
 * bracket inside a value does not count). Stops counting past `limit`, so a hostile body costs one
 * pass at most. Deep nesting is not JSON.parse's problem but everything after it (validation,
 * serialising into the queue) recurses, and 20,000 levels overflow the stack.
 */
export function jsonNestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
