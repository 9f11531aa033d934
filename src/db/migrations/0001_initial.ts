import { sql, type Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './helpers.js';

// The first schema: articles with authors and tags, and the knowledge base of networks,
// people, dramas and roles, with the links from articles to the entities they name.
export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);
  const date = dateType(db);

  await withId(db, db.schema.createTable('authors'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('articles'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('news', 'watch', 'feature')`))
    .addColumn('headline', 'text', notNull)
    .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'scheduled', 'published')`))
    .addColumn('published_at', instant)
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
    .addColumn('lead_image_url', 'text')
    .addColumn('lead_image_alt', 'text')
    .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  // The home page and feeds list published stories newest first.
  await db.schema.createIndex('articles_status_published_idx').on('articles').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('articles_author_idx').on('articles').column('author_id').execute();

  await withId(db, db.schema.createTable('tags'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .execute();
  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag_idx').on('article_tags').column('tag_id').execute();

  await withId(db, db.schema.createTable('networks'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Seoul'))
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('KR'))
    .execute();

  await withId(db, db.schema.createTable('people'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', notNull)
    .addColumn('family_name', 'text', notNull)
    .addColumn('given_name', 'text', notNull)
    .addColumn('hangul_name', 'text')
    .addColumn('birth_date', date)
    .addColumn('pronouns', 'text')
    .addColumn('photo_url', 'text')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await withId(db, db.schema.createTable('person_aliases'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('alias', 'text', notNull)
    .addUniqueConstraint('person_aliases_unique', ['person_id', 'alias'])
    .execute();

  await withId(db, db.schema.createTable('dramas'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', notNull)
    .addColumn('native_title', 'text')
    .addColumn('network_id', 'integer', (c) => c.references('networks.id').onDelete('set null'))
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('KR'))
    .addColumn('year', 'integer')
    .addColumn('episodes', 'integer')
    .addColumn('runtime_minutes', 'integer')
    .addColumn('genres', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('synopsis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_title', 'text')
    .addColumn('source_type', 'text')
    .addColumn('source_creator', 'text')
    .addColumn('poster_url', 'text')
    .addColumn('first_air_date', date)
    .addColumn('last_air_date', date)
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('dramas_network_idx').on('dramas').column('network_id').execute();
  await withId(db, db.schema.createTable('drama_aliases'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('alias', 'text', notNull)
    .addUniqueConstraint('drama_aliases_unique', ['drama_id', 'alias'])
    .execute();
  await withId(db, db.schema.createTable('drama_platforms'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('platform', 'text', notNull)
    .addColumn('url', 'text', notNull)
    .addUniqueConstraint('drama_platforms_unique', ['drama_id', 'platform'])
    .execute();

  await withId(db, db.schema.createTable('roles'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('character_name', 'text', notNull)
    .addColumn('billing', 'text', (c) => c.notNull().check(sql`billing in ('main', 'supporting', 'cameo')`))
    .addColumn('billing_order', 'integer', (c) => c.notNull().defaultTo(100))
    .addUniqueConstraint('roles_unique', ['person_id', 'drama_id', 'character_name'])
    .execute();
  await db.schema.createIndex('roles_drama_idx').on('roles').columns(['drama_id', 'billing_order']).execute();
  await withId(db, db.schema.createTable('role_aliases'))
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id').onDelete('cascade'))
    .addColumn('alias', 'text', notNull)
    .addUniqueConstraint('role_aliases_unique', ['role_id', 'alias'])
    .execute();

  await withId(db, db.schema.createTable('schedule_slots'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('local_time', 'text', notNull)
    .addUniqueConstraint('schedule_slots_unique', ['drama_id', 'weekday', 'local_time'])
    .execute();
  await withId(db, db.schema.createTable('schedule_breaks'))
    .addColumn('drama_id', 'integer', (c) => c.notNull().references('dramas.id').onDelete('cascade'))
    .addColumn('air_date', date, notNull)
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('schedule_breaks_unique', ['drama_id', 'air_date'])
    .execute();

  for (const [table, column, target] of [
    ['article_people', 'person_id', 'people'],
    ['article_dramas', 'drama_id', 'dramas'],
    ['article_roles', 'role_id', 'roles'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', column])
      .execute();
    // Entity pages list "latest stories that name them": look up by the entity.
    await db.schema.createIndex(`${table}_entity_idx`).on(table).column(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'article_roles', 'article_dramas', 'article_people', 'schedule_breaks', 'schedule_slots', 'role_aliases',
    'roles', 'drama_platforms', 'drama_aliases', 'dramas', 'person_aliases', 'people', 'networks',
    'article_tags', 'tags', 'articles', 'authors',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
