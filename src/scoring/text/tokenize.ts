/**
 * Tokenising and light stemming shared by the parsers, the scorer and the skill dictionary, so that
 * a phrase is reduced the same way wherever it appears.
 */

export interface Token {
  /** Lower-cased surface form ("c#", ".net", "node.js"). */
  readonly raw: string;
  /** Stemmed form used for matching. */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

// Keeps technical tokens whole: c#, c++, .net, node.js, 401(k) is split, which is fine. This is the
// token pattern; `nextToken` scans for it without running it.
export const TOKEN_RE = /\.?[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[.'’][\p{L}\p{N}+#]+)*/gu;

/** English function words: they carry no evidence of fit. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto over under about above after before '
    + 'between through during within without via per than then so such this that these those there here it its '
    + 'is are was were be been being am do does did done doing have has had having will would shall should can '
    + 'could may might must not no yes all any both each few more most other some own same too very just also '
    + 'only well i me my we our us you your they them their he him his she her hers who whom whose which what '
    + 'when where why how if while etc e.g i.e including include includes using use used able'
  ).split(' '),
);

export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase();
  const out: Token[] = [];
  let at = 0;
  while (at < lower.length) {
    const span = nextToken(lower, at);
    if (!span) break;
    let start = span[0];
    at = span[1];
    let raw = lower.slice(start, at);
    // A leading dot is only meaningful for ".net"-like tokens; drop it for sentence punctuation.
    if (raw.startsWith('.') && !/^\.[a-z]{2,4}$/.test(raw)) {
      raw = raw.slice(1);
      start += 1;
    }
    // A token ends in a letter, digit, "+" or "#" (TOKEN_RE), so only a possessive "'s" is cut.
    const n = raw.length;
    if (n >= 2 && raw.charCodeAt(n - 1) === 115 && (raw[n - 2] === '\'' || raw[n - 2] === '’')) raw = raw.slice(0, n - 2);
    if (raw.length === 0) continue;
    out.push({ raw, stem: stem(raw), start, end: start + raw.length });
  }
  return out;
}

/**
 * The next match of TOKEN_RE in `text` from `from` on, as [start, end], found by a scan instead of
 * the regular expression (tokenising is the scorer's innermost loop): ASCII letters and digits are
 * decided by their code, other characters by the same Unicode classes the expression uses.
 */
function nextToken(text: string, from: number): readonly [number, number] | undefined {
  let i = from;
  while (i < text.length) {
    const width = wordCharWidth(text, i);
    const dotted = width === 0 && text.charCodeAt(i) === 46 ? wordCharWidth(text, i + 1) : 0;
    if (width === 0 && dotted === 0) {
      i += codeUnitsAt(text, i);
      continue;
    }
    let end = width > 0 ? i + width : i + 1 + dotted;
    // [\p{L}\p{N}+#]*
    end = skipTokenChars(text, end);
    // (?:[.'’][\p{L}\p{N}+#]+)*
    for (;;) {
      const c = text.charCodeAt(end);
      if (c !== 46 && c !== 39 && c !== 0x2019) break;
      const after = skipTokenChars(text, end + 1);
      if (after === end + 1) break;
      end = after;
    }
    return [i, end];
  }
  return undefined;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Code units of the letter or digit at `i` (2 for one outside the BMP), or 0 when it is neither. */
function wordCharWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  const width = codeUnitsAt(text, i);
  return WORD_CHAR.test(text.slice(i, i + width)) ? width : 0;
}

function codeUnitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/** Past any run of letters, digits, "+" and "#" from `i`. */
function skipTokenChars(text: string, i: number): number {
  let at = i;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 43 || c === 35) {
      at += 1;
      continue;
    }
    const width = wordCharWidth(text, at);
    if (width === 0) return at;
    at += width;
  }
}

/** Stems of the content words of a text (stop words removed). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!STOP_WORDS.has(t.raw)) out.push(t.stem);
  return out;
}

const STEM_CACHE = new Map<string, string>();

/**
 * A small suffix-stripping stemmer (a subset of Porter's rules): enough to equate
 * "managing"/"management"/"manager" style variants without shipping a dependency.
 */
/** Irregular past forms resumes are written in ("Wrote test plans", "Led a team", "Ran the line"). A
 * Map, not an object: a word such as "constructor" must not find Object's prototype. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['wrote', 'write'],
  ['written', 'write'],
  ['made', 'make'],
  ['ran', 'run'],
  ['led', 'lead'],
  ['built', 'build'],
  ['drove', 'drive'],
  ['driven', 'drive'],
  ['taught', 'teach'],
  ['sold', 'sell'],
  ['grew', 'grow'],
  ['grown', 'grow'],
  ['kept', 'keep'],
  ['held', 'hold'],
  ['took', 'take'],
  ['taken', 'take'],
  ['gave', 'give'],
  ['spoke', 'speak'],
  ['chose', 'choose'],
  ['brought', 'bring'],
  ['bought', 'buy'],
  ['began', 'begin'],
  ['won', 'win'],
]);

/** The irregular forms of three letters or fewer ("led", "ran"): any other word that short is its own stem. */
const SHORT_IRREGULAR: ReadonlySet<string> = new Set([...IRREGULAR.keys()].filter((w) => w.length <= 3));

export function stem(word: string): string {
  // About a third of all tokens are short words ("and", "of", "sql") that computeStem keeps as they
  // are: answering them before the cache saves a lookup in a large Map, the stemmer's main cost.
  if (word.length <= 3 && !SHORT_IRREGULAR.has(word)) return word;
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const irregular = IRREGULAR.get(word);
  const result = irregular !== undefined ? computeStem(irregular) : computeStem(word);
  if (STEM_CACHE.size < 50_000) STEM_CACHE.set(word, result);
  return result;
}

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  // "organizational" meets "organization" and "organize".
  ['izational', 'ize'],
  ['isational', 'ize'],
  ['ational', 'ate'],
  ['ically', 'ic'],
  ['ical', 'ic'],
  ['ics', 'ic'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ements', ''],
  ['ement', ''],
  ['ments', ''],
  ['ment', ''],
  // A noun in "-ation" meets its verb: "implementation"/"implement", "installation"/"install",
  // "configuration"/"configure", "certification"/"certify" (and "operation"/"operate" below).
  ['entations', 'ent'],
  ['entation', 'ent'],
  ['allations', 'all'],
  ['allation', 'all'],
  ['urations', 'ure'],
  ['uration', 'ure'],
  ['ltations', 'lt'],
  ['ltation', 'lt'],
  ['rtations', 'rt'],
  ['rtation', 'rt'],
  ['ifications', 'ify'],
  ['ification', 'ify'],
  ['ations', 'ate'],
  ['ation', 'ate'],
  // "supervision"/"supervise", "revision"/"revise", "precision"/"precise"; "instruction"/"instruct",
  // "production"/"product". Not "-ssion" or "-nsion" ("passion" is not "pass", "pension" not "pen").
  ['isions', 'is'],
  ['ision', 'is'],
  ['ctions', 'ct'],
  ['ction', 'ct'],
  ['ness', ''],
  ['ities', ''],
  ['ity', ''],
  ['ings', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ers', ''],
  ['er', ''],
  ['ors', ''],
  ['or', ''],
  ['ed', ''],
  ['ally', 'al'],
  ['ly', ''],
  ['es', ''],
  ['s', ''],
];

/** Suffixes of inflection (not of derivation): what is left is a word of its own. */
const INFLECTIONS: ReadonlySet<string> = new Set(['ings', 'ing', 'ed']);

function computeStem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  for (const [suffix, repl] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    if (base.length < 3) continue;
    let out = base + repl;
    // "running" -> "run", "planned" -> "plan"
    if (repl === '' && /([b-df-hj-np-tv-z])\1$/.test(out) && !/(ll|ss|zz)$/.test(out)) out = out.slice(0, -1);
    // "engineering"/"engineered" meet "engineer" (and "volunteering" "volunteer"), which loses its "-er".
    if (INFLECTIONS.has(suffix) && out.endsWith('eer')) out = out.slice(0, -2);
    // "monitoring"/"monitored" meet "monitor", "ordering" meets "order": the base word loses its "-or"
    // or "-er" above, so its inflections do too.
    else if (INFLECTIONS.has(suffix) && /[^e](?:er|or)$/.test(out) && out.length >= 5) out = out.slice(0, -2);
    // "managing"/"manage" and "create"/"creating" meet at the same stem.
    return out.replace(/e$/, '');
  }
  return word.replace(/e$/, '');
}
