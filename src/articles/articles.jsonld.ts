import type { Site } from '../web/site.js';
import type { ArticleWithAuthor } from './articles.repository.js';

/** schema.org NewsArticle for a story page. */
export function newsArticleJsonLd(
  site: Site,
  a: ArticleWithAuthor,
  mentions: { people: { slug: string; display_name: string }[]; dramas: { slug: string; title: string }[] },
  description: string,
) {
  const url = `${site.publicUrl}/articles/${a.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description,
    url,
    mainEntityOfPage: url,
    datePublished: a.published_at,
    dateModified: a.updated_at,
    articleSection: a.kind,
    ...(a.lead_image_url ? { image: [new URL(a.lead_image_url, site.publicUrl).href] } : {}),
    author: a.author_name ? [{ '@type': 'Person', name: a.author_name }] : [{ '@type': 'Organization', name: site.name }],
    publisher: { '@type': 'Organization', name: site.name, url: site.publicUrl },
    about: mentions.dramas.map((d) => ({ '@type': 'TVSeries', name: d.title, url: `${site.publicUrl}/dramas/${d.slug}` })),
    mentions: mentions.people.map((p) => ({ '@type': 'Person', name: p.display_name, url: `${site.publicUrl}/people/${p.slug}` })),
  };
}
