// Counts as job descriptions and resumes write them: "5+", "five", "three (3)".

const WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
]);

/**
 * A count in digits or words, with the digits some write after the words ("three (3)"): for a
 * RegExp, with the count itself as a capture group.
 */
export const COUNT = `(\\d+(?:\\.\\d+)?|${[...WORDS.keys()].join('|')})(?:\\s*\\(\\s*\\d+\\s*\\+?\\s*\\))?`;

/** The value of a count `COUNT` captured: "5" -> 5, "Five" -> 5; 0 for anything else. */
export function countValue(captured: string | undefined): number {
  if (!captured) return 0;
  return Number(captured) || WORDS.get(captured.toLowerCase()) || 0;
}
