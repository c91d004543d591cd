/**
 * Whitespace clean-ups the parsers run on every clause and label. `text.replace(/\s+/g, ' ')` matches
 * (and rebuilds the string) at every gap between words even when each gap is already one space, which
 * is nearly always; checking first is about three times cheaper.
 */

const WHITESPACE_RUN = /\s+/g;
/** Whitespace that collapsing would change: two in a row, or any but a plain space (tab, newline, ...). */
const LOOSE_WHITESPACE = /\s\s|[^\S ]/;

/** `text.replace(/\s+/g, ' ')`: every run of whitespace as one space. */
export function collapseWhitespace(text: string): string {
  return LOOSE_WHITESPACE.test(text) ? text.replace(WHITESPACE_RUN, ' ') : text;
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
