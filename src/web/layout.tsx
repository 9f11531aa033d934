import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { JsonLd } from './raw.js';
import { SITE_TAGLINE, type Site } from './site.js';

export interface PageMeta {
  /** Document title, without the site name. */
  title: string;
  description?: string | undefined;
  /** Path of the canonical URL, e.g. /articles/x. */
  path: string;
  /** Which nav item is current. */
  section?: 'home' | 'watch' | 'news' | 'features' | 'schedule' | 'search' | undefined;
  jsonLd?: unknown[] | undefined;
  /** og:type; "article" on stories. */
  ogType?: string | undefined;
  noindex?: boolean | undefined;
  /** The picture of the page for og:image and a large Twitter card; the site logo when absent. */
  image?: { url: string; alt: string; width?: number | undefined; height?: number | undefined } | undefined;
  /** Stories: Open Graph article:* tags. */
  article?: { publishedTime: string; modifiedTime: string; author: string | null; section: string } | undefined;
  /** Absolute URL of this page's oEmbed JSON, for oEmbed discovery (src/oembed/). */
  oembedUrl?: string | undefined;
}

const NAV: { href: string; label: string; section: NonNullable<PageMeta['section']> }[] = [
  { href: '/', label: 'Latest', section: 'home' },
  { href: '/?kind=watch', label: 'Watch', section: 'watch' },
  { href: '/?kind=news', label: 'News', section: 'news' },
  { href: '/?kind=feature', label: 'Features', section: 'features' },
  { href: '/schedule', label: 'Schedule', section: 'schedule' },
  { href: '/search', label: 'Search', section: 'search' },
];

function Layout(props: { site: Site; meta: PageMeta; children: ComponentChildren }): JSX.Element {
  const { site, meta } = props;
  const canonical = `${site.publicUrl}${meta.path}`;
  const fullTitle = meta.section === 'home' && meta.path === '/' ? `${site.name}: ${SITE_TAGLINE}` : `${meta.title} · ${site.name}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? null : <link rel="canonical" href={canonical} />}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#111114" media="(prefers-color-scheme: dark)" />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:url" content={canonical} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {/* Cards for social sites (src/web/structured-data.ts has the JSON-LD side). */}
        <meta property="og:locale" content="en_US" />
        <meta property="og:image" content={meta.image?.url ?? `${site.publicUrl}${site.assets.url('logo.png')}`} />
        <meta property="og:image:alt" content={meta.image?.alt ?? `${site.name} logo`} />
        {meta.image?.width && meta.image.height ? <meta property="og:image:width" content={String(meta.image.width)} /> : null}
        {meta.image?.width && meta.image.height ? <meta property="og:image:height" content={String(meta.image.height)} /> : null}
        {meta.article ? <meta property="article:published_time" content={meta.article.publishedTime} /> : null}
        {meta.article ? <meta property="article:modified_time" content={meta.article.modifiedTime} /> : null}
        {meta.article?.author ? <meta property="article:author" content={meta.article.author} /> : null}
        {meta.article ? <meta property="article:section" content={meta.article.section} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        {meta.image ? <meta name="twitter:image" content={meta.image.url} /> : null}
        {meta.image ? <meta name="twitter:image:alt" content={meta.image.alt} /> : null}
        {meta.oembedUrl ? <link rel="alternate" type="application/json+oembed" title={meta.title} href={meta.oembedUrl} /> : null}
        {/* Feed discovery for readers and crawlers (src/feeds/). */}
        <link rel="alternate" type="application/rss+xml" title={`${site.name} (RSS)`} href={`${site.publicUrl}/feed.xml`} />
        <link rel="alternate" type="application/atom+xml" title={`${site.name} (Atom)`} href={`${site.publicUrl}/atom.xml`} />
        {/* Without it every browser asks for /favicon.ico (a 404 and a console error on each first visit). */}
        <link rel="icon" type="image/png" href={site.assets.url('logo.png')} />
        <link rel="stylesheet" href={site.assets.url('site.css')} />
        <script type="module" src={site.assets.url('app.js')} />
        {(meta.jsonLd ?? []).map((data) => (
          <JsonLd data={data} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            {/* Named by its own text ("Onset home"), not aria-label: a label that does not contain the
                visible text fails WCAG 2.5.3 (label in name) for people who speak the link's name. */}
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                O
              </span>
              {site.name}
              <span class="visually-hidden"> home</span>
            </a>
            <nav class="site-nav" aria-label="Sections">
              {NAV.map((item) => (
                <a href={item.href} aria-current={meta.section === item.section ? 'page' : undefined}>
                  {item.label}
                </a>
              ))}
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <span>
              {site.name} · {SITE_TAGLINE}
            </span>
            <span>Stories, casts and air times for K-drama fans everywhere.</span>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole HTML document. All text and attributes are escaped by JSX. */
export function renderPage(site: Site, meta: PageMeta, body: JSX.Element): string {
  return `<!doctype html>${renderToString(
    <Layout site={site} meta={meta}>
      {body}
    </Layout>,
  )}`;
}
