import type { Assets } from './assets.js';

/** What every page needs to know about the site it belongs to. */
export interface Site {
  name: string;
  /** Origin for absolute URLs, without trailing slash. */
  publicUrl: string;
  assets: Assets;
}

export const SITE_NAME = 'Onset';
export const SITE_TAGLINE = 'K-drama and K-entertainment news';

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "November 25, 2026" for an ISO instant (UTC calendar date). */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
