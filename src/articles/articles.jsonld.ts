import type { PageMeta } from '../web/layout.js';
import type { Site } from '../web/site.js';
import { oembedUrlFor } from '../oembed/oembed.link.js';
import { breadcrumbJsonLd, publisherJsonLd } from '../web/structured-data.js';
import type { ArticleWithAuthor } from './articles.repository.js';
import type { ArticleKind } from './articles.table.js';
import type { StoryImage } from './story-image.js';

/** The section front of each kind, as the site nav names it. */
export const KIND_SECTIONS: Record<ArticleKind, { name: string; path: string }> = {
  watch: { name: 'Watch', path: '/?kind=watch' },
  news: { name: 'News', path: '/?kind=news' },
  feature: { name: 'Features', path: '/?kind=feature' },
};

/**
 * schema.org NewsArticle for a story page: what Google's article rich results read (headline,
 * image, dates, author, publisher with logo), plus the dramas it is about and the people it names.
 */
export function newsArticleJsonLd(
  site: Site,
  a: ArticleWithAuthor,
  mentions: { people: { slug: string; display_name: string; hangul_name?: string | null }[]; dramas: { slug: string; title: string }[] },
  description: string,
  image?: StoryImage | undefined,
) {
  const url = `${site.publicUrl}/articles/${a.slug}`;
  // A story scheduled ahead is saved before it goes out; it was not "modified" before it existed.
  const published = a.published_at ?? a.created_at;
  const modified = a.updated_at > published ? a.updated_at : published;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: published,
    dateModified: modified,
    articleSection: KIND_SECTIONS[a.kind].name,
    inLanguage: 'en',
    isAccessibleForFree: true,
    ...(image
      ? { image: [{ '@type': 'ImageObject', url: image.url, caption: image.alt, ...(image.width && image.height ? { width: image.width, height: image.height } : {}) }] }
      : {}),
    author: a.author_name ? [{ '@type': 'Person', name: a.author_name }] : [{ '@type': 'Organization', name: site.name, url: `${site.publicUrl}/` }],
    publisher: publisherJsonLd(site),
    about: mentions.dramas.map((d) => ({ '@type': 'TVSeries', name: d.title, url: `${site.publicUrl}/dramas/${d.slug}` })),
    mentions: mentions.people.map((p) => ({
      '@type': 'Person',
      name: p.display_name,
      ...(p.hangul_name ? { alternateName: p.hangul_name } : {}),
      url: `${site.publicUrl}/people/${p.slug}`,
    })),
  };
}

/** Home › section of the story's kind › the story. */
export function articleBreadcrumbJsonLd(site: Site, a: { kind: ArticleKind; headline: string; slug: string }) {
  return breadcrumbJsonLd(site, [{ name: 'Home', path: '/' }, KIND_SECTIONS[a.kind], { name: a.headline, path: `/articles/${a.slug}` }]);
}

/** PageMeta of a story for Open Graph, Twitter cards and oEmbed discovery (src/web/layout.tsx). */
export function storyCardMeta(site: Site, a: ArticleWithAuthor, image: StoryImage | undefined): Pick<PageMeta, 'image' | 'article' | 'oembedUrl'> {
  const published = a.published_at ?? a.created_at;
  return {
    image,
    article: { publishedTime: published, modifiedTime: a.updated_at > published ? a.updated_at : published, author: a.author_name, section: KIND_SECTIONS[a.kind].name },
    oembedUrl: oembedUrlFor(site, `${site.publicUrl}/articles/${a.slug}`),
  };
}
