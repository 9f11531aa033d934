import type { Kysely } from 'kysely';
import { instantType, notNull } from './helpers.js';

// When two records of one person are merged (src/newsroom/kb/people.service.ts), the removed
// record's page keeps working: /people/<old-slug> answers 301 to the kept person's page.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_redirects')
    .addColumn('old_slug', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', instantType(db), notNull)
    .execute();
  await db.schema.createIndex('person_redirects_person_idx').on('person_redirects').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_redirects').execute();
}
