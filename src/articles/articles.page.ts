import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { NameIndex } from '../catalog/names.js';
import { trustHtml, type TrustedHtml } from '../web/raw.js';
import { findPublishedArticleBySlug, listEntitiesOfArticle, listTagsOfArticle } from './articles.repository.js';
import { markdownToText, renderStoryMarkdown } from './markdown.js';
import { loadStoryMedia } from '../media/story-media.js';

// Rendered bodies keyed by id and last update: Markdown and sanitizing cost more than the rest
// of the page, and a body only changes when its story is saved (which changes updated_at).
const BODY_CACHE_LIMIT = 500;
const bodyCache = new Map<string, TrustedHtml>();

/** Everything the article page shows, or undefined when no published story has that slug. */
export async function loadArticlePage(deps: { db: Kysely<Database>; now: string; names: NameIndex }, slug: string) {
  const article = await findPublishedArticleBySlug(deps.db, slug, deps.now);
  if (!article) return undefined;
  const [tags, entities, media] = await Promise.all([listTagsOfArticle(deps.db, article.id), listEntitiesOfArticle(deps.db, article.id), loadStoryMedia(deps.db, article)]);
  const linked = new Set<string>([
    ...entities.people.map((p) => `person:${p.id}`),
    ...entities.dramas.map((d) => `drama:${d.id}`),
    ...entities.roles.map((r) => `role:${r.id}`),
  ]);
  const key = `${article.id}:${article.updated_at}:${[...linked].sort().join(',')}:${media.signature}`;
  let bodyHtml = bodyCache.get(key);
  if (!bodyHtml) {
    // Sanitized by renderStoryMarkdown (markdown-it without raw HTML, then an allowlist).
    bodyHtml = trustHtml(renderStoryMarkdown(article.body, { index: deps.names, linked }, media));
    if (bodyCache.size >= BODY_CACHE_LIMIT) bodyCache.delete(bodyCache.keys().next().value!);
    bodyCache.set(key, bodyHtml);
  }
  return { article, tags, entities, media, bodyHtml, description: article.dek || markdownToText(article.body).slice(0, 200) };
}
