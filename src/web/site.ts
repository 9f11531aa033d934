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
  const date = new Date(iso);
  const day = Math.floor(date.getTime() / 86_400_000);
  // Intl formatting is slow next to a lookup, and a page of cards or comments repeats few days.
  if (!Number.isFinite(day)) return dateFormat.format(date);
  const known = formattedDays.get(day);
  if (known !== undefined) return known;
  const text = dateFormat.format(date);
  if (formattedDays.size >= 10_000) formattedDays.clear();
  formattedDays.set(day, text);
  return text;
}
const formattedDays = new Map<number, string>();
