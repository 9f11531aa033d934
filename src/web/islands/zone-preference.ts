// Which zone the reader wants times in: one named in the URL (?tz=, from the no-JavaScript form
// or a shared link), else one picked earlier and kept in localStorage, else the browser's own.
const STORAGE_KEY = 'onset.timeZone';

/** A zone and where the choice came from, which decides how times are labelled. */
export interface ZonePreference {
  zone: string;
  source: 'browser' | 'chosen';
}

/** True when this browser's Intl knows the zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the operating system is set to; UTC if the browser will not say. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function storedZone(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy modes); the browser's zone still works.
    return null;
  }
}

export function preferredZone(): ZonePreference {
  const fromUrl = new URLSearchParams(location.search).get('tz');
  if (fromUrl && isKnownZone(fromUrl)) return { zone: fromUrl, source: 'chosen' };
  const stored = storedZone();
  if (stored && isKnownZone(stored)) return { zone: stored, source: 'chosen' };
  return { zone: browserZone(), source: 'browser' };
}

/**
 * Remembers a picked zone (null: back to the browser's) and drops ?tz= from the address, which
 * would otherwise outrank the new choice on reload.
 */
export function rememberZone(zone: string | null): void {
  try {
    if (zone) localStorage.setItem(STORAGE_KEY, zone);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not remembered, but still applied to this page.
  }
  const url = new URL(location.href);
  if (url.searchParams.has('tz')) {
    url.searchParams.delete('tz');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
}
