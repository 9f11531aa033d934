import { markdownToText, renderStoryMarkdown } from '../articles/markdown.js';
import type { FeedStory } from './feeds.repository.js';
import { escapeHtml } from '../search/snippet.js';
import { el, xmlDocument, type XmlNode } from './xml.js';

/** What a feed is about: its title, the page it stands for and its own URLs. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  /** Absolute URLs of this feed in each format (self links). */
  rssUrl: string;
  atomUrl: string;
}

export interface FeedOptions {
  siteName: string;
  publicUrl: string;
  /** Whole story as sanitized HTML in each item, or the summary only. */
  fullText: boolean;
  /** Used for an empty feed's dates. */
  now: string;
}

const SUMMARY_CHARS = 300;
const storyUrl = (o: FeedOptions, s: FeedStory) => `${o.publicUrl}/articles/${s.slug}`;
const summaryOf = (s: FeedStory) => s.dek || markdownToText(s.body).slice(0, SUMMARY_CHARS);
// Sanitized by renderStoryMarkdown (no raw HTML, then an allowlist): safe for feed readers too.
const fullHtml = (s: FeedStory) => renderStoryMarkdown(s.body);

function imageType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'avif' ? 'image/avif' : ext === 'gif' ? 'image/gif' : 'image/jpeg';
}

/** The newest change among the stories: a feed's Last-Modified and Atom updated. */
export function lastModified(stories: FeedStory[], fallback: string): string {
  let latest = '';
  for (const s of stories) for (const t of [s.updated_at, s.published_at]) if (t && t > latest) latest = t;
  return new Date(latest || fallback).toISOString();
}

/** RSS 2.0: channel title/link/description, one permalink guid per story, RFC 822 dates. */
export function buildRss(channel: FeedChannel, stories: FeedStory[], o: FeedOptions): string {
  const items: XmlNode[] = stories.map((s) => {
    const url = storyUrl(o, s);
    return el('item', undefined,
      el('title', undefined, s.headline),
      el('link', undefined, url),
      el('guid', { isPermaLink: 'true' }, url),
      s.published_at ? el('pubDate', undefined, new Date(s.published_at).toUTCString()) : null,
      s.author_name ? el('dc:creator', undefined, s.author_name) : null,
      el('category', undefined, s.kind),
      // Readers take an RSS description as HTML: plain text goes in escaped, so it stays text.
      el('description', undefined, escapeHtml(summaryOf(s))),
      o.fullText ? el('content:encoded', undefined, fullHtml(s)) : null,
      // RSS requires a length; we do not know a remote image's size, and 0 is the accepted "unknown".
      s.lead_image_url ? el('enclosure', { url: new URL(s.lead_image_url, o.publicUrl).href, length: 0, type: imageType(s.lead_image_url) }) : null,
    );
  });
  return xmlDocument(
    el('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/', 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/' },
      el('channel', undefined,
        el('title', undefined, channel.title),
        el('link', undefined, channel.pageUrl),
        el('description', undefined, channel.description),
        el('language', undefined, 'en'),
        el('lastBuildDate', undefined, new Date(lastModified(stories, o.now)).toUTCString()),
        el('atom:link', { href: channel.rssUrl, rel: 'self', type: 'application/rss+xml' }),
        ...items,
      ),
    ),
  );
}

/** Atom 1.0: feed id/title/updated/self/author, and per entry id, title, updated, link, author. */
export function buildAtom(channel: FeedChannel, stories: FeedStory[], o: FeedOptions): string {
  const entries: XmlNode[] = stories.map((s) => {
    const url = storyUrl(o, s);
    const published = new Date(s.published_at ?? s.updated_at).toISOString();
    // updated never before published: a story scheduled ahead was last saved before it went live.
    const updated = new Date(Math.max(Date.parse(s.updated_at), Date.parse(published))).toISOString();
    return el('entry', undefined,
      el('id', undefined, url),
      el('title', { type: 'text' }, s.headline),
      el('link', { rel: 'alternate', type: 'text/html', href: url }),
      el('published', undefined, published),
      el('updated', undefined, updated),
      el('author', undefined, el('name', undefined, s.author_name ?? o.siteName)),
      el('category', { term: s.kind }),
      el('summary', { type: 'text' }, summaryOf(s)),
      o.fullText ? el('content', { type: 'html' }, fullHtml(s)) : null,
      s.lead_image_url ? el('link', { rel: 'enclosure', type: imageType(s.lead_image_url), href: new URL(s.lead_image_url, o.publicUrl).href }) : null,
    );
  });
  return xmlDocument(
    el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' },
      el('id', undefined, channel.atomUrl),
      el('title', { type: 'text' }, channel.title),
      el('subtitle', { type: 'text' }, channel.description),
      el('updated', undefined, lastModified(stories, o.now)),
      el('link', { rel: 'self', type: 'application/atom+xml', href: channel.atomUrl }),
      el('link', { rel: 'alternate', type: 'text/html', href: channel.pageUrl }),
      el('author', undefined, el('name', undefined, o.siteName), el('uri', undefined, o.publicUrl)),
      ...entries,
    ),
  );
}
