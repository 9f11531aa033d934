import { sql, type Kysely } from 'kysely';
import { instantType, notNull, withId } from './helpers.js';

// The newsroom: staff accounts and their server-side sessions, login throttling, one-time
// password resets, article ownership, revisions, old slugs of published stories, and the
// append-only editorial log.
export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);

  await withId(db, db.schema.createTable('staff_users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'writer', 'moderator')`))
    .addColumn('password_hash', 'text', notNull)
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, notNull)
    .execute();

  await db.schema
    .createTable('staff_sessions')
    // sha256 of the cookie value: a leaked table does not hand out live sessions.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', instant, notNull)
    .addColumn('expires_at', instant, notNull)
    .execute();
  await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    // 'email:<address>' or 'ip:<address>'.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', notNull)
    .addColumn('window_started_at', instant, notNull)
    .addColumn('locked_until', instant)
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', instant, notNull)
    .addColumn('expires_at', instant, notNull)
    .addColumn('used_at', instant)
    .execute();

  await db.schema
    .createTable('article_owners')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('staff_user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('article_slug_history')
    .addColumn('old_slug', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('changed_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('article_revisions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('staff_user_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
    // JSON of the editable fields (headline, dek, kind, slug, body, lead image, tags, entities).
    .addColumn('snapshot', 'text', notNull)
    .addColumn('autosave', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, notNull)
    .execute();
  await db.schema.createIndex('article_revisions_article_idx').on('article_revisions').columns(['article_id', 'id']).execute();

  // Append-only: rows are inserted in the transaction of the change and never updated.
  await withId(db, db.schema.createTable('editorial_log'))
    .addColumn('staff_user_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
    .addColumn('actor', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('target_type', 'text', notNull)
    .addColumn('target_id', 'integer', notNull)
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, notNull)
    .execute();
  await db.schema.createIndex('editorial_log_target_idx').on('editorial_log').columns(['target_type', 'target_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['editorial_log', 'article_revisions', 'article_slug_history', 'article_owners', 'password_resets', 'login_throttle', 'staff_sessions', 'staff_users']) {
    await db.schema.dropTable(table).execute();
  }
}
