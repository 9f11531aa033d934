// A VTIMEZONE component (RFC 5545 section 3.6.5) for any IANA zone, built from luxon's zone data.
// ical-generator has no zone database of its own and asks for one through a generator function.
// Rather than a static block per zone, this lists the zone's real offset changes over the years
// the calendar covers, one observance per change: no RRULE to get wrong, and it stays right when
// a country changes its rules (Asia/Seoul, for one, last changed in 1988 and needs a single block).
import { DateTime } from 'luxon';
import { zoneAbbreviation } from './describe.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall time of `ms` at a given offset, in the iCalendar form 20210619T230000. */
function wallTime(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function offsetAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** The zone's short name at an instant: KST, EST, BST; luxon's GMT+n form where the locale has none. */
function nameAt(ms: number, zone: string): string {
  const fixed = zoneAbbreviation(zone);
  if (fixed !== zone) return fixed;
  return DateTime.fromMillis(ms, { zone }).setLocale('en-US').offsetNameShort ?? offsetText(offsetAt(ms, zone));
}

/** Instants in [fromMs, toMs) where the zone's UTC offset changes, to the minute. */
function transitions(zone: string, fromMs: number, toMs: number): number[] {
  const found: number[] = [];
  // Offsets never change twice within a day, so a daily walk finds every change; a binary search
  // then narrows each to the exact minute.
  for (let t = fromMs; t < toMs; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, toMs);
    if (offsetAt(t, zone) === offsetAt(next, zone)) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, zone) === offsetAt(t, zone)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/**
 * VTIMEZONE text for `zone` valid for events in the years [fromYear, toYear]: an observance from
 * the start of `fromYear`, then one for each offset change up to the end of `toYear`.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
  const key = `${zone}|${fromYear}|${toYear}`;
  if (!memo.has(key)) {
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, build(zone, fromYear, toYear));
  }
  return memo.get(key)!;
}

// Zone data does not change while the process runs, and a feed asks for the same years each time.
const MEMO_LIMIT = 100;
const memo = new Map<string, string | null>();

function build(zone: string, fromYear: number, toYear: number): string | null {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone });
  if (!start.isValid) return null;
  const fromMs = start.toMillis();
  const toMs = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone }).toMillis();
  const isDst = (ms: number) => DateTime.fromMillis(ms, { zone }).isInDST;
  const observance = (startMs: number, from: number, to: number) => {
    const kind = isDst(startMs) ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      // DTSTART of an observance is the local time just before the change, in the old offset.
      `DTSTART:${wallTime(startMs, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `TZNAME:${nameAt(startMs, zone)}`,
      `END:${kind}`,
    ];
  };
  const first = offsetAt(fromMs, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(fromMs, first, first)];
  for (const t of transitions(zone, fromMs, toMs)) lines.push(...observance(t, offsetAt(t - 60_000, zone), offsetAt(t, zone)));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
