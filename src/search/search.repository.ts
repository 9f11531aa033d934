import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { LIVE_STATUSES } from '../articles/articles.repository.js';
import type { ArticleKind } from '../articles/articles.table.js';
import type { LexiconSources } from './lexicon.js';

type Q = Kysely<Database>;

/** Names of every person and drama, with what the lexicon needs to spell them other ways. */
export async function loadLexiconSources(db: Q): Promise<LexiconSources> {
  const [people, personAliases, dramas, dramaAliases] = await Promise.all([
    db.selectFrom('people').select(['id', 'slug', 'display_name', 'family_name', 'given_name', 'hangul_name']).execute(),
    db.selectFrom('person_aliases').select(['person_id', 'alias']).execute(),
    db.selectFrom('dramas').select(['id', 'slug', 'title', 'native_title']).execute(),
    db.selectFrom('drama_aliases').select(['drama_id', 'alias']).execute(),
  ]);
  return { people, personAliases, dramas, dramaAliases };
}

/** Live stories linked to any of these people or dramas (directly or by a role), newest first. */
export async function listStoriesLinkedTo(db: Q, ids: { people: number[]; dramas: number[] }, now: string, limit: number) {
  if (!ids.people.length && !ids.dramas.length) return [];
  const queries = [];
  if (ids.people.length) {
    queries.push(db.selectFrom('article_people').select(['article_id', 'person_id as entity_id']).where('person_id', 'in', ids.people).execute().then((r) => r.map((x) => ({ ...x, type: 'person' as const }))));
    queries.push(db.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').select(['article_roles.article_id', 'roles.person_id as entity_id']).where('roles.person_id', 'in', ids.people).execute().then((r) => r.map((x) => ({ ...x, type: 'person' as const }))));
  }
  if (ids.dramas.length) {
    queries.push(db.selectFrom('article_dramas').select(['article_id', 'drama_id as entity_id']).where('drama_id', 'in', ids.dramas).execute().then((r) => r.map((x) => ({ ...x, type: 'drama' as const }))));
  }
  const links = (await Promise.all(queries)).flat();
  const articleIds = [...new Set(links.map((l) => l.article_id))];
  if (!articleIds.length) return [];
  const live = await db
    .selectFrom('articles')
    .select('id')
    .where('id', 'in', articleIds)
    .where('status', 'in', LIVE_STATUSES)
    .where('published_at', '<=', now)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  const keep = new Set(live.map((r) => r.id));
  return links.filter((l) => keep.has(l.article_id));
}

export interface StoryFilters {
  kind?: ArticleKind | undefined;
  /** Only stories linked to this drama / person (slug). */
  drama?: string | undefined;
  person?: string | undefined;
  /** Inclusive calendar dates (UTC), YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The live stories among `ids` that pass the filters, with what a result card shows. */
export async function loadStoryCandidates(db: Q, ids: number[], filters: StoryFilters, now: string) {
  if (!ids.length) return [];
  let q = db
    .selectFrom('articles')
    .innerJoin('search_documents', 'search_documents.article_id', 'articles.id')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select([
      'articles.id', 'articles.slug', 'articles.kind', 'articles.headline', 'articles.dek', 'articles.published_at',
      'articles.lead_image_url', 'articles.lead_image_alt', 'authors.name as author_name', 'search_documents.body_text',
    ])
    .where('articles.id', 'in', ids)
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '<=', now);
  if (filters.kind) q = q.where('articles.kind', '=', filters.kind);
  if (filters.from) q = q.where('articles.published_at', '>=', new Date(`${filters.from}T00:00:00Z`).toISOString());
  if (filters.to) q = q.where('articles.published_at', '<', new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000).toISOString());
  const { drama, person } = filters;
  if (drama) {
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('article_dramas').innerJoin('dramas', 'dramas.id', 'article_dramas.drama_id').select('article_dramas.article_id').whereRef('article_dramas.article_id', '=', 'articles.id').where('dramas.slug', '=', drama)),
      eb.exists(eb.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').innerJoin('dramas', 'dramas.id', 'roles.drama_id').select('article_roles.article_id').whereRef('article_roles.article_id', '=', 'articles.id').where('dramas.slug', '=', drama)),
    ]));
  }
  if (person) {
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('article_people').innerJoin('people', 'people.id', 'article_people.person_id').select('article_people.article_id').whereRef('article_people.article_id', '=', 'articles.id').where('people.slug', '=', person)),
      eb.exists(eb.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').innerJoin('people', 'people.id', 'roles.person_id').select('article_roles.article_id').whereRef('article_roles.article_id', '=', 'articles.id').where('people.slug', '=', person)),
    ]));
  }
  return q.execute();
}
export type StoryCandidate = Awaited<ReturnType<typeof loadStoryCandidates>>[number];
