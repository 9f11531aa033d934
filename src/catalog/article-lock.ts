import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Serializes writers of one article's derived rows (its entity links, reports and "Also see"
 * overrides), which are replaced by delete-then-insert. Without it two concurrent PostgreSQL
 * transactions both delete, both insert, and the second fails on the primary key. A no-op update
 * takes the article's row lock on PostgreSQL and the write lock on SQLite, with one query that
 * means the same on both engines (no FOR UPDATE, which SQLite lacks).
 */
export async function lockArticle(trx: Transaction<Database>, articleId: number): Promise<void> {
  await trx.updateTable('articles').set((eb) => ({ id: eb.ref('id') })).where('id', '=', articleId).execute();
}
