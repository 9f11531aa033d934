import type { Kysely } from 'kysely';

// Closes the same-instant race of the duplicate check: a keyed hash of (email, body) per article,
// unique, so two identical comments posted at once cannot both be stored. Null when the comment
// is trashed or its author erased (a trashed comment does not block posting it again).
// Also: top-level comments of one article in id order (the first step of the thread query),
// which otherwise scanned every top-level comment on the site.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('duplicate_key', 'text').execute();
  await db.schema.createIndex('comments_article_duplicate_key_uq').on('comments').columns(['article_id', 'duplicate_key']).unique().execute();
  await db.schema.createIndex('comments_article_top_level_idx').on('comments').columns(['article_id', 'parent_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_article_top_level_idx').execute();
  await db.schema.dropIndex('comments_article_duplicate_key_uq').execute();
  await db.schema.alterTable('comments').dropColumn('duplicate_key').execute();
}
