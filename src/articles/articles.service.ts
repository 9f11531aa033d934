import type { Kysely } from 'kysely';
import { articleChangedTags, purge } from '../cache/purge.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { slugify } from '../lib/slug.js';
import { safeImageUrl } from '../web/safe-url.js';
import { buildNameIndex, linkArticleEntities, type LinkResult } from '../catalog/linking.service.js';
import type { NameIndex } from '../catalog/names.js';
import { indexArticle } from '../search/search.index.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES, type ArticleKind, type ArticleStatus } from './articles.table.js';

/** What an editor (or the seed) gives to write a story. */
export interface ArticleInput {
  /** Derived from the headline when absent. */
  slug?: string | undefined;
  kind: ArticleKind;
  headline: string;
  dek?: string | undefined;
  body: string;
  status: ArticleStatus;
  /** ISO instant; required for scheduled, defaults to now when publishing. */
  publishedAt?: string | null | undefined;
  authorId?: number | null | undefined;
  tags?: string[] | undefined;
  leadImageUrl?: string | null | undefined;
  leadImageAlt?: string | null | undefined;
  commentsOpen?: boolean | undefined;
}

export interface SavedArticle {
  id: number;
  slug: string;
  created: boolean;
  links: LinkResult;
}

function validate(input: ArticleInput): void {
  if (!ARTICLE_KINDS.includes(input.kind)) throw new DomainError(`kind must be one of ${ARTICLE_KINDS.join(', ')}`, 400, 'kind');
  if (!ARTICLE_STATUSES.includes(input.status)) throw new DomainError(`status must be one of ${ARTICLE_STATUSES.join(', ')}`, 400, 'status');
  if (!input.headline.trim()) throw new DomainError('headline must not be empty', 400, 'headline');
  if (input.headline.length > 300) throw new DomainError('headline must be at most 300 characters', 400, 'headline');
  if (input.status === 'scheduled' && !input.publishedAt) throw new DomainError('a scheduled story needs a publish time', 400, 'publishedAt');
  if (input.publishedAt && Number.isNaN(Date.parse(input.publishedAt))) throw new DomainError('publishedAt must be an ISO 8601 instant', 400, 'publishedAt');
  if (input.leadImageUrl && !safeImageUrl(input.leadImageUrl)) throw new DomainError('the lead image must be an http(s) address or a path on this site', 400, 'leadImageUrl');
  // A reader who cannot see the lead image gets its alt text; a story does not go out without it.
  if (input.status !== 'draft' && input.leadImageUrl && !input.leadImageAlt?.trim()) {
    throw new DomainError('a story with a lead image needs alt text (describe the image) before it is published', 400, 'leadImageAlt');
  }
}

/**
 * Creates the story, or updates the one with the same slug, then links the names it mentions.
 * All in one transaction: the story, its tags and its entity links change together.
 */
export async function saveArticle(
  input: ArticleInput,
  deps: { db: Kysely<Database>; clock: Clock; nameIndex?: NameIndex },
): Promise<SavedArticle> {
  validate(input);
  const slug = input.slug ? slugify(input.slug) : slugify(input.headline);
  if (!slug) throw new DomainError('the slug needs at least one ASCII letter or digit', 400, 'slug');
  const now = deps.clock().toISOString();
  const publishedAt =
    input.status === 'draft' ? (input.publishedAt ?? null) : new Date(input.publishedAt ?? now).toISOString();
  const index = deps.nameIndex ?? (await buildNameIndex(deps.db));

  const { saved, touched } = await deps.db.transaction().execute(async (trx) => {
    const values = {
      kind: input.kind,
      headline: input.headline.trim(),
      dek: input.dek?.trim() ?? '',
      body: input.body,
      status: input.status,
      published_at: publishedAt,
      author_id: input.authorId ?? null,
      lead_image_url: input.leadImageUrl ?? null,
      lead_image_alt: input.leadImageAlt ?? null,
      comments_open: input.commentsOpen === false ? 0 : 1,
      updated_at: now,
    };
    const existing = await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
    let id: number;
    if (existing) {
      await trx.updateTable('articles').set(values).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      const row = await trx.insertInto('articles').values({ ...values, slug, created_at: now }).returning('id').executeTakeFirstOrThrow();
      id = row.id;
    }
    if (input.tags) {
      await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      for (const name of new Set(input.tags.map((t) => t.trim()).filter(Boolean))) {
        const tagSlug = slugify(name);
        if (!tagSlug) continue;
        await trx.insertInto('tags').values({ slug: tagSlug, name }).onConflict((oc) => oc.column('slug').doNothing()).execute();
        const tag = await trx.selectFrom('tags').select('id').where('slug', '=', tagSlug).executeTakeFirstOrThrow();
        await trx.insertInto('article_tags').values({ article_id: id, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute();
      }
    }
    const linkedBefore = await linkedEntityIds(trx, id);
    const links = await linkArticleEntities(trx, {
      articleId: id,
      story: { headline: input.headline, dek: input.dek ?? '', body: input.body },
      index,
      now,
    });
    // Search sees the story as saved, in the same transaction (src/search/).
    await indexArticle(id, { db: trx, now });
    const linkedAfter = await linkedEntityIds(trx, id);
    return {
      saved: { id, slug, created: !existing, links },
      touched: { personIds: [...new Set([...linkedBefore.personIds, ...linkedAfter.personIds])], dramaIds: [...new Set([...linkedBefore.dramaIds, ...linkedAfter.dramaIds])] },
    };
  });
  // After the commit: the story's page, the front page and the entity pages that list it, both
  // those it named before this save and those it names now.
  purge(articleChangedTags(saved.id, touched));
  return saved;
}

/** People and dramas a story is linked to, directly or through a role (the newsroom editor uses it too). */
export async function linkedEntityIds(db: Kysely<Database>, articleId: number): Promise<{ personIds: number[]; dramaIds: number[] }> {
  const [people, dramas, roles] = await Promise.all([
    db.selectFrom('article_people').select('person_id').where('article_id', '=', articleId).execute(),
    db.selectFrom('article_dramas').select('drama_id').where('article_id', '=', articleId).execute(),
    db.selectFrom('article_roles').innerJoin('roles', 'roles.id', 'article_roles.role_id').select(['roles.person_id', 'roles.drama_id']).where('article_roles.article_id', '=', articleId).execute(),
  ]);
  return {
    personIds: [...people.map((p) => p.person_id), ...roles.map((r) => r.person_id)],
    dramaIds: [...dramas.map((d) => d.drama_id), ...roles.map((r) => r.drama_id)],
  };
}
