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

// Keeps technical tokens whole: c#, c++, .net, node.js, 401(k) is split, which is fine.
const TOKEN_RE = /\.?[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[.'’][\p{L}\p{N}+#]+)*/gu;

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
  for (const m of lower.matchAll(TOKEN_RE)) {
    let raw = m[0];
    let start = m.index;
    // A leading dot is only meaningful for ".net"-like tokens; drop it for sentence punctuation.
    if (raw.startsWith('.') && !/^\.[a-z]{2,4}$/.test(raw)) {
      raw = raw.slice(1);
      start += 1;
    }
    raw = raw.replace(/[’']s$/, '').replace(/[.’']+$/, '');
    if (raw.length === 0) continue;
    out.push({ raw, stem: stem(raw), start, end: start + raw.length });
  }
  return out;
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
/** Irregular past forms resumes are written in ("Wrote test plans", "Led a team", "Ran the line"). */
const IRREGULAR: Readonly<Record<string, string>> = {
  wrote: 'write',
  written: 'write',
  made: 'make',
  ran: 'run',
  led: 'lead',
  built: 'build',
  drove: 'drive',
  driven: 'drive',
  taught: 'teach',
  sold: 'sell',
  grew: 'grow',
  grown: 'grow',
  kept: 'keep',
  held: 'hold',
  took: 'take',
  taken: 'take',
  gave: 'give',
  spoke: 'speak',
  chose: 'choose',
  brought: 'bring',
  bought: 'buy',
  began: 'begin',
  won: 'win',
};

export function stem(word: string): string {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const irregular = IRREGULAR[word];
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
    if (/^(?:ing|ings|ed)$/.test(suffix) && out.endsWith('eer')) out = out.slice(0, -2);
    // "managing"/"manage" and "create"/"creating" meet at the same stem.
    return out.replace(/e$/, '');
  }
  return word.replace(/e$/, '');
}
