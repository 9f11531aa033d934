import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { articlePageTags } from '../cache/purge.js';
import { renderPage } from '../web/layout.js';
import { countPublishedArticles, listPublishedArticles } from './articles.repository.js';
import { loadArticlePage } from './articles.page.js';
import { findSlugRedirect } from '../newsroom/articles/editor.repository.js';
import { articleBreadcrumbJsonLd, newsArticleJsonLd, storyCardMeta } from './articles.jsonld.js';
import { storyImage } from './story-image.js';
import { loadStorySchedules } from '../schedule/schedule.service.js';
import type { ArticleKind } from './articles.table.js';
import { ArticleView } from './views/article.js';
import { storyMediaJsonLd, storyMediaTags } from '../media/video.jsonld.js';
import { StoryLead } from '../media/story-lead.view.js';
import { HomeView } from './views/home.js';
import { loadAlsoSee } from '../catalog/also-see.service.js';
import { cacheHeadersFor, mostReactedFor, reactionWidgetFor } from '../reactions/reactions.page.js';
import { loadCommentSection, spliceThread, withCommentCounts } from '../comments/comments.page.js';

const HOME_PAGE_SIZE = 13;
// Cached pages live briefly even without a purge: reaction counts and "Most loved" in the HTML
// are a first paint (the reactions island refreshes them), and a scheduled story appears on the
// front page at most this long after its time.
const HOME_CACHE_SECONDS = 10;
const ARTICLE_CACHE_SECONDS = 5;
const Kind = Type.Union([Type.Literal('news'), Type.Literal('watch'), Type.Literal('feature')]);

const ArticleSummary = Type.Object({
  slug: Type.String(),
  kind: Kind,
  headline: Type.String(),
  dek: Type.String(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});
const ArticleDetail = Type.Object({
    ...ArticleSummary.properties,
    body: Type.String({ description: 'Markdown source' }),
    bodyHtml: Type.String({ description: 'Rendered, sanitized HTML' }),
    tags: Type.Array(Type.String()),
    people: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
    dramas: Type.Array(Type.Object({ slug: Type.String(), title: Type.String() })),
});
export const ErrorBody = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });

const HomeQuery = Type.Object({
  kind: Type.Optional(Kind),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  /** Reaction the "most … this week" block ranks by (src/reactions/). */
  top: Type.Optional(Type.String({ maxLength: 40 })),
});

export function articlesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const now = () => ctx.clock().toISOString();
    const summary = (a: { slug: string; kind: ArticleKind; headline: string; dek: string; published_at: string | null; author_name: string | null }): Static<typeof ArticleSummary> => ({
      slug: a.slug,
      kind: a.kind,
      headline: a.headline,
      dek: a.dek,
      publishedAt: a.published_at,
      author: a.author_name,
      url: `${ctx.site.publicUrl}/articles/${a.slug}`,
    });

    app.get('/', { schema: { hide: true, querystring: HomeQuery }, config: { pageCache: { ttlSeconds: HOME_CACHE_SECONDS } } }, async (request, reply) => {
      const page = request.query.page ?? 1;
      const kind = request.query.kind;
      const rows = await listPublishedArticles(ctx.db.kysely, { limit: HOME_PAGE_SIZE + 1, offset: (page - 1) * HOME_PAGE_SIZE, now: now(), kind });
      const hasNext = rows.length > HOME_PAGE_SIZE;
      const items = await withCommentCounts(ctx.db.kysely, rows.slice(0, HOME_PAGE_SIZE));
      const section = kind === 'watch' ? 'watch' : kind === 'news' ? 'news' : kind === 'feature' ? 'features' : 'home';
      const heading = kind ? `${kind === 'feature' ? 'Features' : kind === 'watch' ? 'Watch' : 'News'}` : 'Latest stories';
      const mostReacted = page === 1 && !kind ? await mostReactedFor(ctx, request.query.top) : undefined;
      const html = renderPage(
        ctx.site,
        { title: heading, path: kind ? `/?kind=${kind}` : '/', section, description: 'The latest K-drama news, behind-the-scenes videos and features.' },
        <HomeView lead={page === 1 ? items[0] : undefined} rest={page === 1 ? items.slice(1) : items} heading={heading} page={page} hasNext={hasNext} kindQuery={kind ?? ''} mostReacted={mostReacted} />,
      );
      return reply.cacheTags(['home']).type('text/html; charset=utf-8').send(html);
    });

    app.get('/articles/:slug', { schema: { hide: true, params: Type.Object({ slug: Type.String({ maxLength: 200 }) }) }, config: { pageCache: { ttlSeconds: ARTICLE_CACHE_SECONDS } } }, async (request, reply) => {
      const data = await loadArticlePage({ db: ctx.db.kysely, now: now(), names: await ctx.names.get() }, request.params.slug);
      if (!data) {
        // An old slug of a story whose slug changed after it went live (src/newsroom/) moves permanently.
        const moved = await findSlugRedirect(ctx.db.kysely, request.params.slug);
        return moved ? reply.redirect(`/articles/${moved}`, 301) : reply.callNotFound();
      }
      const { article, entities } = data;
      // The page's four parts are independent: their queries run side by side, so on PostgreSQL
      // a render waits for the slowest part, not for every round trip in turn.
      const [onAir, alsoSee, reactions, comments] = await Promise.all([
        // Air times of the dramas in the story that are on air or about to be (src/schedule/).
        loadStorySchedules({ db: ctx.db.kysely, now: ctx.clock() }, entities.dramas.map((d) => d.id)),
        loadAlsoSee({ articleId: article.id }, { db: ctx.db.kysely }),
        reactionWidgetFor(ctx, request, article),
        loadCommentSection(ctx, request, article),
      ]);
      const image = storyImage(ctx.site, article, data.media);
      const html = renderPage(
        ctx.site,
        {
          title: article.headline,
          description: data.description,
          path: `/articles/${article.slug}`,
          ogType: 'article',
          ...storyCardMeta(ctx.site, article, image),
          jsonLd: [newsArticleJsonLd(ctx.site, article, entities, data.description, image), articleBreadcrumbJsonLd(ctx.site, article), ...storyMediaJsonLd(ctx.site.publicUrl, data.media, { headline: article.headline, description: data.description, publishedAt: article.published_at })],
        },
        <ArticleView article={article} lead={StoryLead({ media: data.media, body: article.body, alt: article.lead_image_alt })} bodyHtml={data.bodyHtml} tags={data.tags} people={entities.people} dramas={entities.dramas} onAir={onAir} alsoSee={alsoSee} reactions={reactions.widget} comments={comments.section} commentCount={comments.count} />,
      );
      return reply
        .cacheTags([...articlePageTags(article.id, entities.people.map((p) => p.id), entities.dramas.map((d) => d.id)), ...storyMediaTags(data.media)])
        .headers(cacheHeadersFor(reactions.personal || comments.personalized))
        .type('text/html; charset=utf-8')
        .send(spliceThread(html, comments.thread));
    });

    app.get(
      '/api/v1/articles',
      {
        schema: {
          tags: ['articles'],
          summary: 'Published stories, newest first',
          querystring: Type.Object({
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
            kind: Type.Optional(Kind),
          }),
          response: {
            200: Type.Object({ items: Type.Array(ArticleSummary), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }),
            400: ErrorBody,
          },
        },
      },
      async (request) => {
        const { limit, offset, kind } = request.query;
        const [rows, total] = await Promise.all([
          listPublishedArticles(ctx.db.kysely, { limit, offset, now: now(), kind }),
          countPublishedArticles(ctx.db.kysely, now(), kind),
        ]);
        return { items: rows.map(summary), total, limit, offset };
      },
    );

    app.get(
      '/api/v1/articles/:slug',
      {
        schema: {
          tags: ['articles'],
          summary: 'One published story by slug',
          params: Type.Object({ slug: Type.String({ maxLength: 200 }) }),
          response: { 200: ArticleDetail, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const data = await loadArticlePage({ db: ctx.db.kysely, now: now(), names: await ctx.names.get() }, request.params.slug);
        if (!data) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No published story has the slug "${request.params.slug}"` });
        return {
          ...summary(data.article),
          body: data.article.body,
          bodyHtml: data.bodyHtml.__trusted,
          tags: data.tags.map((t) => t.name),
          people: data.entities.people.map((p) => ({ slug: p.slug, name: p.display_name })),
          dramas: data.entities.dramas.map((d) => ({ slug: d.slug, title: d.title })),
        };
      },
    );
  };
}
