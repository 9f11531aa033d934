import { sql, type Kysely } from 'kysely';
import { instantType, notNull, withId } from './helpers.js';

// Reader comments under articles, the discussion settings that govern them, reader reports and
// the append-only moderation log. Email and IP are stored for moderation only: no public query
// selects them.
export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);

  await withId(db, db.schema.createTable('comments'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    // 1 for a top-level comment, parent's depth + 1 for a reply.
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('author_name', 'text', notNull)
    // Lowercased; null once erased on request.
    .addColumn('author_email', 'text')
    .addColumn('author_url', 'text')
    .addColumn('author_ip', 'text')
    .addColumn('user_agent', 'text')
    // HMAC of the email under the cookie secret, hex: the identicon's seed, never the email's plain hash.
    .addColumn('avatar_key', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'spam', 'trash')`))
    // Why the admission pipeline (or a moderator) put it in that status, for moderators.
    .addColumn('status_reason', 'text')
    .addColumn('editor_pick', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  // Threads of an article by status; the first-time-commenter and rate-limit checks by email and IP.
  await db.schema.createIndex('comments_article_status_idx').on('comments').columns(['article_id', 'status', 'parent_id']).execute();
  await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();
  await db.schema.createIndex('comments_email_idx').on('comments').columns(['author_email', 'status']).execute();
  await db.schema.createIndex('comments_ip_created_idx').on('comments').columns(['author_ip', 'created_at']).execute();
  await db.schema.createIndex('comments_status_created_idx').on('comments').columns(['status', 'created_at']).execute();

  // Discussion settings, one row per key, value as JSON; missing keys take the defaults in code.
  await db.schema
    .createTable('comment_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('comment_reports'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('spam', 'abusive', 'spoiler', 'other')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, notNull)
    .addColumn('resolved_at', instant)
    .execute();
  await db.schema.createIndex('comment_reports_open_idx').on('comment_reports').columns(['resolved_at', 'comment_id']).execute();

  // Append-only: one target comment per row, written in the transaction of the change it records.
  await withId(db, db.schema.createTable('comment_moderation_log'))
    .addColumn('comment_id', 'integer', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor', 'text', notNull)
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, notNull)
    .execute();
  await db.schema.createIndex('comment_moderation_log_comment_idx').on('comment_moderation_log').column('comment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_moderation_log').execute();
  await db.schema.dropTable('comment_reports').execute();
  await db.schema.dropTable('comment_settings').execute();
  await db.schema.dropTable('comments').execute();
}
