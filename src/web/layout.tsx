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
}

const NAV: { href: string; label: string; section: NonNullable<PageMeta['section']> }[] = [
  { href: '/', label: 'Latest', section: 'home' },
  { href: '/?kind=watch', label: 'Watch', section: 'watch' },
  { href: '/?kind=news', label: 'News', section: 'news' },
  { href: '/?kind=feature', label: 'Features', section: 'features' },
  { href: '/schedule', label: 'Schedule', section: 'schedule' },
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
            <a class="brand" href="/" aria-label={`${site.name} home`}>
              <span class="brand-mark" aria-hidden="true">
                O
              </span>
              {site.name}
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
