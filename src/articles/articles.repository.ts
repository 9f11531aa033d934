import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ArticleKind } from './articles.table.js';

type Q = Kysely<Database>;

/**
 * Statuses a reader may see once their time has come. A scheduled story goes live at its
 * published_at by this rule alone, to the second, with no job that could run late or twice.
 */
export const LIVE_STATUSES = ['published', 'scheduled'] as const;

const cardColumns = [
  'articles.id',
  'articles.slug',
  'articles.kind',
  'articles.headline',
  'articles.dek',
  'articles.published_at',
  'articles.lead_image_url',
  'articles.lead_image_alt',
  'authors.name as author_name',
  'authors.slug as author_slug',
] as const;

/** Published stories, newest first, as cards. */
export async function listPublishedArticles(db: Q, opts: { limit: number; offset: number; now: string; kind?: ArticleKind | undefined }) {
  let q = db
    .selectFrom('articles')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select(cardColumns)
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '<=', opts.now);
  if (opts.kind) q = q.where('articles.kind', '=', opts.kind);
  return q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(opts.limit).offset(opts.offset).execute();
}
export type ArticleCard = Awaited<ReturnType<typeof listPublishedArticles>>[number];

export async function countPublishedArticles(db: Q, now: string, kind?: ArticleKind): Promise<number> {
  let q = db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', LIVE_STATUSES).where('published_at', '<=', now);
  if (kind) q = q.where('kind', '=', kind);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A published story by slug, with its author. */
export async function findPublishedArticleBySlug(db: Q, slug: string, now: string) {
  return db
    .selectFrom('articles')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .selectAll('articles')
    .select(['authors.name as author_name', 'authors.slug as author_slug', 'authors.bio as author_bio'])
    .where('articles.slug', '=', slug)
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '<=', now)
    .executeTakeFirst();
}
export type ArticleWithAuthor = NonNullable<Awaited<ReturnType<typeof findPublishedArticleBySlug>>>;

export async function listTagsOfArticle(db: Q, articleId: number) {
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', articleId)
    .orderBy('tags.name')
    .execute();
}

/** The people, dramas and roles a story is linked to. */
export async function listEntitiesOfArticle(db: Q, articleId: number) {
  const [people, dramas, roles] = await Promise.all([
    db
      .selectFrom('article_people')
      .innerJoin('people', 'people.id', 'article_people.person_id')
      .select(['people.id', 'people.slug', 'people.display_name', 'people.hangul_name'])
      .where('article_people.article_id', '=', articleId)
      .orderBy('people.display_name')
      .execute(),
    db
      .selectFrom('article_dramas')
      .innerJoin('dramas', 'dramas.id', 'article_dramas.drama_id')
      .select(['dramas.id', 'dramas.slug', 'dramas.title', 'dramas.native_title', 'dramas.year'])
      .where('article_dramas.article_id', '=', articleId)
      .orderBy('dramas.title')
      .execute(),
    db
      .selectFrom('article_roles')
      .innerJoin('roles', 'roles.id', 'article_roles.role_id')
      .select(['roles.id', 'roles.character_name', 'roles.person_id', 'roles.drama_id'])
      .where('article_roles.article_id', '=', articleId)
      .execute(),
  ]);
  return { people, dramas, roles };
}

/**
 * Latest published stories linked to a person (directly or through one of their roles). The ids
 * come from the link tables first (an index lookup), so the stories table is never scanned.
 */
export async function listArticlesNamingPerson(db: Q, personId: number, now: string, limit: number) {
  return db
    .selectFrom('articles')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select(cardColumns)
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '<=', now)
    .where('articles.id', 'in', (eb) =>
      eb
        .selectFrom('article_people')
        .select('article_people.article_id')
        .where('article_people.person_id', '=', personId)
        .union(eb.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').select('article_roles.article_id').where('roles.person_id', '=', personId)),
    )
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute();
}

/** Latest published stories linked to a drama (directly or through a role in it), as above. */
export async function listArticlesNamingDrama(db: Q, dramaId: number, now: string, limit: number) {
  return db
    .selectFrom('articles')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select(cardColumns)
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '<=', now)
    .where('articles.id', 'in', (eb) =>
      eb
        .selectFrom('article_dramas')
        .select('article_dramas.article_id')
        .where('article_dramas.drama_id', '=', dramaId)
        .union(eb.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').select('article_roles.article_id').where('roles.drama_id', '=', dramaId)),
    )
    .orderBy('articles.published_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findArticleIdBySlug(db: Q, slug: string) {
  return db.selectFrom('articles').select(['id', 'status']).where('slug', '=', slug).executeTakeFirst();
}
