import { sql, type Kysely } from 'kysely';
import { instantType, isPostgres } from './helpers.js';

// Search: one plain table of what is searchable about each story (the same on both engines),
// and each engine's own full-text index over it. SQLite: an FTS5 table with external content,
// kept in step by triggers on search_documents. PostgreSQL: a generated, weighted tsvector with
// a GIN index, and pg_trgm (in public, where one database's extensions live) for fuzzy terms.
// search_terms is the vocabulary "did you mean" corrects against.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('indexed_at', instantType(db), (c) => c.notNull())
    .execute();
  await db.schema.createTable('search_terms').addColumn('term', 'text', (c) => c.primaryKey()).execute();

  if (isPostgres(db)) {
    // Extensions are per database, not per schema; the lock keeps parallel migrations (one test
    // schema each) from racing to create it.
    await sql`select pg_advisory_xact_lock(hashtext('onset:pg_trgm'))`.execute(db);
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    await sql`alter table search_documents add column document tsvector generated always as (
      setweight(to_tsvector('simple', coalesce(headline, '')), 'A') ||
      setweight(to_tsvector('simple', coalesce(dek, '')), 'B') ||
      setweight(to_tsvector('simple', coalesce(body_text, '')), 'C')) stored`.execute(db);
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
    await sql`create index search_terms_trgm_idx on search_terms using gin (term public.gin_trgm_ops)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(headline, dek, body_text, content='search_documents', content_rowid='article_id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, headline, dek, body_text) values (new.article_id, new.headline, new.dek, new.body_text); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, headline, dek, body_text) values ('delete', old.article_id, old.headline, old.dek, old.body_text); end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, headline, dek, body_text) values ('delete', old.article_id, old.headline, old.dek, old.body_text);
      insert into search_fts(rowid, headline, dek, body_text) values (new.article_id, new.headline, new.dek, new.body_text); end`.execute(db);
  }

  // Stories already written: index their Markdown as it is (the app's rebuild replaces it with
  // plain text; a migration must not import application code).
  const now = new Date().toISOString();
  await sql`insert into search_documents (article_id, headline, dek, body_text, indexed_at)
    select id, headline, dek, body, ${now} from articles`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_terms').ifExists().execute();
  await db.schema.dropTable('search_documents').ifExists().execute();
}
