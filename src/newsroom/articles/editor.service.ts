// Writing stories in the newsroom: save (and autosave), schedule, publish, unpublish, restore a
// revision. Each change writes the story, its links, a revision and a log line in one transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import { ARTICLE_KINDS, type ArticleKind, type ArticleStatus } from '../../articles/articles.table.js';
import { findStoryMentions, isAmbiguous, refKey, surfaceOf } from '../../catalog/linking.service.js';
import { lockArticle } from '../../catalog/article-lock.js';
import { listMentionReports, replaceMentionReports, type MentionReport } from '../../catalog/mention-reports.repository.js';
import { linkedEntityIds } from '../../articles/articles.service.js';
import { indexArticle } from '../../search/search.index.js';
import type { EntityRef, NameIndex } from '../../catalog/names.js';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { ForbiddenError } from '../auth/session.js';
import { can, canEditArticle } from '../permissions.js';
import { articleChangedTags, purge } from '../../cache/purge.js';
import { findStoryForEditor, replaceEntityLinks } from './editor.repository.js';

/** The editable fields of a story, as a revision keeps them. */
export interface ArticleSnapshot {
  headline: string;
  dek: string;
  kind: ArticleKind;
  /** Empty: derived from the headline. */
  slug: string;
  body: string;
  leadImageUrl: string;
  leadImageAlt: string;
  tags: string[];
  /** Confirmed links, `type:id`. */
  entities: string[];
}

export const EDITOR_ACTIONS = ['save', 'autosave', 'publish', 'schedule', 'unpublish'] as const;
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

/** Autosaves within this many minutes of the previous autosave by the same user replace it. */
export const AUTOSAVE_COALESCE_MINUTES = 10;

type Deps = { db: Kysely<Database>; clock: Clock; names: NameIndex; user: StaffPrincipal };

/** The knowledge-base entities a story's text names: what the editor offers to link. */
export function suggestEntities(index: NameIndex, story: { headline: string; dek: string; body: string }): EntityRef[] {
  const out = new Map<string, EntityRef>();
  for (const m of findStoryMentions(index, story)) for (const c of m.candidates) out.set(refKey(c), c);
  return [...out.values()];
}

function validate(s: ArticleSnapshot): void {
  if (!s.headline.trim()) throw new DomainError('The headline must not be empty.', 400, 'headline');
  if (s.headline.length > 300) throw new DomainError('The headline must be at most 300 characters.', 400, 'headline');
  if (!ARTICLE_KINDS.includes(s.kind)) throw new DomainError(`The kind must be one of ${ARTICLE_KINDS.join(', ')}.`, 400, 'kind');
  if (s.leadImageUrl && !/^(https?:\/\/|\/)/.test(s.leadImageUrl)) throw new DomainError('The lead image must be an http(s) URL or a path on this site.', 400, 'leadImageUrl');
  if (s.leadImageUrl && !s.leadImageAlt.trim()) throw new DomainError('A lead image needs a text alternative for readers who cannot see it.', 400, 'leadImageAlt');
}

const isLive = (a: { status: ArticleStatus; published_at: string | null }, now: string) =>
  a.status === 'published' || (a.status === 'scheduled' && !!a.published_at && a.published_at <= now);

/**
 * Saves a story (new when `id` is absent) and applies the workflow action. Writers save their own
 * drafts; publishing, scheduling and unpublishing need 'articles.publish'.
 */
export async function saveStory(
  input: { id?: number | undefined; snapshot: ArticleSnapshot; action: EditorAction; publishAt?: string | undefined },
  deps: Deps,
): Promise<{ id: number; slug: string; status: ArticleStatus; publishedAt: string | null; savedAt: string }> {
  const s = input.snapshot;
  validate(s);
  const slug = slugify(s.slug || s.headline);
  if (!slug) throw new DomainError('The slug needs at least one ASCII letter or digit.', 400, 'slug');
  const workflow = input.action === 'publish' || input.action === 'schedule' || input.action === 'unpublish';
  if (workflow && !can(deps.user.role, 'articles.publish')) throw new ForbiddenError('Only editors may publish, schedule or unpublish stories.');
  if (input.action === 'schedule' && (!input.publishAt || Number.isNaN(Date.parse(input.publishAt)))) throw new DomainError('Choose when the story goes live.', 400, 'publishAt');
  const nowDate = deps.clock();
  // Scheduling into the past would publish at once under a false date; "Publish now" is the honest way.
  if (input.action === 'schedule' && Date.parse(input.publishAt!) <= nowDate.getTime()) throw new DomainError('That time has already passed. Choose a later time, or publish now.', 400, 'publishAt');
  const now = nowDate.toISOString();
  // Only names the text really contains can be linked, whatever the form sent.
  const offered = new Set(suggestEntities(deps.names, s).map(refKey));
  const entities = [...new Set(s.entities)].filter((r) => offered.has(r)).sort();

  const saved = await deps.db.transaction().execute(async (trx) => {
    const before = input.id === undefined ? undefined : await findStoryForEditor(trx, input.id);
    if (input.id !== undefined && !before) throw new DomainError('No story has that id.', 404);
    if (before && !canEditArticle(deps.user, { ownerId: before.owner_id, status: before.status })) {
      throw new ForbiddenError('Writers edit only their own drafts; ask an editor.');
    }
    const taken = await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
    if (taken && taken.id !== input.id) throw new DomainError(`Another story already has the slug "${slug}".`, 409, 'slug');
    const redirect = await trx.selectFrom('article_slug_history').select('article_id').where('old_slug', '=', slug).executeTakeFirst();
    if (redirect && redirect.article_id !== input.id) throw new DomainError(`The slug "${slug}" once belonged to another story and still redirects there.`, 409, 'slug');

    let status: ArticleStatus = before?.status ?? 'draft';
    let publishedAt = before?.published_at ?? null;
    if (input.action === 'publish') {
      publishedAt = status === 'published' && publishedAt ? publishedAt : now;
      status = 'published';
    } else if (input.action === 'schedule') {
      status = 'scheduled';
      publishedAt = new Date(input.publishAt!).toISOString();
    } else if (input.action === 'unpublish') {
      status = 'draft';
      publishedAt = null;
    }
    const values = {
      slug,
      kind: s.kind,
      headline: s.headline.trim(),
      dek: s.dek.trim(),
      body: s.body,
      status,
      published_at: publishedAt,
      lead_image_url: s.leadImageUrl.trim() || null,
      lead_image_alt: s.leadImageAlt.trim() || null,
      updated_at: now,
    };
    let id: number;
    let linkedBefore: { personIds: number[]; dramaIds: number[] } = { personIds: [], dramaIds: [] };
    if (before) {
      id = before.id;
      await lockArticle(trx, id);
      linkedBefore = await linkedEntityIds(trx, id);
      await trx.updateTable('articles').set(values).where('id', '=', id).execute();
      // A reader's bookmark of a story that was live keeps working after its slug changes.
      if (before.slug !== slug && isLive(before, now)) {
        await trx.deleteFrom('article_slug_history').where('old_slug', '=', before.slug).execute();
        await trx.insertInto('article_slug_history').values({ old_slug: before.slug, article_id: id, changed_at: now }).execute();
      }
      await trx.deleteFrom('article_slug_history').where('old_slug', '=', slug).where('article_id', '=', id).execute();
    } else {
      id = (await trx.insertInto('articles').values({ ...values, author_id: deps.user.authorId, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await trx.insertInto('article_owners').values({ article_id: id, staff_user_id: deps.user.id }).execute();
    }
    await replaceTags(trx, id, s.tags);
    await replaceEntityLinks(trx, id, entities);
    await replaceMentionReports(trx, id, await mentionReportsFor(trx, { articleId: id, story: s, confirmed: new Set(entities), index: deps.names, now }));
    // Search sees the story as saved, in the same transaction, as saveArticle does (src/search/).
    await indexArticle(id, { db: trx, now });
    const linkedAfter = await linkedEntityIds(trx, id);
    await writeRevision(trx, { articleId: id, snapshot: { ...s, slug, entities }, autosave: input.action === 'autosave', userId: deps.user.id, now });
    const changed = before ? changedFields(before, values) : ['created'];
    await trx
      .insertInto('editorial_log')
      .values({ staff_user_id: deps.user.id, actor: deps.user.email, action: `article.${input.action}`, target_type: 'article', target_id: id, detail: JSON.stringify({ changed, status, publishedAt }), created_at: now })
      .execute();
    // People and dramas linked before or after, directly or through a role: their pages list the story.
    const personIds = [...new Set([...linkedBefore.personIds, ...linkedAfter.personIds])];
    const dramaIds = [...new Set([...linkedBefore.dramaIds, ...linkedAfter.dramaIds])];
    return { id, slug, status, publishedAt, savedAt: now, personIds, dramaIds };
  });
  // Pages that showed the story (or its old links) are rendered afresh.
  purge(articleChangedTags(saved.id, { personIds: saved.personIds, dramaIds: saved.dramaIds }));
  return { id: saved.id, slug: saved.slug, status: saved.status, publishedAt: saved.publishedAt, savedAt: saved.savedAt };
}

/**
 * The stored ambiguous-name reports (src/catalog/mention-reports) for a newsroom save: a name that
 * fits two people is settled by the editor's confirmed link when one of its candidates was
 * confirmed, and stays open otherwise, so the ambiguous-name queue agrees with the editor.
 */
async function mentionReportsFor(
  trx: Transaction<Database>,
  input: { articleId: number; story: ArticleSnapshot; confirmed: Set<string>; index: NameIndex; now: string },
): Promise<MentionReport[]> {
  const previous = new Map((await listMentionReports(trx, input.articleId)).map((r) => [r.surface, r]));
  const out = new Map<string, MentionReport>();
  for (const m of findStoryMentions(input.index, input.story).filter(isAmbiguous)) {
    const surface = surfaceOf(m.text);
    if (out.has(surface)) continue;
    const chosen = m.candidates.find((c) => input.confirmed.has(refKey(c)));
    const was = previous.get(surface);
    out.set(surface, {
      surface,
      candidates: m.candidates.map((c) => ({ type: c.type, id: c.id })),
      settledRef: chosen ? refKey(chosen) : null,
      createdAt: was?.createdAt ?? input.now,
      settledAt: chosen ? (was?.settledRef === refKey(chosen) ? was.settledAt : input.now) : null,
    });
  }
  return [...out.values()];
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => k !== 'updated_at' && before[k] !== after[k]);
}

async function replaceTags(trx: Transaction<Database>, articleId: number, tags: string[]): Promise<void> {
  await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  for (const name of new Set(tags.map((t) => t.trim()).filter(Boolean))) {
    const tagSlug = slugify(name);
    if (!tagSlug) continue;
    await trx.insertInto('tags').values({ slug: tagSlug, name }).onConflict((oc) => oc.column('slug').doNothing()).execute();
    const tag = await trx.selectFrom('tags').select('id').where('slug', '=', tagSlug).executeTakeFirstOrThrow();
    await trx.insertInto('article_tags').values({ article_id: articleId, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute();
  }
}

async function writeRevision(trx: Transaction<Database>, r: { articleId: number; snapshot: ArticleSnapshot; autosave: boolean; userId: number; now: string }): Promise<void> {
  const snapshot = JSON.stringify(r.snapshot);
  const last = await trx.selectFrom('article_revisions').select(['id', 'autosave', 'staff_user_id', 'created_at', 'snapshot']).where('article_id', '=', r.articleId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last?.snapshot === snapshot && r.autosave) return; // nothing changed since
  // Autosaves every few seconds would bury the history: a run of them by one user is one revision.
  const recent = last && last.autosave === 1 && last.staff_user_id === r.userId && Date.parse(r.now) - Date.parse(last.created_at) < AUTOSAVE_COALESCE_MINUTES * 60_000;
  if (recent && r.autosave) {
    await trx.updateTable('article_revisions').set({ snapshot, created_at: r.now }).where('id', '=', last.id).execute();
    return;
  }
  await trx.insertInto('article_revisions').values({ article_id: r.articleId, staff_user_id: r.userId, snapshot, autosave: r.autosave ? 1 : 0, created_at: r.now }).execute();
}

/** Puts a revision's fields back as a new save (itself a revision); the status is unchanged. */
export async function restoreRevision(input: { articleId: number; revisionId: number }, deps: Deps) {
  const rev = await deps.db.selectFrom('article_revisions').select('snapshot').where('id', '=', input.revisionId).where('article_id', '=', input.articleId).executeTakeFirst();
  if (!rev) throw new DomainError('No such revision of this story.', 404);
  return saveStory({ id: input.articleId, snapshot: JSON.parse(rev.snapshot) as ArticleSnapshot, action: 'save' }, deps);
}

export function snapshotOf(story: { headline: string; dek: string; kind: ArticleKind; slug: string; body: string; lead_image_url: string | null; lead_image_alt: string | null; tags: string[]; entities: string[] }): ArticleSnapshot {
  return { headline: story.headline, dek: story.dek, kind: story.kind, slug: story.slug, body: story.body, leadImageUrl: story.lead_image_url ?? '', leadImageAlt: story.lead_image_alt ?? '', tags: story.tags, entities: story.entities };
}
