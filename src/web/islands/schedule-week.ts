// Regroups the /schedule page by day in the reader's zone. The server grouped the week by Korean
// (or ?tz=) days; a reader elsewhere has a different Monday-to-Sunday, so the island asks the
// schedule API for the reader's own week and rebuilds the list. The markup mirrors
// src/schedule/views/schedule-page.tsx; all text goes in through textContent.
import { addDays, mondayOf } from '../../schedule/calendar-dates.js';
import { formatClockTime, formatDateRange, formatDayHeading, weekDates } from '../../schedule/describe.js';
import { wallClock } from './local-times.js';
import type { ZonePreference } from './zone-preference.js';

interface ApiItem {
  drama: string;
  title: string;
  network: string | null;
  episode: number;
  episodes: number | null;
  startsAt: string;
  localTime: { date: string; time: string };
}

type Child = Node | string | null;
function h(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

function item(e: ApiItem): HTMLElement {
  const sub = `Episode ${e.episode}${e.episodes ? ` of ${e.episodes}` : ''}${e.network ? ` · ${e.network}` : ''}`;
  return h(
    'li', { class: 'week-item' },
    h('time', { datetime: e.startsAt, 'data-local': 'time' }, formatClockTime(e.localTime.time)),
    h('span', {}, h('a', { href: `/dramas/${encodeURIComponent(e.drama)}` }, h('em', {}, e.title)), ' ', h('span', { class: 'sub' }, sub)),
  );
}

function weekList(monday: string, today: string, items: ApiItem[]): HTMLElement {
  return h(
    'ol', { class: 'week-days' },
    ...weekDates(monday).map((date) => {
      const todays = items.filter((e) => e.localTime.date === date);
      return h(
        'li', { class: date === today ? 'week-day is-today' : 'week-day', 'data-date': date },
        h('h2', {}, formatDayHeading(date), date === today ? h('span', { class: 'badge' }, 'Today') : null),
        todays.length ? h('ul', { class: 'week-items' }, ...todays.map(item)) : h('p', { class: 'sub' }, 'Nothing airs.'),
      );
    }),
  );
}

function emptyWeek(monday: string, sunday: string): HTMLElement {
  return h(
    'div', { class: 'box empty-week' },
    h('p', { class: 'empty-title' }, 'Nothing airs this week'),
    h('p', {}, `None of the dramas we follow has an episode in the week of ${formatDateRange(monday, sunday)}. Try another week, or catch up on `, h('a', { href: '/' }, 'the latest stories'), '.'),
  );
}

let latest = 0;

/** Rebuilds the week on /schedule for `pref.zone`, unless the server already rendered that zone. */
export async function regroupWeek(root: Document, pref: ZonePreference): Promise<void> {
  const page = root.querySelector<HTMLElement>('[data-schedule-week]');
  const body = page?.querySelector<HTMLElement>('[data-week-body]');
  if (!page || !body || page.dataset.zone === pref.zone) return;
  const today = wallClock(Date.now(), pref.zone).date;
  const monday = mondayOf(page.dataset.week || today);
  const sunday = addDays(monday, 6);
  const ticket = ++latest;
  let items: ApiItem[];
  try {
    const res = await fetch(`/api/v1/schedule?from=${monday}&to=${sunday}&tz=${encodeURIComponent(pref.zone)}`, { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    items = ((await res.json()) as { items: ApiItem[] }).items;
  } catch {
    return; // Offline or refused: the server's week, in its zone, stays as it was.
  }
  // A later choice of zone may have finished first; only the newest request may write.
  if (ticket !== latest) return;
  page.dataset.zone = pref.zone;
  const range = page.querySelector('[data-week-range]');
  if (range) range.textContent = formatDateRange(monday, sunday);
  for (const link of page.querySelectorAll<HTMLAnchorElement>('a[data-week-link]')) link.href = `/schedule?week=${addDays(monday, Number(link.dataset.weekLink))}`;
  body.replaceChildren(items.length ? weekList(monday, today, items) : emptyWeek(monday, sunday));
}
