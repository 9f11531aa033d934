import type { Kysely } from 'kysely';

// Indexes for the hot queries at a million stories, found by test/explain.test.ts: lists of
// stories newest first (front page, per kind, API paging) walk published_at backwards instead of
// sorting the table, and the "most loved" list starts from the week's stories.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_published_at_idx').on('articles').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('articles_kind_published_idx').on('articles').columns(['kind', 'published_at']).execute();
  // "Most loved this week": walk one reaction's totals from the top and keep the week's stories.
  await db.schema.createIndex('reaction_totals_reaction_votes_idx').on('reaction_totals').columns(['reaction', 'votes']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reaction_totals_reaction_votes_idx').execute();
  await db.schema.dropIndex('articles_kind_published_idx').execute();
  await db.schema.dropIndex('articles_published_at_idx').execute();
}
