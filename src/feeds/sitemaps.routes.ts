import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { LIVE_STATUSES } from '../articles/articles.repository.js';
import { markdownToText } from '../articles/markdown.js';
import { loadStoryMedia } from '../media/story-media.js';
import { sendXmlConditional } from './conditional.js';
import { buildNewsSitemap, buildSitemapIndex, buildSitemapPage, buildVideoSitemap, type SitemapVideo } from './sitemaps.js';

const XML = 'application/xml; charset=utf-8';
// Watch stories checked for a video per request of the video sitemap.
const MAX_VIDEO_STORIES = 1000;

/** /sitemap.xml (index), /sitemaps/:section-:page.xml, /news-sitemap.xml, /sitemaps/videos.xml, /robots.txt. */
export function sitemapRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = ctx.site.publicUrl;
    const deps = () => ({ db: ctx.db.kysely, publicUrl: base, now: ctx.clock().toISOString() });

    app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /newsroom\nDisallow: /api/\nDisallow: /search\n\nSitemap: ${base}/sitemap.xml\nSitemap: ${base}/news-sitemap.xml\n`));

    app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
      const d = deps();
      return sendXmlConditional(request, reply, await buildSitemapIndex(d), d.now, XML);
    });

    app.get('/sitemaps/:file', { schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
      const d = deps();
      if (request.params.file === 'videos.xml') return sendXmlConditional(request, reply, buildVideoSitemap(await listSitemapVideos(ctx), base), d.now, XML);
      const m = /^(stories|people|dramas)-([1-9]\d{0,5})\.xml$/.exec(request.params.file);
      if (!m) return reply.callNotFound();
      const body = await buildSitemapPage(m[1] as 'stories' | 'people' | 'dramas', Number(m[2]), d);
      if (!body) return reply.callNotFound();
      return sendXmlConditional(request, reply, body, d.now, XML);
    });

    app.get('/news-sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
      const d = deps();
      return sendXmlConditional(request, reply, await buildNewsSitemap({ ...d, siteName: ctx.site.name }), d.now, XML);
    });
  };
}

/**
 * Watch stories whose lead video (src/media/) has a poster and a URL to play: a video sitemap
 * entry without a real thumbnail is refused by search engines, so those stories are left out.
 */
async function listSitemapVideos(ctx: AppContext): Promise<SitemapVideo[]> {
  const now = ctx.clock().toISOString();
  const stories = await ctx.db.kysely.selectFrom('articles').select(['id', 'slug', 'headline', 'dek', 'body', 'published_at', 'lead_image_url']).where('kind', '=', 'watch').where('status', 'in', LIVE_STATUSES).where('published_at', '<=', now).orderBy('published_at', 'desc').limit(MAX_VIDEO_STORIES).execute();
  const out: SitemapVideo[] = [];
  for (const s of stories) {
    const lead = (await loadStoryMedia(ctx.db.kysely, s)).lead;
    if (!lead?.posterUrl) continue;
    const abs = (u: string) => new URL(u, ctx.site.publicUrl).href;
    const playerUrl = lead.provider === 'youtube' && lead.providerId ? `https://www.youtube-nocookie.com/embed/${encodeURIComponent(lead.providerId)}` : lead.provider === 'vimeo' && lead.providerId ? `https://player.vimeo.com/video/${encodeURIComponent(lead.providerId)}` : undefined;
    const contentUrl = lead.fileUrl ? abs(lead.fileUrl) : undefined;
    if (!playerUrl && !contentUrl) continue;
    out.push({ storySlug: s.slug, title: lead.title || s.headline, description: lead.description || s.dek || markdownToText(s.body).slice(0, 300), thumbnailUrl: abs(lead.posterUrl), contentUrl, playerUrl, durationSeconds: lead.durationSeconds, publishedAt: s.published_at });
  }
  return out;
}
