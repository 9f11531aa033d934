// Server-rendered times that the local-times island rewrites in the reader's zone. Each <time>
// carries its instant (with the network's offset, e.g. +09:00 for KST) in `datetime` and says in
// `data-local` which form to write; the text rendered here is what a reader sees without JavaScript.
import type { JSX } from 'preact';
import { DateTime } from 'luxon';
import { describeLocalSlot, formatClockTime, formatLocalDateTime, zoneLabel } from '../describe.js';
import { inZone } from '../schedule.js';
import type { ReaderZone } from '../schedule.service.js';
import { COMMON_ZONES } from '../zones.js';

/** An instant written with the offset of `zone`: 2021-06-19T23:00:00+09:00. */
export function zonedIso(instant: string, zone: string): string {
  // Pure, and the same few broadcasts are written on every render of a story or drama page: kept.
  const key = `${instant}|${zone}`;
  const known = zonedIsos.get(key);
  if (known !== undefined) return known;
  const iso = DateTime.fromISO(instant, { zone }).toISO({ suppressMilliseconds: true })!;
  if (zonedIsos.size >= 20_000) zonedIsos.clear();
  zonedIsos.set(key, iso);
  return iso;
}
const zonedIsos = new Map<string, string>();

/** One instant as a weekly slot ("Saturday at 7 a.m."), a full date and time, or a time of day. */
export function LocalTime(props: { at: string; networkZone: string; reader: ReaderZone; form: 'slot' | 'datetime' | 'time' }): JSX.Element {
  const z = inZone(props.at, props.reader.zone);
  const text = props.form === 'slot' ? describeLocalSlot(z.weekday, z.time) : props.form === 'time' ? formatClockTime(z.time) : formatLocalDateTime(z.date, z.time);
  return (
    <time datetime={zonedIso(props.at, props.networkZone)} data-local={props.form}>
      {text}
    </time>
  );
}

/** Names the zone the times beside it are in; the island renames it along with the times. */
export function ZoneLabel(props: { reader: ReaderZone }): JSX.Element {
  return <span data-zone-label>{zoneLabel(props.reader.zone, props.reader.source)}</span>;
}

/** "Saturday at 7 a.m. and Sunday at 7 a.m. in your time (America/Los_Angeles)". */
export function LocalSlots(props: { instants: string[]; networkZone: string; reader: ReaderZone }): JSX.Element {
  return (
    <span class="local-slots">
      {props.instants.map((at, i) => (
        <>
          {i > 0 ? (i === props.instants.length - 1 ? ' and ' : ', ') : ''}
          <LocalTime at={at} networkZone={props.networkZone} reader={props.reader} form="slot" />
        </>
      ))}{' '}
      <ZoneLabel reader={props.reader} />
    </span>
  );
}

/**
 * Time left until `at`, filled in and kept current by the island; empty without JavaScript, where
 * the absolute time beside it says when instead (a count rendered here would be stale in a cache).
 */
export function Countdown(props: { at: string }): JSX.Element {
  return <span class="countdown" data-countdown={props.at} aria-live="off" />;
}

/**
 * Choosing the zone times are shown in. A plain GET form, so it works without JavaScript (the
 * server renders ?tz=); the island applies a choice at once and remembers it in localStorage.
 */
export function ZonePicker(props: { reader: ReaderZone; action: string; keep?: Record<string, string | undefined> }): JSX.Element {
  const chosen = props.reader.source === 'chosen' ? props.reader.zone : '';
  const known = COMMON_ZONES.some((z) => z.zone === chosen);
  return (
    <form class="zone-picker" method="get" action={props.action} data-zone-picker>
      {Object.entries(props.keep ?? {}).map(([name, value]) => (value ? <input type="hidden" name={name} value={value} /> : null))}
      <label>
        <span>Show times in</span>{' '}
        <select name="tz">
          <option value="" selected={!chosen} data-default-option>
            Korea time (default)
          </option>
          {chosen && !known ? (
            <option value={chosen} selected>
              {chosen}
            </option>
          ) : null}
          {COMMON_ZONES.map((z) => (
            <option value={z.zone} selected={z.zone === chosen}>
              {z.label} ({z.zone})
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" class="button button-quiet" data-zone-submit>
        Show
      </button>
    </form>
  );
}
