import type { Kysely } from 'kysely';
import { instantType, notNull, withId } from './helpers.js';

// Names in an article that fit more than one entity (two people called Park Ji Hoon): the linker
// links none of them and records the name here for an editor. Rewritten on every save of the
// article; a settled row keeps the editor's choice so the next save applies it again.
export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);
  await withId(db, db.schema.createTable('mention_reports'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // The name as written, whitespace collapsed, e.g. "Park Ji Hoon".
    .addColumn('surface', 'text', notNull)
    // JSON array of {"type","id"} of every entity the name fits, e.g. [{"type":"person","id":3}, ...].
    .addColumn('candidates', 'text', notNull)
    // The editor's choice, "person:3"; null while the report is open.
    .addColumn('settled_ref', 'text')
    .addColumn('created_at', instant, notNull)
    .addColumn('settled_at', instant)
    .addUniqueConstraint('mention_reports_unique', ['article_id', 'surface'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mention_reports').execute();
}
