// Words for air times, in the house style ("11 p.m.", "Saturday, July 10"). Pure and free of
// dependencies on purpose: the browser islands bundle this file to say the same thing the server
// says, so a time reads identically with JavaScript on or off.
import { addDays } from './calendar-dates.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ZONE_ABBREVIATION: Record<string, string> = { 'Asia/Seoul': 'KST' };

/** "KST" for Asia/Seoul; other zones by their IANA name, which is unambiguous where abbreviations are not. */
export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATION[timeZone] ?? timeZone;
}

/** "11 p.m.", "9:30 p.m.", "noon", "midnight" from "HH:MM", in the house style of the site. */
export function formatClockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 0 && m === 0) return 'midnight';
  if (h === 12 && m === 0) return 'noon';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * "Airs every Saturday at 11 p.m. KST" (or "Aired ..." once the run has ended). Slots at the same
 * time are grouped: "every Wednesday and Thursday at 9:30 p.m. KST".
 */
export function describeSlots(slots: { weekday: number; local_time: string }[], timeZone: string, ended: boolean): string | null {
  if (slots.length === 0) return null;
  const byTime = new Map<string, number[]>();
  for (const s of slots) byTime.set(s.local_time, [...(byTime.get(s.local_time) ?? []), s.weekday]);
  const zone = zoneAbbreviation(timeZone);
  const parts = [...byTime].map(([time, days]) => `every ${joinWords(days.sort().map((d) => WEEKDAYS[d - 1]!))} at ${formatClockTime(time)} ${zone}`);
  return `${ended ? 'Aired' : 'Airs'} ${parts.join('; ')}`;
}

/** "Saturday at 7 a.m.": one weekly slot as it falls in some zone. */
export function describeLocalSlot(weekday: number, hhmm: string): string {
  return `${WEEKDAYS[weekday - 1]} at ${formatClockTime(hhmm)}`;
}

/** "Saturday, July 10" for an ISO date. */
export function formatDayHeading(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const weekday = WEEKDAYS[(d.getUTCDay() + 6) % 7];
  return `${weekday}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** "Saturday, July 10, 2021 at 11 p.m." for a local date and time. */
export function formatLocalDateTime(isoDate: string, hhmm: string): string {
  return `${formatDayHeading(isoDate)}, ${isoDate.slice(0, 4)} at ${formatClockTime(hhmm)}`;
}

/** "June 28 – July 4, 2021", "November 23 – 29, 2026": a week (or any range) of dates for a heading. */
export function formatDateRange(from: string, to: string): string {
  const f = new Date(`${from}T00:00:00Z`);
  const t = new Date(`${to}T00:00:00Z`);
  const sameYear = f.getUTCFullYear() === t.getUTCFullYear();
  const start = `${MONTHS[f.getUTCMonth()]} ${f.getUTCDate()}${sameYear ? '' : `, ${f.getUTCFullYear()}`}`;
  const end = `${sameYear && f.getUTCMonth() === t.getUTCMonth() ? '' : `${MONTHS[t.getUTCMonth()]} `}${t.getUTCDate()}, ${t.getUTCFullYear()}`;
  return `${start} – ${end}`;
}

/** The seven dates of the week starting `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * How a zone is named after a local time: the network's own zone ("in Korea time (Asia/Seoul)"),
 * the browser's ("in your time (America/Los_Angeles)") or one the reader picked ("in Europe/London").
 */
export function zoneLabel(timeZone: string, source: 'network' | 'browser' | 'chosen'): string {
  if (source === 'browser') return `in your time (${timeZone})`;
  if (source === 'network' && timeZone === 'Asia/Seoul') return 'in Korea time (Asia/Seoul)';
  return `in ${timeZone}`;
}

/** "in 2 days, 3 hours", "in 45 minutes", "in less than a minute"; "now" once the moment has come. */
export function describeCountdown(msUntil: number): string {
  if (msUntil <= 0) return 'now';
  const minutes = Math.floor(msUntil / 60_000);
  if (minutes < 1) return 'in less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return `in ${unit(days, 'day')}${hours ? `, ${unit(hours, 'hour')}` : ''}`;
  if (hours > 0) return `in ${unit(hours, 'hour')}${mins ? `, ${unit(mins, 'minute')}` : ''}`;
  return `in ${unit(mins, 'minute')}`;
}
