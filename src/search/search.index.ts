import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { markdownToText } from '../articles/markdown.js';
import { tokenize } from './normalize.js';

// Words shorter than this are not worth correcting ("did you mean" vocabulary).
const MIN_TERM_LENGTH = 3;

/**
 * Writes what search knows about one story: headline, dek and body as plain text. Each engine's
 * full-text index follows this row (SQLite by triggers on it, PostgreSQL by a generated column).
 * Called by saveArticle in its transaction, so a story and its index change together.
 */
export async function indexArticle(articleId: number, deps: { db: Kysely<Database>; now: string }): Promise<void> {
  const a = await deps.db.selectFrom('articles').select(['headline', 'dek', 'body']).where('id', '=', articleId).executeTakeFirst();
  await deps.db.deleteFrom('search_documents').where('article_id', '=', articleId).execute();
  if (!a) return;
  await deps.db.insertInto('search_documents').values({ article_id: articleId, headline: a.headline, dek: a.dek, body_text: markdownToText(a.body), indexed_at: deps.now }).execute();
  const terms = [...new Set(tokenize(`${a.headline} ${a.dek}`).filter((t) => t.length >= MIN_TERM_LENGTH && !/^\d+$/.test(t)))];
  if (terms.length) await deps.db.insertInto('search_terms').values(terms.map((term) => ({ term }))).onConflict((oc) => oc.column('term').doNothing()).execute();
}

/** Re-indexes every story (after a migration, or when the index is suspect); returns how many. */
export async function rebuildSearchIndex(deps: { db: Kysely<Database>; now: string }): Promise<number> {
  const ids = await deps.db.selectFrom('articles').select('id').orderBy('id').execute();
  const BATCH = 200;
  for (let i = 0; i < ids.length; i += BATCH) {
    await deps.db.transaction().execute(async (trx) => {
      for (const { id } of ids.slice(i, i + BATCH)) await indexArticle(id, { db: trx, now: deps.now });
    });
  }
  return ids.length;
}
