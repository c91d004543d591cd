/**
 * Whitespace clean-ups the parsers run on every clause and label. `text.replace(/\s+/g, ' ')` matches
 * (and rebuilds the string) at every gap between words even when each gap is already one space, which
 * is nearly always; checking first is about three times cheaper.
 */

const WHITESPACE_RUN = /\s+/g;
const WHITESPACE = /\s/;

/** `text.replace(/\s+/g, ' ')`: every run of whitespace as one space. */
export function collapseWhitespace(text: string): string {
  return hasLooseWhitespace(text) ? text.replace(WHITESPACE_RUN, ' ') : text;
}

/** Whether `text` has whitespace other than single spaces (two in a row, a tab, a newline, ...). */
function hasLooseWhitespace(text: string): boolean {
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return true;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c > 32 && c < 128) continue;
    // Control characters other than \t-\r are not whitespace; above ASCII, ask the same class \s uses.
    if (c < 32 ? c >= 9 && c <= 13 : WHITESPACE.test(text.charAt(i))) return true;
  }
  return false;
}

/**
 * `text.replace(/[.;:!]+$/, '')`: the text without its closing punctuation, found from the end (the
 * pattern is tried at every position).
 */
export function trimClosingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 46 && c !== 59 && c !== 58 && c !== 33) break;
    end -= 1;
  }
  return end === text.length ? text : text.slice(0, end);
}
