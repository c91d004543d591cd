/**
 * Invisible characters used to smuggle keywords past screeners (or to break words so a human
 * reader and a parser see different text): zero-width spaces and joiners, word joiners, BOMs,
 * soft hyphens, bidirectional overrides and Unicode tag characters.
 */
// \u034F (combining grapheme joiner) is listed apart: a class cannot hold a combining mark.
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]|\u034F|[\u{E0000}-\u{E007F}]/gu;

export function stripInvisibleCharacters(text: string): { text: string; removed: boolean } {
  const cleaned = text.replace(INVISIBLE, '');
  return { text: cleaned, removed: cleaned.length !== text.length };
}

/** Collapses runs of spaces and blank lines left behind by extraction. */
export function tidyWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00A0 ]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
