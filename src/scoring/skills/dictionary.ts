import { z } from 'zod';
import rawDictionary from '../data/skills.json' with { type: 'json' };
import { type Token, tokenize } from '../text/tokenize.ts';

const skillEntrySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  family: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
  /**
   * Skills this one is a kind of ("scrum" -> "agile"): a resume naming Scrum claims Agile too, but a
   * job asking for Scrum is not met by Agile (a category is no evidence of one named method or tool).
   */
  broader: z.array(z.string().min(1)).optional(),
});

const dictionaryFileSchema = z.object({
  version: z.string().min(1),
  provenance: z.string().min(1),
  skills: z.array(skillEntrySchema),
});

export type SkillEntry = z.infer<typeof skillEntrySchema>;

export interface SkillMention {
  readonly skillId: string;
  /** Offsets of the alias in the text that was searched. */
  readonly start: number;
  readonly end: number;
}

export interface SkillDictionary {
  readonly version: string;
  readonly skills: ReadonlyMap<string, SkillEntry>;
  /** Every alias occurrence in the tokens, longest alias first at each position. */
  find(tokens: readonly Token[]): SkillMention[];
  /** The skill and the broader skills it is a kind of (see `broader` in the file). */
  withBroader(skillId: string): readonly string[];
}

/** Builds a dictionary from data shaped like `data/skills.json` (validated). */
export function buildSkillDictionary(data: unknown): SkillDictionary {
  const parsed = dictionaryFileSchema.parse(data);
  const skills = new Map<string, SkillEntry>();
  // Aliases are matched on stem sequences, so "spreadsheets" finds "spreadsheet".
  const byKey = new Map<string, string>();
  // The written forms of the aliases behind each key: a word the stemmer reduces to an alias's stem
  // but that is only the start of the alias ("dock" for "docker") is another word.
  const formsByKey = new Map<string, string[][]>();
  // The longest alias starting with each stem: most words start none, and are passed over at once.
  const longestFrom = new Map<string, number>();
  for (const entry of parsed.skills) {
    skills.set(entry.id, entry);
    for (const alias of [entry.label, ...entry.aliases]) {
      const tokens = tokenize(alias);
      const stems = tokens.map((t) => t.stem);
      if (stems.length === 0) continue;
      longestFrom.set(stems[0]!, Math.max(longestFrom.get(stems[0]!) ?? 0, stems.length));
      const key = stems.join(' ');
      if (!byKey.has(key)) byKey.set(key, entry.id);
      if (byKey.get(key) === entry.id) {
        const forms = formsByKey.get(key);
        if (forms) forms.push(tokens.map((t) => t.raw));
        else formsByKey.set(key, [tokens.map((t) => t.raw)]);
      }
    }
  }
  const sameWord = (written: string, form: string) =>
    !(form.length > written.length && form.startsWith(written) && !/^(?:s|es|'s)$/.test(form.slice(written.length)));
  const writtenAsAlias = (key: string, tokens: readonly Token[]) =>
    (formsByKey.get(key) ?? []).some((form) => form.every((f, k) => sameWord(tokens[k]?.raw ?? '', f)));
  for (const entry of parsed.skills) {
    for (const id of entry.broader ?? []) {
      if (!skills.has(id)) throw new Error(`skill ${entry.id}: unknown broader skill ${id}`);
    }
  }
  return {
    version: parsed.version,
    skills,
    withBroader: (skillId) => [skillId, ...(skills.get(skillId)?.broader ?? [])],
    find(tokens) {
      const out: SkillMention[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const longest = longestFrom.get(tokens[i]!.stem);
        if (longest === undefined) continue;
        for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
          let key = tokens[i]!.stem;
          for (let k = 1; k < n; k++) key += ` ${tokens[i + k]!.stem}`;
          const id = byKey.get(key);
          if (id && writtenAsAlias(key, tokens.slice(i, i + n))) {
            out.push({ skillId: id, start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
            i += n - 1;
            break;
          }
        }
      }
      return out;
    },
  };
}

let bundled: SkillDictionary | undefined;

/** The dictionary shipped with Skima (parsed once; it is immutable data, not a connection). */
export function bundledSkillDictionary(): SkillDictionary {
  bundled ??= buildSkillDictionary(rawDictionary);
  return bundled;
}

/** The shipped dictionary's version, without building it (a scorer's version is asked for long before,
 * or without, any scoring: a CLI command that only reads the database). */
export function bundledSkillDictionaryVersion(): string {
  return dictionaryFileSchema.shape.version.parse((rawDictionary as { version?: unknown }).version);
}
