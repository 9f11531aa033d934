// The engine-specific parts of search, one small function per need. Everything else in
// src/search/ is the same on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

/** Query words are letters and digits only (see tokenize), so they are safe in either syntax. */
const safeWord = (w: string): string => w.replace(/[^\p{L}\p{N}]/gu, '');

const HANGUL = /\p{Script=Hangul}/u;

/**
 * Stories whose headline, dek or body hold every word (each word also as a prefix: "webtoon"
 * finds "webtoons", "송강" finds "송강은"), with the engine's relevance, higher is better.
 * Headline counts most, then dek, then body. At most `limit`, best first.
 *
 * On PostgreSQL a prefix of a short word is costly at scale (at 1M stories "kang:*" walks every
 * indexed word starting with "kang": 20-40 ms against 0.2-4 ms for the word itself), so the
 * words are first looked up as they are (Hangul words still as prefixes: particles attach to
 * them, 송강은), and the last word as a prefix only when that finds nothing (typed half-way).
 */
export async function matchStoryText(db: Db, words: string[], limit: number): Promise<Map<number, number>> {
  const clean = words.map(safeWord).filter(Boolean);
  if (!clean.length) return new Map();
  if (db.dialect === 'postgres') {
    const run = async (query: string) => {
      const { rows } = await sql<{ id: number; rank: number }>`
        select article_id as id, ts_rank(document, q) as rank
        from search_documents, to_tsquery('simple', ${query}) q
        where document @@ q order by rank desc limit ${limit}`.execute(db.kysely);
      return new Map(rows.map((r) => [r.id, Number(r.rank)]));
    };
    const exact = clean.map((w) => (HANGUL.test(w) ? `${w}:*` : w)).join(' & ');
    // Only the last word may be unfinished: the words before it were ended by a space.
    const prefixed = clean.map((w, i) => (HANGUL.test(w) || i === clean.length - 1 ? `${w}:*` : w)).join(' & ');
    const found = await run(exact);
    return found.size > 0 || exact === prefixed ? found : run(prefixed);
  }
  const query = clean.map((w) => `"${w}"*`).join(' AND ');
  // bm25 is lower-is-better and negative; weights favour the headline, then the dek.
  const { rows } = await sql<{ id: number; rank: number }>`
    select rowid as id, -bm25(search_fts, 10.0, 4.0, 1.0) as rank
    from search_fts where search_fts match ${query} order by rank desc limit ${limit}`.execute(db.kysely);
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

/**
 * Known words close to `word` (typos), closest first: pg_trgm similarity on PostgreSQL; on
 * SQLite the words of similar length sharing the first letter (the caller ranks by edit distance).
 */
export async function similarTerms(db: Db, word: string, limit: number): Promise<string[]> {
  const w = safeWord(word);
  if (!w) return [];
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ term: string }>`
      select term from search_terms where term operator(public.%) ${w}
      order by public.similarity(term, ${w}) desc, term limit ${limit}`.execute(db.kysely);
    return rows.map((r) => r.term);
  }
  const { rows } = await sql<{ term: string }>`
    select term from search_terms where substr(term, 1, 1) = substr(${w}, 1, 1)
      and length(term) between ${w.length - 2} and ${w.length + 2} limit ${limit * 50}`.execute(db.kysely);
  return rows.map((r) => r.term);
}
