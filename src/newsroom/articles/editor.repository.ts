import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ArticleStatus } from '../../articles/articles.table.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Stories for the newsroom list, newest change first, optionally of one status. */
export async function listStoriesForNewsroom(db: Q, opts: { status?: ArticleStatus | undefined; ownerId?: number | undefined; limit: number }) {
  let q = db
    .selectFrom('articles')
    .leftJoin('article_owners', 'article_owners.article_id', 'articles.id')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.kind', 'articles.status', 'articles.published_at', 'articles.updated_at', 'article_owners.staff_user_id as owner_id', 'authors.name as author_name']);
  if (opts.status) q = q.where('articles.status', '=', opts.status);
  if (opts.ownerId !== undefined) q = q.where('article_owners.staff_user_id', '=', opts.ownerId);
  return q.orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').limit(opts.limit).execute();
}

/** One story with everything the editor shows, or undefined. */
export async function findStoryForEditor(db: Q, id: number) {
  const article = await db
    .selectFrom('articles')
    .leftJoin('article_owners', 'article_owners.article_id', 'articles.id')
    .selectAll('articles')
    .select('article_owners.staff_user_id as owner_id')
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (!article) return undefined;
  const [tags, people, dramas, roles] = await Promise.all([
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.name').where('article_id', '=', id).orderBy('tags.name').execute(),
    db.selectFrom('article_people').select('person_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_dramas').select('drama_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_roles').select('role_id').where('article_id', '=', id).execute(),
  ]);
  const entities = [...people.map((p) => `person:${p.person_id}`), ...dramas.map((d) => `drama:${d.drama_id}`), ...roles.map((r) => `role:${r.role_id}`)];
  return { ...article, tags: tags.map((t) => t.name), entities };
}
export type EditorStory = NonNullable<Awaited<ReturnType<typeof findStoryForEditor>>>;

export async function replaceEntityLinks(trx: Q, articleId: number, refs: string[]): Promise<void> {
  await trx.deleteFrom('article_people').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_dramas').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_roles').where('article_id', '=', articleId).execute();
  const ids = (type: string) => refs.filter((r) => r.startsWith(`${type}:`)).map((r) => Number(r.slice(type.length + 1)));
  const people = ids('person').map((person_id) => ({ article_id: articleId, person_id }));
  const dramas = ids('drama').map((drama_id) => ({ article_id: articleId, drama_id }));
  const roles = ids('role').map((role_id) => ({ article_id: articleId, role_id }));
  if (people.length) await trx.insertInto('article_people').values(people).execute();
  if (dramas.length) await trx.insertInto('article_dramas').values(dramas).execute();
  if (roles.length) await trx.insertInto('article_roles').values(roles).execute();
}

export async function listRevisions(db: Q, articleId: number) {
  return db
    .selectFrom('article_revisions')
    .leftJoin('staff_users', 'staff_users.id', 'article_revisions.staff_user_id')
    .select(['article_revisions.id', 'article_revisions.autosave', 'article_revisions.created_at', 'article_revisions.snapshot', 'staff_users.email as by'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.id', 'desc')
    .limit(100)
    .execute();
}

export async function listLogOf(db: Q, targetType: string, targetId: number) {
  return db.selectFrom('editorial_log').selectAll().where('target_type', '=', targetType).where('target_id', '=', targetId).orderBy('id', 'desc').limit(50).execute();
}

/** The story an old slug of a published story now lives at. */
export async function findSlugRedirect(db: Q, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('article_slug_history')
    .innerJoin('articles', 'articles.id', 'article_slug_history.article_id')
    .select('articles.slug')
    .where('article_slug_history.old_slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.slug;
}
