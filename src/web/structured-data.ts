// JSON-LD pieces that several pages share: the publisher with its logo, and breadcrumbs.
// Pages put the objects these return into PageMeta.jsonLd; the layout serializes them with
// jsonLdText (src/web/raw.tsx), so no value here needs escaping.
import type { Site } from './site.js';

/** Pixel size of src/web/assets/logo.png (square). */
export const LOGO_SIZE_PX = 512;

/** An absolute URL for a site path (or an already absolute URL, unchanged). */
export function absoluteUrl(site: Site, pathOrUrl: string): string {
  return new URL(pathOrUrl, `${site.publicUrl}/`).href;
}

/** The site as a news publisher, with the raster logo search engines ask for. */
export function publisherJsonLd(site: Site) {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: `${site.publicUrl}/`,
    logo: { '@type': 'ImageObject', url: absoluteUrl(site, site.assets.url('logo.png')), width: LOGO_SIZE_PX, height: LOGO_SIZE_PX },
  };
}

/** One step of a trail; the last one (the page itself) may leave out its path. */
export interface Crumb {
  name: string;
  path?: string | undefined;
}

/** schema.org BreadcrumbList from the home page down to the page. */
export function breadcrumbJsonLd(site: Site, crumbs: Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      ...(c.path !== undefined ? { item: absoluteUrl(site, c.path) } : {}),
    })),
  };
}
