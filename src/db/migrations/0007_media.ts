import { sql, type Kysely } from 'kysely';
import { instantType, notNull, withId } from './helpers.js';

// Media: videos (third-party or self-hosted), their subtitle tracks, a story's lead video, and
// uploaded images with their responsive variants. Files themselves live in media storage.
export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);

  await withId(db, db.schema.createTable('media_videos'))
    // No list of providers here: adding one is a module in src/media/providers/, not a migration.
    .addColumn('provider', 'text', notNull)
    .addColumn('provider_id', 'text')
    .addColumn('file_key', 'text')
    .addColumn('content_type', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_seconds', 'integer')
    .addColumn('poster_key', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_at', instant, notNull)
    // A third-party video names its id on the provider; a self-hosted one names its file.
    .addCheckConstraint('media_videos_source', sql`(provider = 'self' and file_key is not null) or (provider <> 'self' and provider_id is not null)`)
    .execute();

  await db.schema
    .createTable('media_video_subtitles')
    .addColumn('video_id', 'integer', (c) => c.notNull().references('media_videos.id').onDelete('cascade'))
    .addColumn('lang', 'text', notNull)
    .addColumn('label', 'text', notNull)
    .addColumn('file_key', 'text', notNull)
    .addPrimaryKeyConstraint('media_video_subtitles_pk', ['video_id', 'lang'])
    .execute();

  await db.schema
    .createTable('article_videos')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('video_id', 'integer', (c) => c.notNull().references('media_videos.id').onDelete('cascade'))
    .addColumn('default_subtitle_lang', 'text')
    .execute();

  await withId(db, db.schema.createTable('media_images'))
    .addColumn('width', 'integer', notNull)
    .addColumn('height', 'integer', notNull)
    .addColumn('variants', 'text', notNull)
    .addColumn('placeholder', 'text', notNull)
    .addColumn('dominant_color', 'text', notNull)
    .addColumn('created_at', instant, notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_images').execute();
  await db.schema.dropTable('article_videos').execute();
  await db.schema.dropTable('media_video_subtitles').execute();
  await db.schema.dropTable('media_videos').execute();
}
