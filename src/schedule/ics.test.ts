// The .ics feed read back by ical.js, Mozilla's strict RFC 5545 parser: same instants as the
// schedule module, stable UIDs, a VTIMEZONE that parsers resolve on their own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { dramaCalendar, episodeUid, type CalendarDrama } from './ics.js';
import { listEpisodes, type DramaSchedule } from './schedule.js';
import { vtimezone } from './vtimezone.js';

const drama: CalendarDrama = { id: 7, slug: 'nevertheless', title: 'Nevertheless', networkName: 'JTBC', episodes: 10, runtimeMinutes: 60, updatedAt: '2021-05-01T09:30:00.000Z' };
const schedule: DramaSchedule = { slots: [{ weekday: 6, localTime: '23:00' }], breaks: [{ airDate: '2021-07-03', reason: 'Sports broadcast' }], firstAirDate: '2021-06-19', lastAirDate: '2021-08-28', episodes: 10, timeZone: 'Asia/Seoul' };

/** Parses with ical.js, resolving TZIDs only through the feed's own VTIMEZONEs. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = new Map(root.getAllSubcomponents('vtimezone').map((c) => [String(c.getFirstPropertyValue('tzid')), new ICAL.Timezone(c)]));
  const events = root.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    const tzid = c.getFirstProperty('dtstart')?.getParameter('tzid');
    const zone = typeof tzid === 'string' ? zones.get(tzid) : undefined;
    assert.ok(zone, `DTSTART names a zone that the feed defines (${String(tzid)})`);
    const start = event.startDate.clone();
    start.zone = zone;
    const end = event.endDate.clone();
    end.zone = zone;
    return { uid: event.uid, summary: event.summary, start: start.toJSDate().toISOString(), end: end.toJSDate().toISOString(), stamp: String(c.getFirstPropertyValue('dtstamp')) };
  });
  return { root, zones, events };
}

describe('iCalendar feed', () => {
  const episodes = listEpisodes(schedule);
  const text = dramaCalendar({ drama, episodes, timeZone: 'Asia/Seoul', siteName: 'Onset', pageUrl: 'http://onset.test/dramas/nevertheless' });

  test('is RFC 5545 text: CRLF lines of at most 75 octets, one VCALENDAR with VERSION and PRODID', () => {
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
    assert.ok(text.trimEnd().endsWith('END:VCALENDAR'));
    for (const line of text.split('\r\n')) {
      assert.ok(!line.includes('\n'), 'no bare LF');
      assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    }
    assert.ok(!/TIMEZONE-ID/.test(text), 'no non-standard TIMEZONE-ID property');
  });

  test('ical.js reads one event per episode at the same instants as the schedule module', () => {
    const { events } = parse(text);
    assert.equal(events.length, 10);
    assert.deepEqual(events.map((e) => e.start), episodes.map((e) => new Date(e.startsAt).toISOString()));
    assert.equal(events[0]!.start, '2021-06-19T14:00:00.000Z');
    assert.equal(events[0]!.end, '2021-06-19T15:00:00.000Z');
    // The break on July 3 moved episode 3 to July 10.
    assert.equal(events[2]!.summary, 'Nevertheless: episode 3');
    assert.equal(events[2]!.start, '2021-07-10T14:00:00.000Z');
  });

  test('a special is an event of its own, named as such, at its own instant', () => {
    const withSpecial = listEpisodes({ ...schedule, specials: [{ airDate: '2021-07-04', localTime: '22:00', title: 'Special episode' }] });
    const { events } = parse(dramaCalendar({ drama, episodes: withSpecial, timeZone: 'Asia/Seoul', siteName: 'Onset', pageUrl: 'http://onset.test/dramas/nevertheless' }));
    const special = events.find((e) => e.summary.includes('Special episode'));
    assert.ok(special, 'the special is in the feed');
    assert.equal(special!.summary, 'Nevertheless: episode 3 (Special episode)');
    assert.equal(special!.start, '2021-07-04T13:00:00.000Z');
  });

  test('the VTIMEZONE for Asia/Seoul is KST, UTC+9, with no daylight time', () => {
    const { root } = parse(text);
    const [vtz] = root.getAllSubcomponents('vtimezone');
    assert.equal(vtz!.getFirstPropertyValue('tzid'), 'Asia/Seoul');
    assert.equal(vtz!.getAllSubcomponents('daylight').length, 0);
    const std = vtz!.getFirstSubcomponent('standard')!;
    assert.equal(std.getFirstPropertyValue('tzname'), 'KST');
    assert.equal(String(std.getFirstPropertyValue('tzoffsetto')), '+09:00');
    assert.match(text, /DTSTART;TZID=Asia\/Seoul:20210619T230000/);
  });

  test('UIDs are stable and unique; DTSTAMP is UTC and does not change between builds', () => {
    const { events } = parse(text);
    assert.deepEqual(events.map((e) => e.uid), episodes.map((e) => episodeUid(7, e.number)));
    assert.equal(events[0]!.uid, 'drama-7-ep-1@onset');
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
    assert.match(text, /DTSTAMP:20210501T093000Z/);
    assert.equal(dramaCalendar({ drama, episodes, timeZone: 'Asia/Seoul', siteName: 'Onset', pageUrl: 'http://onset.test/dramas/nevertheless' }), text);
  });

  test('text values are escaped', () => {
    const odd = dramaCalendar({ drama: { ...drama, title: 'Love; Actually, "Again"\\' }, episodes: episodes.slice(0, 1), timeZone: 'Asia/Seoul', siteName: 'Onset', pageUrl: 'http://onset.test/dramas/x' });
    assert.equal(parse(odd).events[0]!.summary, 'Love; Actually, "Again"\\: episode 1');
  });

  test('a zone with daylight time: the generated VTIMEZONE gives ical.js the right instants across the changes', () => {
    // A made-up network in New York airing Saturdays at 21:00 local through the 2026 changes.
    const ny: DramaSchedule = { slots: [{ weekday: 6, localTime: '21:00' }], breaks: [], firstAirDate: '2026-02-28', lastAirDate: '2026-11-14', episodes: null, timeZone: 'America/New_York' };
    const eps = listEpisodes(ny);
    const { events, zones } = parse(dramaCalendar({ drama, episodes: eps, timeZone: 'America/New_York', siteName: 'Onset', pageUrl: 'http://onset.test/dramas/x' }));
    assert.deepEqual(events.map((e) => e.start), eps.map((e) => new Date(e.startsAt).toISOString()));
    const byDate = (d: string) => events[eps.findIndex((e) => e.localDate === d)]!.start;
    assert.equal(byDate('2026-03-07'), '2026-03-08T02:00:00.000Z'); // EST
    assert.equal(byDate('2026-03-14'), '2026-03-15T01:00:00.000Z'); // EDT
    assert.equal(byDate('2026-10-31'), '2026-11-01T01:00:00.000Z'); // EDT
    assert.equal(byDate('2026-11-07'), '2026-11-08T02:00:00.000Z'); // EST
    assert.ok(zones.has('America/New_York'));
  });

  test('our New York VTIMEZONE gives ical.js the right offset either side of each change', () => {
    const ours = new ICAL.Timezone(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezone('America/New_York', 2026, 2026)}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone')!);
    for (const [local, offsetSeconds] of [['2026-03-08T01:59:00', -5 * 3600], ['2026-03-08T03:00:00', -4 * 3600], ['2026-11-01T00:59:00', -4 * 3600], ['2026-11-01T02:00:00', -5 * 3600]] as const) {
      assert.equal(ours.utcOffset(ICAL.Time.fromDateTimeString(local)), offsetSeconds, local);
    }
  });

  test('no episodes: a valid, empty calendar', () => {
    const empty = dramaCalendar({ drama, episodes: [], timeZone: 'Asia/Seoul', siteName: 'Onset', pageUrl: 'http://onset.test/dramas/x' });
    assert.equal(parse(empty).events.length, 0);
  });
});
