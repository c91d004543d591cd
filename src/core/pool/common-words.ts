import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { ftsWord } from './fts-match.ts';

// A word most resumes in the pool share ("engineer" in a pool of engineers) finds a large part of it,
// and ranking a large part of the pool is what makes a search slow, while such a word tells little
// about who fits. Such a word still ranks the candidates the rarer words find, but finds none itself.

/** A word in more than this share of the pool's resumes is common. */
export const COMMON_SHARE = 0.1;

/**
 * The words (of `words`) in more than `share` of the pool's `poolSize` resumes. SQLite counts each
 * word's matches in the index, up to the first one past the share; PostgreSQL reads the lexeme
 * frequencies its statistics keep for the index's column (ANALYZE, which autovacuum runs and the
 * pool's catch-up pass asks for), and finds no word common before the first ANALYZE. `known` keeps
 * the answers of one search, so a word its focused and full queries share is looked up once.
 */
export async function commonWords(
  db: Db,
  words: readonly string[],
  poolSize: number,
  share = COMMON_SHARE,
  known = new Map<string, boolean>(),
): Promise<Set<string>> {
  const unknown = words.filter((w) => !known.has(w));
  if (unknown.length > 0) {
    const found = await lookUpCommon(db, unknown, poolSize, share);
    for (const w of unknown) known.set(w, found.has(w));
  }
  return new Set(words.filter((w) => known.get(w)));
}

async function lookUpCommon(db: Db, words: readonly string[], poolSize: number, share: number): Promise<Set<string>> {
  const common = new Set<string>();
  if (poolSize === 0) return common;
  const sql = rawSql(db);
  if (sql.provider === 'sqlite') {
    const cap = Math.floor(poolSize * share) + 1;
    for (const word of words) {
      const [row] = await sql.rows<{ n: number | bigint }>(
        `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "PoolDocumentFts" WHERE "PoolDocumentFts" MATCH ? LIMIT ?) s`,
        ftsWord(word),
        cap,
      );
      if (Number(row?.n ?? 0) >= cap) common.add(word);
    }
    return common;
  }
  // most_common_elem_freqs is the share of rows holding each lexeme (then three summary numbers, which
  // unnest pairs with no lexeme). Each word's lexeme is found once, then joined to the list.
  const rows = await sql.rows<{ word: string }>(
    `SELECT DISTINCT w."word" FROM
       (SELECT v."word", unnest(tsvector_to_array(to_tsvector('english', v."word"))) AS "lexeme"
          FROM (VALUES ${words.map(() => '(?)').join(', ')}) AS v("word")) w
       JOIN (SELECT m."lexeme", m."freq" FROM "pg_stats" s,
               unnest(s."most_common_elems"::text::text[], s."most_common_elem_freqs") AS m("lexeme", "freq")
             WHERE s."schemaname" = current_schema() AND s."tablename" = 'PoolDocument' AND s."attname" = 'search') c
         ON c."lexeme" = w."lexeme"
     WHERE c."freq" > ?`,
    ...words,
    share,
  );
  for (const r of rows) common.add(r.word);
  return common;
}

/**
 * After many documents changed (a catch-up pass): PostgreSQL's statistics for the planner and the
 * common words, and its visibility map, which lets the pool be counted from an index (a count of
 * 100,000 documents took 74 ms before, 5 ms after). Autovacuum gets there too, later.
 */
export async function analyzePool(db: Db): Promise<void> {
  const sql = rawSql(db);
  if (sql.provider === 'postgresql') await sql.run(`VACUUM (ANALYZE) "PoolDocument"`);
}
