import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { LIVE_STATUSES } from '../articles/articles.repository.js';
import type { ArticleKind } from '../articles/articles.table.js';

type Q = Kysely<Database>;

/** Which stories a feed carries. */
export type FeedScope = { kind?: ArticleKind | undefined; personId?: number | undefined; dramaId?: number | undefined };

/** The latest live stories of a scope, with what a feed item needs. */
export async function listFeedStories(db: Q, scope: FeedScope, now: string, limit: number) {
  let q = db
    .selectFrom('articles')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select(['articles.id', 'articles.slug', 'articles.kind', 'articles.headline', 'articles.dek', 'articles.body', 'articles.published_at', 'articles.updated_at', 'articles.lead_image_url', 'articles.lead_image_alt', 'authors.name as author_name'])
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '<=', now);
  if (scope.kind) q = q.where('articles.kind', '=', scope.kind);
  const { personId, dramaId } = scope;
  if (personId !== undefined) {
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('article_people').select('article_people.article_id').whereRef('article_people.article_id', '=', 'articles.id').where('article_people.person_id', '=', personId)),
      eb.exists(eb.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').select('article_roles.article_id').whereRef('article_roles.article_id', '=', 'articles.id').where('roles.person_id', '=', personId)),
    ]));
  }
  if (dramaId !== undefined) {
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('article_dramas').select('article_dramas.article_id').whereRef('article_dramas.article_id', '=', 'articles.id').where('article_dramas.drama_id', '=', dramaId)),
      eb.exists(eb.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').select('article_roles.article_id').whereRef('article_roles.article_id', '=', 'articles.id').where('roles.drama_id', '=', dramaId)),
    ]));
  }
  return q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit).execute();
}
export type FeedStory = Awaited<ReturnType<typeof listFeedStories>>[number];
