// The air schedule of a drama, computed: which episode airs when, whether the run is upcoming,
// airing or over, and what comes next. Pure functions of their inputs and a clock instant; every
// zone conversion goes through luxon (the IANA database), never through hand-written offsets.
import { DateTime, IANAZone } from 'luxon';
import { addDays, isoWeekday } from './calendar-dates.js';

/** One weekly slot in the network's zone. */
export interface Slot {
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** "HH:MM", 24-hour. */
  localTime: string;
}

/** A slot that does not air (a holiday, a sports broadcast); later episodes move on by one. */
export interface ScheduleBreak {
  /** ISO date in the network's zone. */
  airDate: string;
  reason: string;
}

/** A broadcast outside the weekly slots that counts as an episode; later episodes renumber. */
export interface ScheduleSpecial {
  /** ISO date and "HH:MM" in the network's zone. */
  airDate: string;
  localTime: string;
  /** e.g. "Special episode"; empty when it is simply an extra episode. */
  title: string;
}

/** What the schedule of one drama is computed from. */
export interface DramaSchedule {
  slots: Slot[];
  breaks: ScheduleBreak[];
  /** Extra broadcasts; absent means none. */
  specials?: ScheduleSpecial[];
  /** ISO dates in the network's zone; null when not announced. */
  firstAirDate: string | null;
  lastAirDate: string | null;
  /** Announced episode count; null when open-ended. */
  episodes: number | null;
  /** The network's IANA zone, e.g. Asia/Seoul. */
  timeZone: string;
}

/** One episode's broadcast. */
export interface Episode {
  number: number;
  /** The instant it starts, ISO 8601 in UTC, e.g. 2021-06-19T14:00:00Z. */
  startsAt: string;
  /** Date and time in the network's zone. */
  localDate: string;
  localTime: string;
  /** Set on a special broadcast: its title, or "Special" when it has none. */
  special?: string;
}

export type AirStatus = 'upcoming' | 'airing' | 'ended';

/** The computed schedule at one instant. */
export interface ScheduleState {
  /** Null when the drama has no first air date yet. */
  status: AirStatus | null;
  episodes: Episode[];
  /** The first episode that starts after the instant, if any. */
  next: Episode | null;
}

/** A date and time as it falls in some zone. */
export interface ZonedTime {
  /** ISO date, e.g. 2021-06-19. */
  date: string;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** "HH:MM", 24-hour. */
  time: string;
}

// Guards for runs with neither a last air date nor an episode count: a daily drama runs to about
// 150 episodes; nothing on air runs a weekly slot for longer than a few years without new dates.
const MAX_EPISODES = 500;
const MAX_RUN_DAYS = 3 * 366;

/** True when `zone` is an IANA zone name the server (and so luxon) knows, e.g. America/New_York. */
export function isValidTimeZone(zone: string): boolean {
  return zone.length <= 64 && IANAZone.isValidZone(zone);
}

/** The UTC instant (ISO, no milliseconds) of a wall-clock date and time in `zone`. */
export function instantOf(isoDate: string, hhmm: string, zone: string): string {
  // Pure, and asked for the same broadcasts on every render of a story or schedule page: kept.
  return remember(instants, `${isoDate}T${hhmm}|${zone}`, () => {
    const dt = DateTime.fromISO(`${isoDate}T${hhmm}`, { zone });
    if (!dt.isValid) throw new Error(`invalid date/time ${isoDate} ${hhmm} in ${zone}: ${dt.invalidExplanation}`);
    return dt.toUTC().toISO({ suppressMilliseconds: true })!;
  });
}

/** The date, weekday and time that an instant shows on the clocks of `zone`. */
export function inZone(instant: string | Date, zone: string): ZonedTime {
  if (typeof instant !== 'string') return zonedTime(DateTime.fromJSDate(instant).setZone(zone));
  // An instant as text (a broadcast) shows the same on the same clocks every time: kept.
  return remember(zoned, `${instant}|${zone}`, () => zonedTime(DateTime.fromISO(instant).setZone(zone)));
}

function zonedTime(dt: DateTime): ZonedTime {
  return Object.freeze({ date: dt.toISODate()!, weekday: dt.weekday, time: dt.toFormat('HH:mm') });
}

/** The calendar date in `zone` at an instant. */
export function todayIn(now: Date, zone: string): string {
  // Zone offsets are whole minutes, so a zone's date only changes on a whole UTC minute: the date
  // at the start of the minute is the date for all of it.
  const minute = Math.floor(now.getTime() / 60_000);
  return remember(todays, `${minute}|${zone}`, () => inZone(now, zone).date);
}

// Bounded memo tables for the pure conversions above (cleared whole when full).
const MEMO_MAX = 20_000;
const instants = new Map<string, string>();
const zoned = new Map<string, ZonedTime>();
const todays = new Map<string, string>();
function remember<T>(table: Map<string, T>, key: string, compute: () => T): T {
  const known = table.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (table.size >= MEMO_MAX) table.clear();
  table.set(key, value);
  return value;
}

/**
 * Every episode of the run, numbered in order: the weekly slots from the first air date, less the
 * slots that fall on a break, plus the specials, all in time order and cut at the episode count.
 */
export function listEpisodes(schedule: DramaSchedule): Episode[] {
  // Pure: the same schedule gives the same run. Kept, since every render of a story or drama page
  // asks again (walking up to a year of days); a copy of the list is returned, so callers may change it.
  const key = JSON.stringify([schedule.slots, schedule.breaks, schedule.specials ?? [], schedule.firstAirDate, schedule.lastAirDate, schedule.episodes, schedule.timeZone]);
  const known = runs.get(key);
  if (known) return known.map((e) => ({ ...e }));
  const episodes = computeEpisodes(schedule);
  if (runs.size >= 1_000) runs.clear();
  runs.set(key, episodes.map((e) => ({ ...e })));
  return episodes;
}
const runs = new Map<string, Episode[]>();

function computeEpisodes(schedule: DramaSchedule): Episode[] {
  const { firstAirDate, lastAirDate, timeZone } = schedule;
  const specials = schedule.specials ?? [];
  if (!firstAirDate || (schedule.slots.length === 0 && specials.length === 0)) return [];
  const limit = Math.min(schedule.episodes ?? MAX_EPISODES, MAX_EPISODES);
  const breaks = new Set(schedule.breaks.map((b) => b.airDate));
  const timesByWeekday = new Map<number, string[]>();
  for (const s of schedule.slots) timesByWeekday.set(s.weekday, [...(timesByWeekday.get(s.weekday) ?? []), s.localTime].sort());

  type Broadcast = Omit<Episode, 'number'>;
  const broadcasts: Broadcast[] = specials.map((sp) => ({
    startsAt: instantOf(sp.airDate, sp.localTime, timeZone),
    localDate: sp.airDate,
    localTime: sp.localTime,
    special: sp.title || 'Special',
  }));
  // Each special takes the place of one slot episode in a run of fixed length.
  const fromSlots = Math.max(0, limit - broadcasts.length);
  let slotCount = 0;
  for (let i = 0; i < MAX_RUN_DAYS && slotCount < fromSlots; i++) {
    const date = addDays(firstAirDate, i);
    if (lastAirDate && date > lastAirDate) break;
    if (breaks.has(date)) continue;
    for (const time of timesByWeekday.get(isoWeekday(date)) ?? []) {
      if (slotCount >= fromSlots) break;
      broadcasts.push({ startsAt: instantOf(date, time, timeZone), localDate: date, localTime: time });
      slotCount++;
    }
  }
  return broadcasts
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, limit)
    .map((b, i) => ({ number: i + 1, ...b }));
}

/**
 * Upcoming before the first air date, airing from that date (in the network's zone) through the
 * last air date, ended from the day after. The last day counts as airing because the finale is
 * still to come on it. Without a last air date, the date of the last listed episode stands in.
 */
export function airStatus(schedule: DramaSchedule, now: Date, episodes: Episode[] = listEpisodes(schedule)): AirStatus | null {
  if (!schedule.firstAirDate) return null;
  const today = todayIn(now, schedule.timeZone);
  if (today < schedule.firstAirDate) return 'upcoming';
  const lastDate = schedule.lastAirDate ?? (schedule.episodes !== null ? episodes.at(-1)?.localDate : undefined);
  if (lastDate && today > lastDate) return 'ended';
  return 'airing';
}

/** The first episode that starts strictly after `now`, or null when none is left. */
export function nextEpisode(episodes: Episode[], now: Date): Episode | null {
  const t = now.getTime();
  return episodes.find((e) => Date.parse(e.startsAt) > t) ?? null;
}

/** Status, episodes and next episode of a drama at the instant `now`. */
export function computeSchedule(schedule: DramaSchedule, now: Date): ScheduleState {
  const episodes = listEpisodes(schedule);
  return { status: airStatus(schedule, now, episodes), episodes, next: nextEpisode(episodes, now) };
}

/** Episodes that start in [from, to), both instants. */
export function episodesBetween(episodes: Episode[], from: Date, to: Date): Episode[] {
  return episodes.filter((e) => {
    const t = Date.parse(e.startsAt);
    return t >= from.getTime() && t < to.getTime();
  });
}

/** The instant a weekly slot next comes round after `now` (or at `now` exactly), in UTC. */
export function nextSlotOccurrence(slot: Slot, zone: string, now: Date): string {
  const today = todayIn(now, zone);
  // Eight days always reach the next occurrence, even when this week's has just passed.
  for (let i = 0; i <= 8; i++) {
    const date = addDays(today, i);
    if (isoWeekday(date) !== slot.weekday) continue;
    const at = instantOf(date, slot.localTime, zone);
    if (Date.parse(at) >= now.getTime()) return at;
  }
  throw new Error('unreachable: a weekday recurs within eight days');
}

/** The instants [start of `fromDate`, start of the day after `toDate`) on the clocks of `zone`. */
export function dayRangeInstants(fromDate: string, toDate: string, zone: string): { from: Date; to: Date } {
  return { from: new Date(instantOf(fromDate, '00:00', zone)), to: new Date(instantOf(addDays(toDate, 1), '00:00', zone)) };
}
