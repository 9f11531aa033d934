// Schedule services: load dramas and their slots, compute with the pure schedule module, and
// shape the result for pages, the API and the calendar feed. No HTTP knowledge here.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { DomainError } from '../lib/errors.js';
import { addDays, daysBetween, isIsoDate, isoWeekday, mondayOf } from './calendar-dates.js';
import { describeSlots, weekDates } from './describe.js';
import { dramaCalendar } from './ics.js';
import { findScheduledDramas, listBreaksOf, listDramaIdsAiringBetween, listSlotsOf, listSpecialsOf, type ScheduledDramaRow } from './schedule.repository.js';
import { computeSchedule, dayRangeInstants, episodesBetween, inZone, isValidTimeZone, nextSlotOccurrence, todayIn, type AirStatus, type Episode, type ScheduleBreak, type ScheduleSpecial, type Slot, type ZonedTime } from './schedule.js';

/** Where K-drama air times are given when a network names no zone of its own. */
export const DEFAULT_ZONE = 'Asia/Seoul';
/** Longest range the schedule API answers: two months, enough for any calendar view. */
export const MAX_RANGE_DAYS = 62;

type Deps = { db: Kysely<Database>; now: Date };

/** One drama's schedule as pages and the API show it. */
export interface DramaScheduleSummary {
  dramaId: number;
  slug: string;
  title: string;
  networkName: string | null;
  /** The network's zone, in which slots, breaks and air dates are given. */
  timeZone: string;
  status: AirStatus | null;
  slots: Slot[];
  /** "Airs every Saturday at 11 p.m. KST", or "Aired ..." once ended; null without slots. */
  slotsText: string | null;
  /** One broadcast per weekly slot (UTC), to show the weekly time in other zones; see referenceInstant. */
  slotInstants: string[];
  /** Episodes that have started by now. */
  airedCount: number;
  firstAirDate: string | null;
  lastAirDate: string | null;
  /** Announced episode count. */
  episodeCount: number | null;
  episodes: Episode[];
  next: Episode | null;
  calendarPath: string;
}

/** A reader's zone: one they chose (query or picker), or the network's when they chose none. */
export interface ReaderZone {
  zone: string;
  source: 'network' | 'chosen';
}

/** The reader's zone from a `tz` parameter; a clear 400 for a name that is not an IANA zone. */
export function resolveReaderZone(tz: string | undefined): ReaderZone {
  if (!tz) return { zone: DEFAULT_ZONE, source: 'network' };
  if (!isValidTimeZone(tz)) throw new DomainError(`Unknown time zone "${tz.slice(0, 64)}". Use an IANA name such as America/New_York or Europe/London.`, 400, 'tz');
  return { zone: tz, source: 'chosen' };
}

/**
 * The broadcast that stands for a weekly slot when it is shown in another zone, whose offset may
 * change with the season: the slot's next episode; once the run is over, its last one (a summer
 * drama aired at 7 a.m. in Los Angeles, whatever today's offset); with no episodes known yet, the
 * next time the slot comes round.
 */
function referenceInstant(slot: Slot, episodes: Episode[], zone: string, now: Date): string {
  const atSlot = episodes.filter((e) => e.localTime === slot.localTime && isoWeekday(e.localDate) === slot.weekday);
  const next = atSlot.find((e) => Date.parse(e.startsAt) > now.getTime());
  return (next ?? atSlot.at(-1))?.startsAt ?? nextSlotOccurrence(slot, zone, now);
}

function summarize(row: ScheduledDramaRow, slots: Slot[], breaks: ScheduleBreak[], specials: ScheduleSpecial[], now: Date): DramaScheduleSummary {
  const timeZone = row.network_time_zone ?? DEFAULT_ZONE;
  const state = computeSchedule({ slots, breaks, specials, firstAirDate: row.first_air_date, lastAirDate: row.last_air_date, episodes: row.episodes, timeZone }, now);
  return {
    dramaId: row.id,
    slug: row.slug,
    title: row.title,
    networkName: row.network_name,
    timeZone,
    status: state.status,
    slots,
    slotsText: describeSlots(slots.map((s) => ({ weekday: s.weekday, local_time: s.localTime })), timeZone, state.status === 'ended'),
    slotInstants: slots.map((s) => referenceInstant(s, state.episodes, timeZone, now)),
    airedCount: state.episodes.filter((e) => Date.parse(e.startsAt) <= now.getTime()).length,
    firstAirDate: row.first_air_date,
    lastAirDate: row.last_air_date,
    episodeCount: row.episodes,
    episodes: state.episodes,
    next: state.next,
    calendarPath: `/dramas/${row.slug}/schedule.ics`,
  };
}

async function load(deps: Deps, rows: ScheduledDramaRow[]): Promise<DramaScheduleSummary[]> {
  const ids = rows.map((r) => r.id);
  const [slots, breaks, specials] = await Promise.all([listSlotsOf(deps.db, ids), listBreaksOf(deps.db, ids), listSpecialsOf(deps.db, ids)]);
  return rows.map((r) => summarize(r, slots.get(r.id) ?? [], breaks.get(r.id) ?? [], specials.get(r.id) ?? [], deps.now));
}

/** The schedule of the drama with this slug, or undefined when there is no such drama. */
export async function loadScheduleBySlug(deps: Deps, slug: string): Promise<DramaScheduleSummary | undefined> {
  return (await load(deps, await findScheduledDramas(deps.db, { slug })))[0];
}

/**
 * Schedules of the dramas a story names that have episodes to show: airing and upcoming ones
 * first, then ended runs (whose calendar still lists every episode as it aired).
 */
export async function loadStorySchedules(deps: Deps, dramaIds: number[]): Promise<DramaScheduleSummary[]> {
  const all = await load(deps, await findScheduledDramas(deps.db, { ids: dramaIds }));
  const rank = (s: DramaScheduleSummary) => (s.status === 'airing' ? 0 : s.status === 'upcoming' ? 1 : 2);
  return all.filter((s) => s.slots.length > 0 && s.episodes.length > 0).sort((a, b) => rank(a) - rank(b));
}

/** One broadcast in a date range, with its time in the network's zone and in the reader's. */
export interface ScheduledEpisode {
  drama: { slug: string; title: string; networkName: string | null };
  number: number;
  /** Title of a special broadcast; absent for a regular slot. */
  special?: string | undefined;
  episodeCount: number | null;
  startsAt: string;
  network: ZonedTime & { zone: string };
  local: ZonedTime & { zone: string };
}

/** Validates a date range for the schedule API: real dates, in order, at most MAX_RANGE_DAYS long. */
export function checkRange(from: string, to: string): void {
  if (!isIsoDate(from)) throw new DomainError(`"from" must be a date written YYYY-MM-DD, got "${from.slice(0, 20)}".`, 400, 'from');
  if (!isIsoDate(to)) throw new DomainError(`"to" must be a date written YYYY-MM-DD, got "${to.slice(0, 20)}".`, 400, 'to');
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new DomainError('"to" must not be before "from".', 400, 'to');
  if (days > MAX_RANGE_DAYS) throw new DomainError(`The range holds ${days} days; ask for at most ${MAX_RANGE_DAYS} at a time.`, 400, 'to');
}

/** Every episode that starts between the start of `from` and the end of `to`, on the clocks of `zone`. */
export async function episodesInRange(deps: { db: Kysely<Database> }, input: { from: string; to: string; zone: string }): Promise<ScheduledEpisode[]> {
  checkRange(input.from, input.to);
  const ids = await listDramaIdsAiringBetween(deps.db, addDays(input.from, -1), addDays(input.to, 1));
  // The clock does not matter here: only the episode lists are used, not status or next.
  const schedules = await load({ db: deps.db, now: new Date(0) }, await findScheduledDramas(deps.db, { ids }));
  const range = dayRangeInstants(input.from, input.to, input.zone);
  const out: ScheduledEpisode[] = [];
  for (const s of schedules) {
    for (const ep of episodesBetween(s.episodes, range.from, range.to)) {
      out.push({
        drama: { slug: s.slug, title: s.title, networkName: s.networkName },
        number: ep.number,
        ...(ep.special ? { special: ep.special } : {}),
        episodeCount: s.episodeCount,
        startsAt: ep.startsAt,
        network: { zone: s.timeZone, ...inZone(ep.startsAt, s.timeZone) },
        local: { zone: input.zone, ...inZone(ep.startsAt, input.zone) },
      });
    }
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.drama.title.localeCompare(b.drama.title));
}

/** A Monday-to-Sunday week of broadcasts, day by day, on the clocks of `zone`. */
export interface WeekOnAir {
  monday: string;
  sunday: string;
  /** Today's date in the zone, to mark it. */
  today: string;
  days: { date: string; episodes: ScheduledEpisode[] }[];
  isEmpty: boolean;
}

/** The week that holds `week` (any date in it), or the current week in `zone` when none is given. */
export async function weekOnAir(deps: Deps, input: { week?: string | undefined; zone: string }): Promise<WeekOnAir> {
  if (input.week !== undefined && !isIsoDate(input.week)) throw new DomainError(`"week" must be a date written YYYY-MM-DD, got "${input.week.slice(0, 20)}".`, 400, 'week');
  const today = todayIn(deps.now, input.zone);
  const monday = mondayOf(input.week ?? today);
  const sunday = addDays(monday, 6);
  const episodes = await episodesInRange(deps, { from: monday, to: sunday, zone: input.zone });
  const days = weekDates(monday).map((date) => ({ date, episodes: episodes.filter((e) => e.local.date === date) }));
  return { monday, sunday, today, days, isEmpty: episodes.length === 0 };
}

/** The drama's .ics feed, or undefined when there is no such drama or it has no episodes to list. */
export async function loadDramaCalendar(deps: Deps, slug: string, site: { name: string; publicUrl: string }): Promise<string | undefined> {
  const rows = await findScheduledDramas(deps.db, { slug });
  const [summary] = await load(deps, rows);
  const row = rows[0];
  if (!summary || !row || summary.episodes.length === 0) return undefined;
  return dramaCalendar({
    drama: { id: row.id, slug: row.slug, title: row.title, networkName: row.network_name, episodes: row.episodes, runtimeMinutes: row.runtime_minutes, updatedAt: row.updated_at },
    episodes: summary.episodes,
    timeZone: summary.timeZone,
    siteName: site.name,
    pageUrl: `${site.publicUrl}/dramas/${row.slug}`,
  });
}
