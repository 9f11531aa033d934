// The newsroom in a real browser, against an in-process server whose clock the test moves: sign
// in, write a story naming Han So Hee, accept the suggested link, schedule it, advance the clock,
// and find it on the home page. Screenshots of the editor at laptop and tablet widths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { chromiumAvailable, CHROMIUM_PATH } from './helpers/browser.js';
import { useNewsroomInBrowser } from './helpers/newsroom-browser.js';
import { PASSWORD } from '../src/newsroom/newsroom.test-support.js';

const SHOTS = process.env.NEWSROOM_SHOTS_DIR;

describe('newsroom in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  const s = useNewsroomInBrowser();

  test('log in, write a story naming Han So Hee, link it, schedule it, see it go live', async () => {
    const context = await s.browser.newContext({ baseURL: s.url, viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto('/newsroom/articles/new');
    assert.match(page.url(), /\/newsroom\/login/, 'a stranger is sent to sign in');
    await page.fill('#email', 'editor@onset.test');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/newsroom\/articles\/new$/);

    assert.equal(await page.inputValue('#publishZone'), 'Europe/Paris', 'the zone defaults to the browser zone');
    await page.fill('#headline', 'Han So Hee shares a rainy day on set');
    await page.fill('#body', 'Han So Hee kept the crew laughing between takes.');
    // The preview island offers the name as a link to confirm.
    const suggestion = page.locator('input[name="entities"][value^="person:"]').first();
    await suggestion.waitFor();
    assert.match((await page.locator('[data-suggestions]').textContent()) ?? '', /Han So Hee/);
    await suggestion.check();
    await page.locator('[data-preview-body]').getByText('Han So Hee kept').waitFor();
    // Autosave gives the new story an address and says so.
    await page.locator('[data-save-state]').getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 }).catch(async (e) => { throw new Error(`save state: ${await page.locator('[data-save-state]').textContent()}`); });
    assert.match(page.url(), /\/newsroom\/articles\/\d+$/);
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/editor-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.screenshot({ path: `${SHOTS}/editor-820.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // Schedule for 10:00 Paris time the next day of the fixed clock (2026-11-25T12:00Z).
    await page.fill('#publishLocal', '2026-11-26T10:00');
    await page.click('button[value="schedule"]');
    await page.waitForURL(/saved=1/);
    assert.match((await page.locator('.nr-status').textContent()) ?? '', /scheduled.*2026-11-26 09:00 UTC/);
    // The schedule field shows the stored instant again, on this browser's clock (Paris).
    assert.equal(await page.inputValue('#publishLocal'), '2026-11-26T10:00');
    assert.equal(await page.inputValue('#publishZone'), 'Europe/Paris');

    const home = async () => {
      const p = await context.newPage();
      // A reader without the staff cookie, as the public sees it.
      await p.context().clearCookies();
      const res = await fetch(`${s.url}/`);
      await p.close();
      return res.text();
    };
    assert.doesNotMatch(await home(), /Han So Hee shares a rainy day on set/);
    s.clock.set('2026-11-26T09:00:30.000Z');
    const live = await fetch(`${s.url}/`).then((r) => r.text());
    assert.match(live, /Han So Hee shares a rainy day on set/, 'published on the home page once its time came');
    const story = await fetch(`${s.url}/articles/han-so-hee-shares-a-rainy-day-on-set`).then((r) => r.text());
    assert.match(story, /href="\/people\/han-so-hee"/, 'the accepted link is on the public page');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
