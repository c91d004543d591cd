// FTS5 MATCH expressions from plain words (SQLite's side of the pool index).

/** A word as FTS5 reads it literally: quoted, so nothing in it is an operator. */
export function ftsWord(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** Documents holding any of the words. */
export function ftsAnyOf(words: readonly string[]): string {
  return words.map(ftsWord).join(' OR ');
}
