// Helpers for migrations only. Like the migrations, they never import application code:
// a migration must mean the same thing forever.
import { PostgresAdapter, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key that the database numbers itself, on either engine. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Instant column: timestamptz on PostgreSQL, ISO 8601 text on SQLite. */
export function instantType(db: Kysely<any>): 'timestamptz' | 'text' {
  return isPostgres(db) ? 'timestamptz' : 'text';
}

/** Calendar date column: date on PostgreSQL, ISO text on SQLite. */
export function dateType(db: Kysely<any>): 'date' | 'text' {
  return isPostgres(db) ? 'date' : 'text';
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
