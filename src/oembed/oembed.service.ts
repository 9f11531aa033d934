import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findPublishedArticleBySlug, type ArticleWithAuthor } from '../articles/articles.repository.js';
import { KIND_SECTIONS } from '../articles/articles.jsonld.js';
import { findSlugRedirect } from '../newsroom/articles/editor.repository.js';
import { findImage, imageIdFromUrl } from '../media/images.service.js';
import { mediaUrl } from '../media/storage.js';
import type { Site } from '../web/site.js';
import { storyCardHtml } from './oembed.card.js';

/** Width of the card when the consumer sets no limit (px); about a tweet's. */
export const CARD_WIDTH_PX = 550;
/** Height the card is drawn for: headline, dek and byline lines (px). */
export const CARD_HEIGHT_PX = 200;
/** How long a consumer may keep the response (s): stories change rarely once out. */
export const CACHE_AGE_SECONDS = 3600;

/** oEmbed 1.0 "rich" response (https://oembed.com/, section 2.3.4). */
export interface OembedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/**
 * The slug of the story a URL points at, or undefined when it is not a story page of this site:
 * same origin as the site, path /articles/<slug>; query and fragment are ignored.
 */
export function storySlugFromUrl(site: Site, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const home = new URL(`${site.publicUrl}/`);
  if (parsed.origin !== home.origin || !parsed.pathname.startsWith(home.pathname)) return undefined;
  const m = /^articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(parsed.pathname.slice(home.pathname.length));
  return m?.[1];
}

/** The oEmbed card of the live story at `url`, or undefined when there is none. */
export async function oembedForUrl(
  input: { url: string; maxWidth?: number | undefined; maxHeight?: number | undefined },
  deps: { db: Kysely<Database>; site: Site; now: string },
): Promise<OembedRich | undefined> {
  const slug = storySlugFromUrl(deps.site, input.url);
  if (!slug) return undefined;
  // An old link to a story whose slug changed still embeds the story (as its page redirects).
  const story = (await findPublishedArticleBySlug(deps.db, slug, deps.now)) ?? (await viaRedirect(deps, slug));
  if (!story) return undefined;
  const width = Math.min(CARD_WIDTH_PX, input.maxWidth ?? CARD_WIDTH_PX);
  const height = Math.min(CARD_HEIGHT_PX, input.maxHeight ?? CARD_HEIGHT_PX);
  const storyUrl = `${deps.site.publicUrl}/articles/${story.slug}`;
  const thumbnail = await thumbnailFor(deps, story, input.maxWidth, input.maxHeight);
  return {
    version: '1.0',
    type: 'rich',
    title: story.headline,
    author_name: story.author_name ?? deps.site.name,
    // Authors have no pages of their own yet; the publication stands for them.
    author_url: `${deps.site.publicUrl}/`,
    provider_name: deps.site.name,
    provider_url: `${deps.site.publicUrl}/`,
    cache_age: CACHE_AGE_SECONDS,
    html: storyCardHtml({ url: storyUrl, headline: story.headline, dek: story.dek, section: KIND_SECTIONS[story.kind].name, author: story.author_name, siteName: deps.site.name, siteUrl: `${deps.site.publicUrl}/`, width }),
    width,
    height,
    ...thumbnail,
  };
}

async function viaRedirect(deps: { db: Kysely<Database>; now: string }, slug: string): Promise<ArticleWithAuthor | undefined> {
  const moved = await findSlugRedirect(deps.db, slug);
  return moved ? findPublishedArticleBySlug(deps.db, moved, deps.now) : undefined;
}

/**
 * The largest JPEG variant of an uploaded lead image that fits maxwidth × maxheight. oEmbed
 * wants a thumbnail's size stated and within the limits, so a picture whose size we do not
 * know (an outside URL, a video poster) gives none.
 */
async function thumbnailFor(deps: { db: Kysely<Database>; site: Site }, story: { lead_image_url: string | null }, maxWidth?: number, maxHeight?: number) {
  const id = imageIdFromUrl(story.lead_image_url);
  const image = id === undefined ? undefined : await findImage(deps.db, id);
  const fit = image?.variants
    .filter((v) => v.format === 'jpeg' && v.width <= (maxWidth ?? Infinity) && v.height <= (maxHeight ?? Infinity))
    .sort((a, b) => b.width - a.width)[0];
  return fit ? { thumbnail_url: `${deps.site.publicUrl}${mediaUrl(fit.key)}`, thumbnail_width: fit.width, thumbnail_height: fit.height } : {};
}
