// The local-times island computes zones with the browser's Intl; the server with luxon. Both must
// say the same words for the same instant, or a page would change its mind when JavaScript loads.
import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { describeCountdown, describeLocalSlot, formatClockTime, formatDateRange, formatLocalDateTime, zoneLabel } from '../../schedule/describe.js';
import { inZone } from '../../schedule/schedule.js';
import { applyZone, localText, startCountdowns, wallClock } from './local-times.js';

const ZONES = ['Asia/Seoul', 'America/Los_Angeles', 'America/New_York', 'Pacific/Honolulu', 'Pacific/Auckland', 'Europe/London', 'Asia/Kolkata', 'America/St_Johns', 'UTC'];

describe('local-times island', () => {
  test('Intl in the island and luxon on the server agree, across a year of Saturdays at 23:00 KST', () => {
    for (let week = 0; week < 53; week++) {
      const at = DateTime.fromISO('2026-01-03T23:00', { zone: 'Asia/Seoul' }).plus({ weeks: week });
      for (const zone of ZONES) {
        const server = inZone(at.toUTC().toISO()!, zone);
        assert.deepEqual(wallClock(at.toMillis(), zone), { date: server.date, time: server.time }, `${at.toISO()} in ${zone}`);
      }
    }
  });

  test('midnight is 00:00, not 24:00', () => {
    assert.deepEqual(wallClock(Date.parse('2021-07-03T15:00:00Z'), 'Asia/Seoul'), { date: '2021-07-04', time: '00:00' });
  });

  test('the three forms of a local time', () => {
    const finale = '2021-08-21T23:00:00+09:00';
    assert.equal(localText('slot', finale, 'America/Los_Angeles'), 'Saturday at 7 a.m.');
    assert.equal(localText('slot', finale, 'Pacific/Auckland'), 'Sunday at 2 a.m.');
    assert.equal(localText('time', finale, 'Asia/Kolkata'), '7:30 p.m.');
    assert.equal(localText('datetime', finale, 'Europe/London'), 'Saturday, August 21, 2021 at 3 p.m.');
    assert.equal(localText('slot', 'not a date', 'UTC'), null);
  });

  test('applyZone rewrites times and zone labels under a root', () => {
    const time = { dataset: { local: 'slot' }, dateTime: '2026-11-28T23:00:00+09:00', textContent: 'Saturday at 11 p.m.' };
    const label = { textContent: 'in Korea time (Asia/Seoul)' };
    const root = { querySelectorAll: (sel: string) => (sel.startsWith('time') ? [time] : [label]) } as unknown as ParentNode;
    applyZone(root, { zone: 'America/Los_Angeles', source: 'browser' });
    assert.equal(time.textContent, 'Saturday at 6 a.m.');
    assert.equal(label.textContent, 'in your time (America/Los_Angeles)');
  });

  test('countdowns fill at once and again each minute', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: Date.parse('2021-07-01T00:00:30Z') });
    const el = { dataset: { countdown: '2021-07-03T14:00:00Z' }, textContent: '' };
    startCountdowns({ querySelectorAll: () => [el] } as unknown as ParentNode);
    assert.equal(el.textContent, '(in 2 days, 13 hours)');
    t.mock.timers.setTime(Date.parse('2021-07-03T13:14:30Z')); // the first tick is at the next whole minute
    t.mock.timers.tick(30_000);
    assert.equal(el.textContent, '(in 45 minutes)');
    t.mock.timers.setTime(Date.parse('2021-07-03T14:10:00Z'));
    t.mock.timers.tick(60_000);
    assert.equal(el.textContent, '(on air now)');
    t.mock.timers.setTime(Date.parse('2021-07-03T16:00:00Z'));
    t.mock.timers.tick(60_000);
    assert.equal(el.textContent, '(aired)');
    mock.timers.reset();
  });
});

describe('schedule words', () => {
  test('clock times, slots, dates and ranges in house style', () => {
    assert.deepEqual(['00:00', '12:00', '23:00', '21:30', '09:05'].map(formatClockTime), ['midnight', 'noon', '11 p.m.', '9:30 p.m.', '9:05 a.m.']);
    assert.equal(describeLocalSlot(7, '02:00'), 'Sunday at 2 a.m.');
    assert.equal(formatLocalDateTime('2021-07-03', '23:00'), 'Saturday, July 3, 2021 at 11 p.m.');
    assert.equal(formatDateRange('2021-06-28', '2021-07-04'), 'June 28 – July 4, 2021');
    assert.equal(formatDateRange('2026-11-23', '2026-11-29'), 'November 23 – 29, 2026');
    assert.equal(formatDateRange('2026-12-28', '2027-01-03'), 'December 28, 2026 – January 3, 2027');
  });

  test('countdown wording', () => {
    const min = 60_000;
    assert.equal(describeCountdown(0), 'now');
    assert.equal(describeCountdown(30_000), 'in less than a minute');
    assert.equal(describeCountdown(min), 'in 1 minute');
    assert.equal(describeCountdown(61 * min), 'in 1 hour, 1 minute');
    assert.equal(describeCountdown(120 * min), 'in 2 hours');
    assert.equal(describeCountdown((24 * 60 + 59) * min), 'in 1 day');
    assert.equal(describeCountdown((49 * 60 + 5) * min), 'in 2 days, 1 hour');
  });

  test('zone labels', () => {
    assert.equal(zoneLabel('Asia/Seoul', 'network'), 'in Korea time (Asia/Seoul)');
    assert.equal(zoneLabel('Europe/London', 'chosen'), 'in Europe/London');
    assert.equal(zoneLabel('America/Los_Angeles', 'browser'), 'in your time (America/Los_Angeles)');
  });
});
