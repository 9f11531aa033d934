// Rewrites server-rendered air times (<time data-local datetime="...">) in the reader's zone,
// keeps next-episode countdowns current, and makes the zone pickers apply a choice at once.
// Wording comes from src/schedule/describe.ts, the same words the server uses.
import { isoWeekday } from '../../schedule/calendar-dates.js';
import { describeCountdown, describeLocalSlot, formatClockTime, formatLocalDateTime, zoneLabel } from '../../schedule/describe.js';
import { browserZone, preferredZone, rememberZone, type ZonePreference } from './zone-preference.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** A countdown past its moment reads "on air now" for about an episode's length. */
const ON_AIR_MS = 60 * 60_000;

/** The date (YYYY-MM-DD) and time (HH:MM) that an instant shows on the clocks of `zone`. */
export function wallClock(ms: number, zone: string): { date: string; time: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  // Some engines write midnight as hour 24 even with h23.
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour === '24' ? '00' : p.hour}:${p.minute}` };
}

/** The text of one <time data-local> element in `zone`, or null when its datetime is unreadable. */
export function localText(form: string | undefined, datetime: string, zone: string): string | null {
  const ms = Date.parse(datetime);
  if (Number.isNaN(ms)) return null;
  const { date, time } = wallClock(ms, zone);
  if (form === 'slot') return describeLocalSlot(isoWeekday(date), time);
  if (form === 'time') return formatClockTime(time);
  return formatLocalDateTime(date, time);
}

/** Writes every local time and zone label under `root` in the preferred zone. */
export function applyZone(root: ParentNode, pref: ZonePreference): void {
  for (const el of root.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
    const text = localText(el.dataset.local, el.dateTime, pref.zone);
    if (text) el.textContent = text;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-zone-label]')) el.textContent = zoneLabel(pref.zone, pref.source);
}

/** Fills countdowns now and at the start of every minute after. */
export function startCountdowns(root: ParentNode): void {
  const els = [...root.querySelectorAll<HTMLElement>('[data-countdown]')];
  if (els.length === 0) return;
  const tick = () => {
    const now = Date.now();
    for (const el of els) {
      const ms = Date.parse(el.dataset.countdown ?? '') - now;
      if (Number.isNaN(ms)) continue;
      el.textContent = ms > 0 ? `(${describeCountdown(ms)})` : ms > -ON_AIR_MS ? '(on air now)' : '(aired)';
    }
  };
  tick();
  setTimeout(() => {
    tick();
    setInterval(tick, 60_000);
  }, 60_000 - (Date.now() % 60_000));
}

/** Zone pickers apply a choice without a reload, remember it, and offer the browser's zone. */
export function enhanceZonePickers(root: ParentNode, pref: ZonePreference, onChange: (pref: ZonePreference) => void): void {
  const selects = [...root.querySelectorAll<HTMLFormElement>('form[data-zone-picker]')].map((form) => {
    const select = form.querySelector<HTMLSelectElement>('select[name="tz"]');
    if (!select) return null;
    const byDefault = select.querySelector<HTMLOptionElement>('option[data-default-option]');
    if (byDefault) byDefault.textContent = `Your browser's zone (${browserZone()})`;
    const submit = form.querySelector<HTMLElement>('[data-zone-submit]');
    if (submit) submit.hidden = true;
    const apply = () => {
      rememberZone(select.value || null);
      const next = preferredZone();
      for (const other of selects) if (other) syncSelect(other, next);
      onChange(next);
    };
    select.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apply();
    });
    return select;
  });
  for (const select of selects) if (select) syncSelect(select, pref);
}

function syncSelect(select: HTMLSelectElement, pref: ZonePreference): void {
  if (pref.source !== 'chosen') {
    select.value = '';
    return;
  }
  if (![...select.options].some((o) => o.value === pref.zone)) select.add(new Option(pref.zone, pref.zone), 1);
  select.value = pref.zone;
}
