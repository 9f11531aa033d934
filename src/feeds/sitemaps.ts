import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { LIVE_STATUSES } from '../articles/articles.repository.js';
import { el, xmlDocument, type XmlNode } from './xml.js';

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News takes stories of the last two days only. */
export const NEWS_WINDOW_HOURS = 48;
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export type SitemapSection = 'stories' | 'people' | 'dramas';
type Q = Kysely<Database>;

/** Rows of one section, oldest first so pages stay stable as new ones are added at the end. */
async function sectionRows(db: Q, section: SitemapSection, now: string, limit: number, offset: number) {
  if (section === 'stories') {
    const rows = await db.selectFrom('articles').select(['id', 'slug', 'updated_at', 'published_at']).where('status', 'in', LIVE_STATUSES).where('published_at', '<=', now).orderBy('id').limit(limit).offset(offset).execute();
    return rows.map((r) => ({ path: `/articles/${r.slug}`, lastmod: maxIso(r.updated_at, r.published_at) }));
  }
  const table = section === 'people' ? 'people' : 'dramas';
  const rows = await db.selectFrom(table).select(['id', 'slug', 'updated_at']).orderBy('id').limit(limit).offset(offset).execute();
  return rows.map((r) => ({ path: `/${table}/${r.slug}`, lastmod: r.updated_at }));
}

async function sectionSummary(db: Q, section: SitemapSection, now: string): Promise<{ count: number; lastmod: string | null }> {
  if (section === 'stories') {
    const r = await db.selectFrom('articles').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('m'), eb.fn.max('published_at').as('p')]).where('status', 'in', LIVE_STATUSES).where('published_at', '<=', now).executeTakeFirstOrThrow();
    return { count: Number(r.n), lastmod: maxIso(r.m as string | null, r.p as string | null) };
  }
  const r = await db.selectFrom(section).select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('m')]).executeTakeFirstOrThrow();
  return { count: Number(r.n), lastmod: (r.m as string | null) ?? null };
}

function maxIso(a: string | null, b: string | null): string {
  const t = Math.max(a ? Date.parse(a) : 0, b ? Date.parse(b) : 0);
  return new Date(t || 0).toISOString();
}

/** The sitemap index: one entry per page of each section, with the section's latest change. */
export async function buildSitemapIndex(deps: { db: Q; publicUrl: string; now: string; pageSize?: number }): Promise<string> {
  const size = deps.pageSize ?? SITEMAP_MAX_URLS;
  const entries: XmlNode[] = [];
  for (const section of ['stories', 'people', 'dramas'] as const) {
    const { count, lastmod } = await sectionSummary(deps.db, section, deps.now);
    for (let page = 1; page <= Math.max(1, Math.ceil(count / size)); page++) {
      entries.push(el('sitemap', undefined, el('loc', undefined, `${deps.publicUrl}/sitemaps/${section}-${page}.xml`), lastmod ? el('lastmod', undefined, lastmod) : null));
    }
  }
  entries.push(el('sitemap', undefined, el('loc', undefined, `${deps.publicUrl}/sitemaps/videos.xml`)));
  return xmlDocument(el('sitemapindex', { xmlns: SITEMAP_NS }, ...entries));
}

/** One page of a section, or undefined past the last page. */
export async function buildSitemapPage(section: SitemapSection, page: number, deps: { db: Q; publicUrl: string; now: string; pageSize?: number }): Promise<string | undefined> {
  const size = deps.pageSize ?? SITEMAP_MAX_URLS;
  const rows = await sectionRows(deps.db, section, deps.now, size, (page - 1) * size);
  if (!rows.length && page > 1) return undefined;
  return xmlDocument(el('urlset', { xmlns: SITEMAP_NS }, ...rows.map((r) => el('url', undefined, el('loc', undefined, `${deps.publicUrl}${r.path}`), el('lastmod', undefined, r.lastmod)))));
}

/** Google News sitemap: stories published in the last two days. */
export async function buildNewsSitemap(deps: { db: Q; publicUrl: string; now: string; siteName: string }): Promise<string> {
  const since = new Date(Date.parse(deps.now) - NEWS_WINDOW_HOURS * 3_600_000).toISOString();
  const rows = await deps.db.selectFrom('articles').select(['slug', 'headline', 'published_at']).where('status', 'in', LIVE_STATUSES).where('published_at', '<=', deps.now).where('published_at', '>=', since).orderBy('published_at', 'desc').limit(1000).execute();
  return xmlDocument(
    el('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' },
      ...rows.map((r) => el('url', undefined,
        el('loc', undefined, `${deps.publicUrl}/articles/${r.slug}`),
        el('news:news', undefined,
          el('news:publication', undefined, el('news:name', undefined, deps.siteName), el('news:language', undefined, 'en')),
          el('news:publication_date', undefined, new Date(r.published_at!).toISOString()),
          el('news:title', undefined, r.headline),
        ),
      )),
    ),
  );
}

/** A watch story's video, as a video sitemap entry needs it. */
export interface SitemapVideo {
  storySlug: string;
  title: string;
  description: string;
  /** Absolute poster URL: required; stories whose video has none are left out. */
  thumbnailUrl: string;
  contentUrl?: string | undefined;
  playerUrl?: string | undefined;
  durationSeconds: number | null;
  publishedAt: string | null;
}

/** Video sitemap of watch stories that have a video with a poster and a playable URL. */
export function buildVideoSitemap(videos: SitemapVideo[], publicUrl: string): string {
  return xmlDocument(
    el('urlset', { xmlns: SITEMAP_NS, 'xmlns:video': 'http://www.google.com/schemas/sitemap-video/1.1' },
      ...videos.map((v) => el('url', undefined,
        el('loc', undefined, `${publicUrl}/articles/${v.storySlug}`),
        el('video:video', undefined,
          el('video:thumbnail_loc', undefined, v.thumbnailUrl),
          el('video:title', undefined, v.title),
          el('video:description', undefined, v.description.slice(0, 2048)),
          v.contentUrl ? el('video:content_loc', undefined, v.contentUrl) : null,
          v.playerUrl ? el('video:player_loc', undefined, v.playerUrl) : null,
          v.durationSeconds ? el('video:duration', undefined, String(Math.round(v.durationSeconds))) : null,
          v.publishedAt ? el('video:publication_date', undefined, new Date(v.publishedAt).toISOString()) : null,
        ),
      )),
    ),
  );
}
