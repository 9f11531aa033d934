import type { Kysely } from 'kysely';
import { dateType, notNull, withId } from './helpers.js';

// Specials: broadcasts outside the weekly slots that count as episodes (a double bill on another
// night, a special episode moved to a holiday). Breaks (0001) remove slots; specials add them.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('schedule_specials'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('air_date', dateType(db), notNull)
    .addColumn('local_time', 'text', notNull)
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('schedule_specials_unique', ['drama_id', 'air_date', 'local_time'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('schedule_specials').execute();
}
