// JSON shapes of schedules in the API, as TypeBox schemas (validation, types and the OpenAPI
// document all come from these) and the functions that fill them.
import { Type, type Static } from 'typebox';
import { WEEKDAYS } from './describe.js';
import type { DramaScheduleSummary, ScheduledEpisode } from './schedule.service.js';

const IsoDate = Type.String({ format: 'date', description: 'ISO date, e.g. 2021-06-19' });
const Instant = Type.String({ format: 'date-time', description: 'Instant in UTC, e.g. 2021-06-19T14:00:00Z' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const ZonedTime = Type.Object({
  zone: Type.String({ description: 'IANA zone, e.g. America/New_York' }),
  date: IsoDate,
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
  time: Type.String({ description: '24-hour HH:MM' }),
});

/** A drama's schedule inside GET /api/v1/dramas/:slug. */
export const DramaScheduleJson = Type.Object({
  text: Nullable(Type.String({ description: 'e.g. "Airs every Saturday at 11 p.m. KST"' })),
  status: Nullable(Type.Union([Type.Literal('upcoming'), Type.Literal('airing'), Type.Literal('ended')])),
  timeZone: Type.String({ description: "The network's zone; slots and air dates are in it" }),
  slots: Type.Array(Type.Object({ weekday: Type.Integer({ minimum: 1, maximum: 7 }), weekdayName: Type.String(), time: Type.String() })),
  firstAirDate: Nullable(IsoDate),
  lastAirDate: Nullable(IsoDate),
  episodes: Nullable(Type.Integer()),
  nextEpisode: Nullable(Type.Object({ number: Type.Integer(), startsAt: Instant, localDate: IsoDate, localTime: Type.String(), special: Type.Optional(Type.String({ description: 'title of a special broadcast' })) })),
  calendarUrl: Nullable(Type.String({ description: 'iCalendar feed of every episode' })),
});

/** One broadcast in GET /api/v1/schedule. */
export const ScheduledEpisodeJson = Type.Object({
  drama: Type.String({ description: 'slug' }),
  title: Type.String(),
  network: Nullable(Type.String()),
  episode: Type.Integer(),
  special: Type.Optional(Type.String({ description: 'title of a special broadcast outside the weekly slots' })),
  episodes: Nullable(Type.Integer({ description: 'announced episode count' })),
  startsAt: Instant,
  networkTime: ZonedTime,
  localTime: ZonedTime,
  url: Type.String(),
});

export function dramaScheduleJson(s: DramaScheduleSummary, publicUrl: string): Static<typeof DramaScheduleJson> {
  return {
    text: s.slotsText,
    status: s.status,
    timeZone: s.timeZone,
    slots: s.slots.map((slot) => ({ weekday: slot.weekday, weekdayName: WEEKDAYS[slot.weekday - 1]!, time: slot.localTime })),
    firstAirDate: s.firstAirDate,
    lastAirDate: s.lastAirDate,
    episodes: s.episodeCount,
    nextEpisode: s.next ? { number: s.next.number, startsAt: s.next.startsAt, localDate: s.next.localDate, localTime: s.next.localTime, ...(s.next.special ? { special: s.next.special } : {}) } : null,
    calendarUrl: s.episodes.length ? `${publicUrl}${s.calendarPath}` : null,
  };
}

export function scheduledEpisodeJson(e: ScheduledEpisode, publicUrl: string): Static<typeof ScheduledEpisodeJson> {
  return {
    drama: e.drama.slug,
    title: e.drama.title,
    network: e.drama.networkName,
    episode: e.number,
    ...(e.special ? { special: e.special } : {}),
    episodes: e.episodeCount,
    startsAt: e.startsAt,
    networkTime: e.network,
    localTime: e.local,
    url: `${publicUrl}/dramas/${e.drama.slug}`,
  };
}
