// A drama's episodes as an iCalendar feed (RFC 5545), for "Add to calendar" and subscriptions.
// One VEVENT per episode rather than an RRULE with EXDATEs: breaks shift the numbering, so each
// episode's summary differs anyway, and explicit events are what every calendar app reads alike.
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { Episode } from './schedule.js';
import { vtimezone } from './vtimezone.js';

/** Calendar apps refresh subscribed feeds about this often; the schedule rarely changes faster. */
const REFRESH_SECONDS = 12 * 3600;
const DEFAULT_RUNTIME_MINUTES = 60;

export interface CalendarDrama {
  id: number;
  slug: string;
  title: string;
  networkName: string | null;
  episodes: number | null;
  runtimeMinutes: number | null;
  /** ISO instant of the drama's last change: the DTSTAMP of every event, so the feed is stable. */
  updatedAt: string;
}

/**
 * Stable across edits and re-seeds of the same drama, so a calendar app that fetches the feed
 * again updates its events instead of adding copies.
 */
export function episodeUid(dramaId: number, episode: number): string {
  return `drama-${dramaId}-ep-${episode}@onset`;
}

/** The .ics text: a VTIMEZONE for the network's zone and one event per episode, times in that zone. */
export function dramaCalendar(input: { drama: CalendarDrama; episodes: Episode[]; timeZone: string; siteName: string; pageUrl: string }): string {
  const { drama, episodes, timeZone } = input;
  const years = episodes.map((e) => Number(e.localDate.slice(0, 4)));
  const calendar = ical({
    name: `${drama.title} · ${input.siteName}`,
    description: `Air dates of ${drama.title}${drama.networkName ? ` on ${drama.networkName}` : ''}, from ${input.siteName}.`,
    prodId: { company: input.siteName, product: 'Schedule', language: 'EN' },
    url: input.pageUrl,
    ttl: REFRESH_SECONDS,
    // Only a generator, no calendar-wide zone name: with a name, ical-generator writes DTSTAMP as
    // local time and adds a non-standard TIMEZONE-ID; each event names its zone instead.
    timezone: { name: null, generator: (zone) => (years.length ? vtimezone(zone, Math.min(...years), Math.max(...years)) : null) },
  });
  const stamp = new Date(drama.updatedAt);
  for (const ep of episodes) {
    const start = DateTime.fromISO(ep.startsAt, { zone: timeZone });
    calendar.createEvent({
      id: episodeUid(drama.id, ep.number),
      start,
      end: start.plus({ minutes: drama.runtimeMinutes ?? DEFAULT_RUNTIME_MINUTES }),
      timezone: timeZone,
      stamp,
      summary: `${drama.title}: episode ${ep.number}${ep.special ? ` (${ep.special})` : ''}`,
      description: `Episode ${ep.number}${drama.episodes ? ` of ${drama.episodes}` : ''}${drama.networkName ? ` on ${drama.networkName}` : ''}. ${input.pageUrl}`,
      ...(drama.networkName ? { location: drama.networkName } : {}),
      url: input.pageUrl,
    });
  }
  return calendar.toString();
}
