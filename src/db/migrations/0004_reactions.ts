import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres, notNull } from './helpers.js';

// Reactions: one row per (story, reader) and a running total per (story, reaction).
export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);
  // On SQLite a table keyed by its primary key is stored in that key's b-tree (no rowid copy),
  // which halves the b-trees a vote writes to.
  const withoutRowid = <T extends { modifyEnd(s: ReturnType<typeof sql>): T }>(t: T): T => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`));

  await withoutRowid(
    db.schema
      .createTable('reactions')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('reader_id', 'text', notNull)
      .addColumn('reaction', 'text', notNull)
      .addColumn('voted_at', instant, notNull)
      .addPrimaryKeyConstraint('reactions_pk', ['article_id', 'reader_id']),
  ).execute();
  // No secondary index: every vote would pay for it (a third b-tree per write, a third of the cost
  // of a vote on SQLite), and nothing reads votes other than by (article, reader). Counts come
  // from reaction_totals; the weekly lists rank this week's stories by their totals.

  await withoutRowid(
    db.schema
      .createTable('reaction_totals')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('reaction', 'text', notNull)
      // A bug that decremented twice fails loudly here instead of showing -1.
      .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0).check(sql`votes >= 0`))
      .addPrimaryKeyConstraint('reaction_totals_pk', ['article_id', 'reaction']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reaction_totals').execute();
  await db.schema.dropTable('reactions').execute();
}
