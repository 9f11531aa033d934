// Air times in a real browser set to America/Los_Angeles, against the real `onset serve`: the
// island rewrites Korean times in the reader's zone, a picked zone is applied and remembered,
// /schedule regroups by the reader's days, and with JavaScript off the server's Korea time stays.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { describeLocalSlot } from '../src/schedule/describe.js';
import { chromiumAvailable, CHROMIUM_PATH, useBrowserAndServer } from './helpers/browser.js';
import { startTestServer } from './helpers/server.js';

const LA = 'America/Los_Angeles';
const slotTime = 'main [data-schedule-block] time[data-local="slot"]';

/** "Saturday at 7 a.m.": what a weekly slot at `datetime` reads as in `zone`, worked out by luxon. */
function expectedSlot(datetime: string, zone: string): string {
  const dt = DateTime.fromISO(datetime).setZone(zone);
  return describeLocalSlot(dt.weekday, dt.toFormat('HH:mm'));
}

describe('air times in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  const session = useBrowserAndServer(() => startTestServer());
  const withPage = session.withPage.bind(session);

  test('drama page: the weekly slot in Los Angeles time, by the island', async () => {
    await withPage({ timezoneId: LA }, async (page) => {
      await page.goto('/dramas/nevertheless');
      const time = page.locator(slotTime);
      const datetime = (await time.getAttribute('datetime'))!;
      // The server renders the Korean instant; the island writes it on the reader's clock.
      assert.match(datetime, /T23:00:00\+09:00$/);
      const expected = expectedSlot(datetime, LA);
      await page.waitForFunction(([sel, text]) => document.querySelector(sel!)?.textContent === text, [slotTime, expected]);
      // The run ended in August 2021, when Los Angeles was on daylight time (UTC-7).
      assert.equal(expected, 'Saturday at 7 a.m.');
      assert.equal(await page.locator('main [data-schedule-block] [data-zone-label]').first().textContent(), `in your time (${LA})`);
      assert.equal(await page.locator('main [data-schedule-block] .schedule-airs').textContent(), 'Aired every Saturday at 11 p.m. KST');
    });
  });

  test('picking a zone applies it at once and is remembered; "browser default" undoes it', async () => {
    await withPage({ timezoneId: LA }, async (page) => {
      await page.goto('/dramas/nevertheless');
      const select = page.locator('main form[data-zone-picker] select');
      assert.equal(await page.locator('main form[data-zone-picker] button').isVisible(), false, 'no submit button needed with JavaScript');
      assert.equal(await select.locator('option[value=""]').textContent(), `Your browser's zone (${LA})`);
      await select.selectOption('Pacific/Auckland');
      const datetime = (await page.locator(slotTime).getAttribute('datetime'))!;
      await page.waitForFunction(([sel, text]) => document.querySelector(sel!)?.textContent === text, [slotTime, expectedSlot(datetime, 'Pacific/Auckland')]);
      assert.equal(await page.locator(slotTime).textContent(), 'Sunday at 2 a.m.');
      await page.reload();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Sunday at 2 a.m.', slotTime);
      assert.equal(await select.inputValue(), 'Pacific/Auckland');
      assert.equal(await page.locator('main [data-schedule-block] [data-zone-label]').first().textContent(), 'in Pacific/Auckland');
      await select.selectOption('');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saturday at 7 a.m.', slotTime);
    });
  });

  test('/schedule regroups the week by the reader\'s days', async () => {
    await withPage({ timezoneId: 'Pacific/Auckland' }, async (page) => {
      // The week of July 3, 2021: episode 3 aired Saturday 23:00 KST, Sunday 2 a.m. in Auckland.
      await page.goto('/schedule?week=2021-07-02');
      const sunday = page.locator('li.week-day[data-date="2021-07-04"]');
      await sunday.locator('.week-item').waitFor();
      assert.equal((await sunday.locator('.week-item time').textContent())?.trim(), '2 a.m.');
      assert.match((await sunday.locator('.week-item').textContent()) ?? '', /Nevertheless\s+Episode 3 of 10 · JTBC/);
      assert.equal(await page.locator('li.week-day[data-date="2021-07-03"] .week-item').count(), 0);
      assert.equal(await page.locator('.page-header [data-zone-label]').textContent(), 'in your time (Pacific/Auckland)');
    });
  });

  test('/schedule this week follows the browser\'s clock and zone', async () => {
    await withPage({ timezoneId: LA }, async (page) => {
      // Thursday, July 1, 2021, 10 a.m. in Los Angeles: the reader's week is June 28 to July 4.
      await page.clock.install({ time: new Date('2021-07-01T17:00:00Z') });
      await page.goto('/schedule');
      const saturday = page.locator('li.week-day[data-date="2021-07-03"]');
      await saturday.locator('.week-item').waitFor();
      assert.equal((await saturday.locator('.week-item time').textContent())?.trim(), '7 a.m.');
      assert.equal(await page.locator('li.week-day.is-today').getAttribute('data-date'), '2021-07-01');
      assert.equal(await page.locator('[data-week-range]').textContent(), 'June 28 – July 4, 2021');
    });
  });

  test('with JavaScript off, the server\'s Korea time stands, and the zone form still works', async () => {
    await withPage({ timezoneId: LA, javaScriptEnabled: false }, async (page) => {
      await page.goto('/dramas/nevertheless');
      assert.equal(await page.locator(slotTime).textContent(), 'Saturday at 11 p.m.');
      assert.equal(await page.locator('main [data-schedule-block] [data-zone-label]').first().textContent(), 'in Korea time (Asia/Seoul)');
      await page.locator('main form[data-zone-picker] select').selectOption(LA);
      await Promise.all([page.waitForURL(/tz=America%2FLos_Angeles/), page.locator('main form[data-zone-picker] button').click()]);
      assert.equal(await page.locator(slotTime).textContent(), 'Saturday at 7 a.m.');
    });
  });
});
