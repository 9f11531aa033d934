import { sql, type Kysely } from 'kysely';
import { instantType, notNull, withId } from './helpers.js';

// Editors' say over an article's "Also see" box: pin an entry (a person in a drama) in a chosen
// place, or hide one the graph suggested. The box itself is computed; only the overrides are stored.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('also_see_overrides'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('pin', 'hide')`))
    // Order of pins in the box, 1 first; hides keep 0.
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instantType(db), notNull)
    // One decision per entry; the unique index also serves "overrides of this article".
    .addUniqueConstraint('also_see_overrides_unique', ['article_id', 'person_id', 'drama_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('also_see_overrides').execute();
}
