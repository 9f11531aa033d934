// The schedule module on fixed dates: no database, no server, no system clock.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { airStatus, computeSchedule, dayRangeInstants, inZone, isValidTimeZone, listEpisodes, nextEpisode, nextSlotOccurrence, type DramaSchedule } from './schedule.js';

const at = (iso: string) => new Date(iso);

/** Nevertheless as it aired: JTBC, Saturdays 23:00 KST, 10 episodes, June 19 to August 21, 2021. */
const nevertheless: DramaSchedule = {
  slots: [{ weekday: 6, localTime: '23:00' }],
  breaks: [],
  firstAirDate: '2021-06-19',
  lastAirDate: '2021-08-21',
  episodes: 10,
  timeZone: 'Asia/Seoul',
};

/** A Saturday 23:00 KST drama running through 2026, to cross every clock change of that year. */
const through2026: DramaSchedule = { ...nevertheless, firstAirDate: '2026-01-03', lastAirDate: '2026-12-26', episodes: null };
const episodeOn = (schedule: DramaSchedule, date: string) => {
  const ep = listEpisodes(schedule).find((e) => e.localDate === date);
  assert.ok(ep, `an episode airs on ${date}`);
  return ep;
};
const local = (date: string, zone: string) => {
  const z = inZone(episodeOn(through2026, date).startsAt, zone);
  return `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][z.weekday - 1]} ${z.date} ${z.time}`;
};

describe('episodes', () => {
  test('Nevertheless: ten Saturdays at 23:00 KST, which is 14:00 UTC', () => {
    const eps = listEpisodes(nevertheless);
    assert.equal(eps.length, 10);
    assert.deepEqual(eps[0], { number: 1, startsAt: '2021-06-19T14:00:00Z', localDate: '2021-06-19', localTime: '23:00' });
    assert.deepEqual(eps.map((e) => e.localDate), ['2021-06-19', '2021-06-26', '2021-07-03', '2021-07-10', '2021-07-17', '2021-07-24', '2021-07-31', '2021-08-07', '2021-08-14', '2021-08-21']);
    assert.equal(eps[9]!.startsAt, '2021-08-21T14:00:00Z');
  });

  test('a break skips its slot and every later episode moves on by one', () => {
    const withBreak: DramaSchedule = { ...nevertheless, lastAirDate: '2021-08-28', breaks: [{ airDate: '2021-07-03', reason: 'Sports broadcast' }] };
    const eps = listEpisodes(withBreak);
    assert.equal(eps.length, 10);
    assert.ok(!eps.some((e) => e.localDate === '2021-07-03'), 'nothing airs on the break');
    assert.equal(eps[1]!.localDate, '2021-06-26');
    assert.deepEqual({ n: eps[2]!.number, d: eps[2]!.localDate }, { n: 3, d: '2021-07-10' });
    assert.deepEqual({ n: eps[9]!.number, d: eps[9]!.localDate }, { n: 10, d: '2021-08-28' });
    // With the original last air date the run is cut short instead of overrunning it.
    assert.equal(listEpisodes({ ...withBreak, lastAirDate: '2021-08-21' }).length, 9);
  });

  test('a break on one of two weekly slots shifts only what follows it', () => {
    const wedThu: DramaSchedule = {
      slots: [{ weekday: 4, localTime: '21:30' }, { weekday: 3, localTime: '21:30' }],
      breaks: [{ airDate: '2019-08-15', reason: 'Liberation Day special' }],
      firstAirDate: '2019-07-31', lastAirDate: null, episodes: 6, timeZone: 'Asia/Seoul',
    };
    assert.deepEqual(listEpisodes(wedThu).map((e) => `${e.number}:${e.localDate}`), ['1:2019-07-31', '2:2019-08-01', '3:2019-08-07', '4:2019-08-08', '5:2019-08-14', '6:2019-08-21']);
  });

  test('two slots on one day are two episodes, in time order', () => {
    const double: DramaSchedule = { slots: [{ weekday: 5, localTime: '22:00' }, { weekday: 5, localTime: '21:00' }], breaks: [], firstAirDate: '2024-01-05', lastAirDate: null, episodes: 3, timeZone: 'Asia/Seoul' };
    assert.deepEqual(listEpisodes(double).map((e) => `${e.number} ${e.localDate} ${e.localTime}`), ['1 2024-01-05 21:00', '2 2024-01-05 22:00', '3 2024-01-12 21:00']);
  });

  test('a special outside the slots counts as an episode and renumbers what follows', () => {
    // A special episode on Sunday 2021-07-04 at 22:00 KST, inside a 10-episode run.
    const withSpecial: DramaSchedule = { ...nevertheless, specials: [{ airDate: '2021-07-04', localTime: '22:00', title: 'Special episode' }] };
    const eps = listEpisodes(withSpecial);
    assert.equal(eps.length, 10, 'the announced count still holds');
    assert.deepEqual(eps[3], { number: 4, startsAt: '2021-07-04T13:00:00Z', localDate: '2021-07-04', localTime: '22:00', special: 'Special episode' });
    assert.deepEqual({ n: eps[4]!.number, d: eps[4]!.localDate, special: eps[4]!.special }, { n: 5, d: '2021-07-10', special: undefined });
    assert.equal(eps.at(-1)!.localDate, '2021-08-14', 'the run ends a week earlier: the special took one slot');
  });

  test('a break and a special in the same week: the special stands in for the lost slot', () => {
    const swap: DramaSchedule = {
      ...nevertheless,
      breaks: [{ airDate: '2021-07-03', reason: 'Sports broadcast' }],
      specials: [{ airDate: '2021-07-05', localTime: '23:00', title: '' }],
    };
    const eps = listEpisodes(swap);
    assert.deepEqual(eps.slice(1, 4).map((e) => `${e.number} ${e.localDate} ${e.special ?? '-'}`), ['2 2021-06-26 -', '3 2021-07-05 Special', '4 2021-07-10 -']);
    assert.equal(eps.at(-1)!.localDate, '2021-08-21');
    assert.equal(nextEpisode(eps, at('2021-07-04T00:00:00Z'))!.number, 3);
  });

  test('no first air date or no slots: no episodes and no status', () => {
    assert.deepEqual(listEpisodes({ ...nevertheless, firstAirDate: null }), []);
    assert.equal(airStatus({ ...nevertheless, firstAirDate: null }, at('2021-07-01T00:00:00Z')), null);
    assert.deepEqual(listEpisodes({ ...nevertheless, slots: [] }), []);
  });

  test('an open-ended run is bounded', () => {
    const eps = listEpisodes({ ...nevertheless, lastAirDate: null, episodes: null });
    assert.ok(eps.length > 100 && eps.length <= 500, `bounded, got ${eps.length}`);
  });
});

describe('Saturday 23:00 KST around the world, on the weekends the clocks change (2026)', () => {
  test('luxon agrees on the 2026 change dates', () => {
    const dst = (date: string, zone: string) => DateTime.fromISO(`${date}T12:00`, { zone }).isInDST;
    assert.deepEqual([dst('2026-03-07', 'America/New_York'), dst('2026-03-08', 'America/New_York')], [false, true]);
    assert.deepEqual([dst('2026-10-31', 'America/New_York'), dst('2026-11-01', 'America/New_York')], [true, false]);
    assert.deepEqual([dst('2026-03-28', 'Europe/London'), dst('2026-03-29', 'Europe/London')], [false, true]);
    assert.deepEqual([dst('2026-10-24', 'Europe/London'), dst('2026-10-25', 'Europe/London')], [true, false]);
    assert.deepEqual([dst('2026-04-04', 'Pacific/Auckland'), dst('2026-04-05', 'Pacific/Auckland')], [true, false]);
    assert.deepEqual([dst('2026-09-26', 'Pacific/Auckland'), dst('2026-09-27', 'Pacific/Auckland')], [false, true]);
  });

  test('New York: 9 a.m. EST in winter, 10 a.m. EDT in summer (DST Mar 8 to Nov 1)', () => {
    assert.equal(local('2026-02-28', 'America/New_York'), 'Sat 2026-02-28 09:00');
    assert.equal(local('2026-03-07', 'America/New_York'), 'Sat 2026-03-07 09:00');
    assert.equal(local('2026-03-14', 'America/New_York'), 'Sat 2026-03-14 10:00');
    assert.equal(local('2026-10-31', 'America/New_York'), 'Sat 2026-10-31 10:00');
    assert.equal(local('2026-11-07', 'America/New_York'), 'Sat 2026-11-07 09:00');
  });

  test('Honolulu: 4 a.m. all year', () => {
    for (const date of ['2026-01-03', '2026-03-07', '2026-03-14', '2026-03-28', '2026-04-04', '2026-09-26', '2026-10-24', '2026-10-31', '2026-11-07', '2026-12-26']) {
      assert.equal(local(date, 'Pacific/Honolulu'), `Sat ${date} 04:00`);
    }
  });

  test('Auckland: Sunday 3 a.m. NZDT, 2 a.m. NZST (DST ends Apr 5, begins Sep 27)', () => {
    assert.equal(local('2026-03-28', 'Pacific/Auckland'), 'Sun 2026-03-29 03:00');
    // 14:00 UTC on April 4 is the very instant NZ clocks go back from 03:00 NZDT to 02:00 NZST.
    assert.equal(local('2026-04-04', 'Pacific/Auckland'), 'Sun 2026-04-05 02:00');
    assert.equal(local('2026-09-19', 'Pacific/Auckland'), 'Sun 2026-09-20 02:00');
    // And 14:00 UTC on September 26 is the instant they jump from 02:00 NZST to 03:00 NZDT.
    assert.equal(local('2026-09-26', 'Pacific/Auckland'), 'Sun 2026-09-27 03:00');
    assert.equal(local('2026-10-03', 'Pacific/Auckland'), 'Sun 2026-10-04 03:00');
  });

  test('London: 2 p.m. GMT in winter, 3 p.m. BST in summer (BST Mar 29 to Oct 25)', () => {
    assert.equal(local('2026-03-28', 'Europe/London'), 'Sat 2026-03-28 14:00');
    assert.equal(local('2026-04-04', 'Europe/London'), 'Sat 2026-04-04 15:00');
    assert.equal(local('2026-10-24', 'Europe/London'), 'Sat 2026-10-24 15:00');
    assert.equal(local('2026-10-31', 'Europe/London'), 'Sat 2026-10-31 14:00');
  });

  test('a Sunday slot that lands inside the US change hour itself', () => {
    const sunday = (time: string, date: string): DramaSchedule => ({ slots: [{ weekday: 7, localTime: time }], breaks: [], firstAirDate: date, lastAirDate: date, episodes: 1, timeZone: 'Asia/Seoul' });
    // 16:00 KST = 07:00 UTC, the instant 2 a.m. EST becomes 3 a.m. EDT.
    assert.deepEqual(inZone(listEpisodes(sunday('16:00', '2026-03-08'))[0]!.startsAt, 'America/New_York'), { date: '2026-03-08', weekday: 7, time: '03:00' });
    // 15:00 KST = 06:00 UTC, the instant 2 a.m. EDT falls back to 1 a.m. EST (the second 1 a.m.).
    assert.deepEqual(inZone(listEpisodes(sunday('15:00', '2026-11-01'))[0]!.startsAt, 'America/New_York'), { date: '2026-11-01', weekday: 7, time: '01:00' });
  });
});

describe('status and next episode', () => {
  test('status flips at midnight KST on the first air date and after the last', () => {
    assert.equal(airStatus(nevertheless, at('2021-06-18T14:59:59Z')), 'upcoming'); // 23:59:59 KST, June 18
    assert.equal(airStatus(nevertheless, at('2021-06-18T15:00:00Z')), 'airing'); // 00:00 KST, June 19
    assert.equal(airStatus(nevertheless, at('2021-08-21T13:59:59Z')), 'airing'); // finale day, before it airs
    assert.equal(airStatus(nevertheless, at('2021-08-21T14:59:59.999Z')), 'airing'); // 23:59:59.999 KST on the last day
    assert.equal(airStatus(nevertheless, at('2021-08-21T15:00:00Z')), 'ended'); // 00:00 KST, August 22
  });

  test('without a last air date, the last counted episode ends the run', () => {
    const counted = { ...nevertheless, lastAirDate: null };
    assert.equal(airStatus(counted, at('2021-08-21T14:00:00Z')), 'airing');
    assert.equal(airStatus(counted, at('2021-08-21T15:00:00Z')), 'ended');
  });

  test('next episode: strictly after now, none after the finale', () => {
    const state = computeSchedule(nevertheless, at('2021-07-01T00:00:00Z'));
    assert.equal(state.status, 'airing');
    assert.deepEqual({ n: state.next?.number, at: state.next?.startsAt }, { n: 3, at: '2021-07-03T14:00:00Z' });
    assert.equal(nextEpisode(state.episodes, at('2021-07-03T14:00:00Z'))?.number, 4);
    assert.equal(nextEpisode(state.episodes, at('2021-07-03T13:59:59Z'))?.number, 3);
    assert.equal(nextEpisode(state.episodes, at('2021-08-21T14:00:00Z')), null);
    const before = computeSchedule(nevertheless, at('2021-06-01T00:00:00Z'));
    assert.deepEqual([before.status, before.next?.number], ['upcoming', 1]);
  });

  test('the next occurrence of a slot, for showing a weekly time in another zone', () => {
    const slot = { weekday: 6, localTime: '23:00' };
    // Wednesday November 25, 2026: next Saturday 23:00 KST is 14:00 UTC, 6 a.m. PST in Los Angeles.
    const next = nextSlotOccurrence(slot, 'Asia/Seoul', at('2026-11-25T12:00:00Z'));
    assert.equal(next, '2026-11-28T14:00:00Z');
    assert.deepEqual(inZone(next, 'America/Los_Angeles'), { date: '2026-11-28', weekday: 6, time: '06:00' });
    // In July the same slot is 7 a.m. PDT.
    assert.equal(inZone(nextSlotOccurrence(slot, 'Asia/Seoul', at('2021-07-01T00:00:00Z')), 'America/Los_Angeles').time, '07:00');
    // At the very instant it is the same occurrence; a second later, the next week's.
    assert.equal(nextSlotOccurrence(slot, 'Asia/Seoul', at('2026-11-28T14:00:00Z')), '2026-11-28T14:00:00Z');
    assert.equal(nextSlotOccurrence(slot, 'Asia/Seoul', at('2026-11-28T14:00:01Z')), '2026-12-05T14:00:00Z');
  });

  test('a local day as a range of instants, and zone names', () => {
    const { from, to } = dayRangeInstants('2026-03-08', '2026-03-08', 'America/New_York');
    assert.equal(from.toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(to.toISOString(), '2026-03-09T04:00:00.000Z'); // a 23-hour day
    assert.ok(isValidTimeZone('America/Los_Angeles'));
    assert.ok(!isValidTimeZone('Mars/Olympus_Mons'));
    assert.ok(!isValidTimeZone(''));
  });
});
