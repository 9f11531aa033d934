import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { ArticleKind } from '../articles/articles.table.js';
import { findDramaBySlug, findPersonBySlug } from '../catalog/catalog.repository.js';
import { listFeedStories, type FeedScope } from './feeds.repository.js';
import { buildAtom, buildRss, lastModified, type FeedChannel } from './feeds.build.js';
import { sendXmlConditional } from './conditional.js';
import { sitemapRoutes } from './sitemaps.routes.js';

const FEED_ITEMS = 30;
const KIND_TITLES: Record<ArticleKind, string> = { news: 'News', watch: 'Watch', feature: 'Features' };

/**
 * Feeds: /feed.xml (RSS 2.0) and /atom.xml for the whole site; ?kind=watch|news|feature for one
 * kind; /people/:slug/feed.xml|atom.xml and /dramas/:slug/feed.xml|atom.xml for one entity.
 */
/** `fullText` (FEED_FULL_TEXT, src/config.ts) puts whole stories in feeds; otherwise summaries only. */
export function feedsRoutes(ctx: AppContext, options: { fullText?: boolean } = {}): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(sitemapRoutes(ctx));
    const fullText = options.fullText ?? false;
    const base = ctx.site.publicUrl;

    async function send(request: FastifyRequest, reply: FastifyReply, format: 'rss' | 'atom', scope: FeedScope, channel: FeedChannel) {
      const now = ctx.clock().toISOString();
      const stories = await listFeedStories(ctx.db.kysely, scope, now, FEED_ITEMS);
      const o = { siteName: ctx.site.name, publicUrl: base, fullText, now };
      const body = format === 'rss' ? buildRss(channel, stories, o) : buildAtom(channel, stories, o);
      return sendXmlConditional(request, reply, body, lastModified(stories, now), format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8');
    }

    const KindQuery = Type.Object({ kind: Type.Optional(Type.Union([Type.Literal('news'), Type.Literal('watch'), Type.Literal('feature')])) });
    for (const [path, format] of [['/feed.xml', 'rss'], ['/atom.xml', 'atom']] as const) {
      app.get(path, { schema: { hide: true, querystring: KindQuery } }, async (request, reply) => {
        const kind = request.query.kind;
        const q = kind ? `?kind=${kind}` : '';
        return send(request, reply, format, { kind }, {
          title: kind ? `${ctx.site.name}: ${KIND_TITLES[kind]}` : ctx.site.name,
          description: kind ? `${KIND_TITLES[kind]} stories from ${ctx.site.name}.` : 'The latest K-drama news, behind-the-scenes videos and features.',
          pageUrl: `${base}/${q}`,
          rssUrl: `${base}/feed.xml${q}`,
          atomUrl: `${base}/atom.xml${q}`,
        });
      });
    }

    const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
    for (const format of ['rss', 'atom'] as const) {
      const file = format === 'rss' ? 'feed.xml' : 'atom.xml';
      app.get(`/people/:slug/${file}`, { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
        const person = await findPersonBySlug(ctx.db.kysely, request.params.slug);
        if (!person) return reply.callNotFound();
        const page = `${base}/people/${person.slug}`;
        return send(request, reply, format, { personId: person.id }, { title: `${person.display_name} · ${ctx.site.name}`, description: `Stories about ${person.display_name} on ${ctx.site.name}.`, pageUrl: page, rssUrl: `${page}/feed.xml`, atomUrl: `${page}/atom.xml` });
      });
      app.get(`/dramas/:slug/${file}`, { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
        const drama = await findDramaBySlug(ctx.db.kysely, request.params.slug);
        if (!drama) return reply.callNotFound();
        const page = `${base}/dramas/${drama.slug}`;
        return send(request, reply, format, { dramaId: drama.id }, { title: `${drama.title} · ${ctx.site.name}`, description: `Stories about ${drama.title} on ${ctx.site.name}.`, pageUrl: page, rssUrl: `${page}/feed.xml`, atomUrl: `${page}/atom.xml` });
      });
    }
  };
}
