import type { Site } from '../web/site.js';

/** The oEmbed endpoint's URL for one of our pages, as the discovery link in its head gives it. */
export function oembedUrlFor(site: Site, pageUrl: string): string {
  return `${site.publicUrl}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}
