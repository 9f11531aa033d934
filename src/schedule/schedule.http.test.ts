// Schedules over HTTP on both databases: the /schedule page (JavaScript off, so server-rendered
// zones), the drama page block, the box beside a story, the .ics feed and the API. The clock is
// injected: inside Nevertheless' run (July 2021) and long after it (November 2026).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp, TEST_NOW } from '../../test/helpers/app.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import type { fixedClock } from '../lib/clock.js';

const DURING_RUN = '2021-07-01T00:00:00.000Z'; // Thursday, 9 a.m. in Seoul; episode 3 airs Saturday

/** The day sections of the /schedule page: heading and the text of each item under it. */
function days(html: string): { heading: string; items: string[] }[] {
  const text = (h: string) => h.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return html.split('<li class="week-day').slice(1).map((section) => ({
    heading: text(/<h2>(.*?)<\/h2>/s.exec(section)![1]!),
    items: [...section.matchAll(/<li class="week-item">(.*?)<\/li>/gs)].map((m) => text(m[1]!)),
  }));
}

describeEachDatabase('schedule pages, feed and API', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  before(async () => {
    // Seeded inside the run so the demo stories are already published in July 2021.
    ({ app, clock } = await buildSeededApp(getDb(), DURING_RUN));
  });
  after(() => app.close());

  test('/schedule in Korea time without JavaScript: Nevertheless on Saturday at 11 p.m.', async () => {
    clock.set(DURING_RUN);
    const res = await app.inject('/schedule');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="\/schedule" aria-current="page">Schedule<\/a>/);
    assert.match(res.body, /June 28 – July 4, 2021/);
    const week = days(res.body);
    assert.equal(week.length, 7);
    assert.equal(week[0]!.heading, 'Monday, June 28');
    assert.equal(week[3]!.heading, 'Thursday, July 1 Today');
    assert.deepEqual(week[5], { heading: 'Saturday, July 3', items: ['11 p.m. Nevertheless Episode 3 of 10 · JTBC'] });
    assert.deepEqual(week.filter((d) => d.items.length).length, 1);
    assert.match(res.body, /<time datetime="2021-07-03T23:00:00\+09:00" data-local="time">11 p.m.<\/time>/);
    assert.match(res.body, /shown <span data-zone-label="true">in Korea time \(Asia\/Seoul\)<\/span>/);
  });

  test('/schedule?tz= regroups by the reader\'s day: Saturday 7 a.m. in Los Angeles, Sunday 2 a.m. in Auckland', async () => {
    clock.set(DURING_RUN);
    const la = days((await app.inject('/schedule?tz=America/Los_Angeles')).body);
    assert.deepEqual(la[5], { heading: 'Saturday, July 3', items: ['7 a.m. Nevertheless Episode 3 of 10 · JTBC'] });
    const akl = await app.inject('/schedule?tz=Pacific/Auckland');
    const aklDays = days(akl.body);
    assert.deepEqual(aklDays[5]!.items, []);
    assert.deepEqual(aklDays[6], { heading: 'Sunday, July 4', items: ['2 a.m. Nevertheless Episode 3 of 10 · JTBC'] });
    assert.match(akl.body, /<option value="Pacific\/Auckland" selected>/);
    assert.match(akl.body, /<meta name="robots" content="noindex"/);
  });

  test('/schedule: a quiet week says so; other weeks can be browsed; a bad zone is a 400', async () => {
    clock.set(TEST_NOW);
    const quiet = await app.inject('/schedule');
    assert.equal(quiet.statusCode, 200);
    assert.match(quiet.body, /Nothing airs this week/);
    assert.match(quiet.body, /November 23 – 29, 2026/);
    const past = await app.inject('/schedule?week=2021-07-02&tz=Europe/London');
    assert.equal(days(past.body)[5]!.items[0], '3 p.m. Nevertheless Episode 3 of 10 · JTBC');
    assert.match(past.body, /href="\/schedule\?week=2021-06-21&amp;tz=Europe%2FLondon" rel="prev"/);
    const bad = await app.inject('/schedule?tz=Mars/Olympus_Mons');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Unknown time zone &quot;Mars\/Olympus_Mons&quot;/);
    assert.equal((await app.inject('/schedule?week=2021-13-01')).statusCode, 400);
  });

  test('drama page during the run: on air, next episode with countdown, local time, calendar link', async () => {
    clock.set(DURING_RUN);
    const html = (await app.inject('/dramas/nevertheless')).body;
    assert.match(html, /<span class="status status-airing">On air<\/span> 2 of 10 episodes aired/);
    assert.match(html, /Airs every Saturday at 11 p.m. KST/);
    assert.match(html, /That is <span class="local-slots"><time datetime="2021-07-03T23:00:00\+09:00" data-local="slot">Saturday at 11 p.m.<\/time> <span data-zone-label="true">in Korea time \(Asia\/Seoul\)<\/span>/);
    assert.match(html, /Next: episode 3 of 10<\/strong>, <time datetime="2021-07-03T23:00:00\+09:00" data-local="datetime">Saturday, July 3, 2021 at 11 p.m.<\/time>/);
    assert.match(html, /<span class="countdown" data-countdown="2021-07-03T14:00:00Z"/);
    assert.match(html, /<a class="button" href="\/dramas\/nevertheless\/schedule.ics" type="text\/calendar">Add to calendar<\/a>/);
    const ny = (await app.inject('/dramas/nevertheless?tz=America/New_York')).body;
    assert.match(ny, /data-local="slot">Saturday at 10 a.m.<\/time> <span data-zone-label="true">in America\/New_York<\/span>/);
    assert.equal((await app.inject('/dramas/nevertheless?tz=Not/AZone')).statusCode, 400);
  });

  test('drama page after the run: ended on the last air date, local time of the run, no next episode', async () => {
    clock.set(TEST_NOW);
    const html = (await app.inject('/dramas/nevertheless?tz=America/Los_Angeles')).body;
    assert.match(html, /<span class="status status-ended">Ended<\/span> Ended Saturday, August 21, 2021 after 10 episodes/);
    assert.match(html, /Aired every Saturday at 11 p.m. KST/);
    // The finale's time, when Los Angeles was on daylight time: 7 a.m., not today's 6 a.m.
    assert.match(html, /That was <span class="local-slots"><time datetime="2021-08-21T23:00:00\+09:00" data-local="slot">Saturday at 7 a.m.<\/time>/);
    assert.doesNotMatch(html, /Next: episode/);
    assert.doesNotMatch(html, /data-countdown/);
  });

  test('story about an airing drama gets the "On air" box; after the run, the past air times with the calendar', async () => {
    clock.set(DURING_RUN);
    const during = (await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body;
    assert.match(during, /<aside class="box schedule-box" aria-labelledby="on-air-heading"><h2 id="on-air-heading">On air<\/h2>/);
    assert.match(during, /<em>Nevertheless<\/em><\/a> airs every Saturday at 11 p.m. KST\./);
    assert.match(during, /Next: episode 3 of 10/);
    assert.match(during, /href="\/dramas\/nevertheless\/schedule.ics"/);
    clock.set(TEST_NOW);
    const after = (await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body;
    assert.match(after, /<h2 id="on-air-heading">Air times<\/h2>/);
    assert.match(after, /<em>Nevertheless<\/em><\/a> aired every Saturday at 11 p.m. KST\./);
    assert.doesNotMatch(after, /Next: episode/);
    assert.match(after, /<a class="chip" href="\/dramas\/nevertheless\/schedule.ics" type="text\/calendar">Add every episode to a calendar<\/a>/);
  });

  test('.ics: text/calendar, one event per episode at the instants the API gives', async () => {
    clock.set(DURING_RUN);
    const res = await app.inject('/dramas/nevertheless/schedule.ics');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    const root = new ICAL.Component(ICAL.parse(res.body));
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    const events = root.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      const start = e.startDate.clone();
      start.zone = zone;
      return { uid: e.uid, start: start.toJSDate().toISOString().replace('.000', '') };
    });
    assert.equal(events.length, 10);
    // The run is longer than one API range allows: ask for it in two parts.
    const api = [...(await app.inject('/api/v1/schedule?from=2021-06-19&to=2021-07-31')).json().items, ...(await app.inject('/api/v1/schedule?from=2021-08-01&to=2021-08-21')).json().items];
    assert.deepEqual(events.map((e) => e.start), api.map((i: { startsAt: string }) => i.startsAt));
    const id = (await getDb().kysely.selectFrom('dramas').select('id').where('slug', '=', 'nevertheless').executeTakeFirstOrThrow()).id;
    assert.equal(events[0]!.uid, `drama-${id}-ep-1@onset`);
    assert.equal((await app.inject('/dramas/nothing/schedule.ics')).statusCode, 404);
    assert.equal((await app.inject('/dramas/love-alarm/schedule.ics')).statusCode, 404, 'no weekly slots, nothing to list');
  });

  test('API: episodes in a range with local times in the given zone', async () => {
    const res = await app.inject('/api/v1/schedule?from=2021-06-28&to=2021-07-04&tz=America/New_York');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.timeZone, 'America/New_York');
    assert.deepEqual(body.items, [
      {
        drama: 'nevertheless', title: 'Nevertheless', network: 'JTBC', episode: 3, episodes: 10, startsAt: '2021-07-03T14:00:00Z',
        networkTime: { zone: 'Asia/Seoul', date: '2021-07-03', weekday: 6, time: '23:00' },
        localTime: { zone: 'America/New_York', date: '2021-07-03', weekday: 6, time: '10:00' },
        url: 'http://onset.test/dramas/nevertheless',
      },
    ]);
    // Two dramas, two slots a week each: The World of the Married, Fridays and Saturdays 22:50 KST.
    const married = (await app.inject('/api/v1/schedule?from=2020-03-27&to=2020-04-04&tz=Pacific/Honolulu')).json();
    assert.deepEqual(married.items.map((i: { episode: number; localTime: { date: string; time: string } }) => `${i.episode} ${i.localTime.date} ${i.localTime.time}`), ['1 2020-03-27 03:50', '2 2020-03-28 03:50', '3 2020-04-03 03:50', '4 2020-04-04 03:50']);
    // Without tz the dates are Korean dates.
    assert.equal((await app.inject('/api/v1/schedule?from=2021-07-03&to=2021-07-03')).json().items.length, 1);
  });

  test('API: a bad zone, a reversed or too long range, a bad date: 400 with a message', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/schedule?from=2021-07-01&to=2021-07-07&tz=Nowhere/Town', /Unknown time zone "Nowhere\/Town"/],
      ['/api/v1/schedule?from=2021-07-01&to=2021-09-01', /63 days; ask for at most 62/],
      ['/api/v1/schedule?from=2021-07-07&to=2021-07-01', /"to" must not be before "from"/],
      ['/api/v1/schedule?from=2021-02-30&to=2021-03-01', /from/],
      ['/api/v1/schedule?from=yesterday&to=2021-03-01', /from/],
      ['/api/v1/schedule?to=2021-03-01', /from/],
    ];
    for (const [url, message] of cases) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error, 'Bad Request');
      assert.match(res.json().message, message, url);
    }
    assert.equal((await app.inject('/api/v1/schedule?from=2021-07-01&to=2021-08-31')).statusCode, 200, '62 days is allowed');
  });

  test('API: a drama carries its schedule; the OpenAPI document describes both', async () => {
    clock.set(DURING_RUN);
    const drama = (await app.inject('/api/v1/dramas/nevertheless')).json();
    assert.deepEqual(drama.schedule, {
      text: 'Airs every Saturday at 11 p.m. KST', status: 'airing', timeZone: 'Asia/Seoul',
      slots: [{ weekday: 6, weekdayName: 'Saturday', time: '23:00' }], firstAirDate: '2021-06-19', lastAirDate: '2021-08-21', episodes: 10,
      nextEpisode: { number: 3, startsAt: '2021-07-03T14:00:00Z', localDate: '2021-07-03', localTime: '23:00' },
      calendarUrl: 'http://onset.test/dramas/nevertheless/schedule.ics',
    });
    clock.set(TEST_NOW);
    const ended = (await app.inject('/api/v1/dramas/nevertheless')).json();
    assert.equal(ended.schedule.status, 'ended');
    assert.equal(ended.schedule.nextEpisode, null);
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/schedule']?.get, 'schedule API documented');
    assert.deepEqual(doc.paths['/api/v1/schedule'].get.parameters.map((p: { name: string }) => p.name).sort(), ['from', 'to', 'tz']);
    assert.ok(JSON.stringify(doc.paths['/api/v1/dramas/{slug}']).includes('nextEpisode'));
  });

  test('a break stored for a drama moves its later episodes in page, API and feed', async () => {
    clock.set(DURING_RUN);
    const db = getDb().kysely;
    const { id } = await db.selectFrom('dramas').select('id').where('slug', '=', 'nevertheless').executeTakeFirstOrThrow();
    await db.insertInto('schedule_breaks').values({ drama_id: id, air_date: '2021-07-03', reason: 'Sports broadcast' }).execute();
    try {
      const week = (await app.inject('/api/v1/schedule?from=2021-06-28&to=2021-07-11')).json();
      assert.deepEqual(week.items.map((i: { episode: number; networkTime: { date: string } }) => `${i.episode} ${i.networkTime.date}`), ['3 2021-07-10']);
      const drama = (await app.inject('/api/v1/dramas/nevertheless')).json();
      assert.equal(drama.schedule.nextEpisode.startsAt, '2021-07-10T14:00:00Z');
      // The last air date stays as announced, so the run ends with nine episodes.
      const ics = (await app.inject('/dramas/nevertheless/schedule.ics')).body;
      assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 9);
      assert.doesNotMatch(ics, /20210703T230000/);
    } finally {
      await db.deleteFrom('schedule_breaks').where('drama_id', '=', id).execute();
    }
  });

  test('a stored special shows in the API and the feed as its own numbered episode', async () => {
    clock.set(DURING_RUN);
    const db = getDb().kysely;
    const { id } = await db.selectFrom('dramas').select('id').where('slug', '=', 'nevertheless').executeTakeFirstOrThrow();
    await db.insertInto('schedule_specials').values({ drama_id: id, air_date: '2021-07-04', local_time: '22:00', title: 'Behind-the-scenes special' }).execute();
    try {
      const week = (await app.inject('/api/v1/schedule?from=2021-06-28&to=2021-07-11')).json();
      assert.deepEqual(
        week.items.map((i: { episode: number; special?: string; networkTime: { date: string } }) => `${i.episode} ${i.networkTime.date} ${i.special ?? '-'}`),
        ['3 2021-07-03 -', '4 2021-07-04 Behind-the-scenes special', '5 2021-07-10 -'],
      );
      const ics = (await app.inject('/dramas/nevertheless/schedule.ics')).body;
      assert.match(ics, /SUMMARY:Nevertheless: episode 4 \(Behind-the-scenes special\)/);
    } finally {
      await db.deleteFrom('schedule_specials').where('drama_id', '=', id).execute();
    }
  });
});
