// Reactions in headless Chromium, with JavaScript on (island: no reload, optimistic, rollback,
// fresh counts over stale HTML) and off (the plain form: post, 303, back at #reactions).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumAvailable, CHROMIUM_PATH, useBrowserAndServer } from './helpers/browser.js';
import { startTestServer } from './helpers/server.js';

const SLUG = 'watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';
const PATH = `/articles/${SLUG}`;

describe('reactions in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  // Every context is a new reader from 127.0.0.1; the default cap would stop the suite, not a person.
  const session = useBrowserAndServer(() => startTestServer({ env: { REACTIONS_IP_CAP: '1000' } }));
  const withPage = session.withPage.bind(session);

  const button = (page: Page, key: string) => page.locator(`#reactions button[data-key="${key}"]`);
  const count = async (page: Page, key: string) => Number(await button(page, key).locator('[data-count]').textContent());
  /** Counts as the server has them, read through the API outside the page. */
  const serverCount = async (key: string) => {
    const body = (await (await fetch(`${session.server.url}/api/v1/articles/${SLUG}/reactions`)).json()) as { reactions: { key: string; count: number }[] };
    return body.reactions.find((r) => r.key === key)!.count;
  };

  test('JavaScript on: a click counts without a reload, presses the button, and a second click withdraws', async () => {
    await withPage({}, async (page) => {
      await page.goto(PATH);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      const before = await count(page, 'wow');
      const stored = await serverCount('wow');
      const put = page.waitForResponse((r) => r.url().endsWith('/reactions') && r.request().method() === 'PUT');
      await button(page, 'wow').click();
      assert.equal(await button(page, 'wow').getAttribute('aria-pressed'), 'true');
      assert.equal(await count(page, 'wow'), before + 1, 'the count moves at once');
      assert.equal((await put).status(), 200);
      assert.equal(await serverCount('wow'), stored + 1);
      assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1, 'no navigation happened');
      assert.match((await page.locator('#reactions [data-live]').textContent()) ?? '', /You chose Wow/);
      assert.match((await page.locator('#reactions [data-summary]').textContent()) ?? '', /You chose Wow/);
      // Keyboard: focus moves to the next reaction, and Enter there switches the vote.
      await button(page, 'wow').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-key')), 'sad');
      const switched = page.waitForResponse((r) => r.url().endsWith('/reactions') && r.request().method() === 'PUT');
      await page.keyboard.press('Enter');
      await switched;
      assert.equal(await button(page, 'wow').getAttribute('aria-pressed'), 'false');
      assert.equal(await button(page, 'sad').getAttribute('aria-pressed'), 'true');
      assert.equal(await serverCount('wow'), stored);
      // After a reload the choice is still there (the cookie, read by the server and by the island).
      await page.reload();
      await page.waitForLoadState('networkidle');
      assert.equal(await button(page, 'sad').getAttribute('aria-pressed'), 'true');
      const del = page.waitForResponse((r) => r.url().endsWith('/reactions') && r.request().method() === 'DELETE');
      await button(page, 'sad').click();
      assert.equal((await del).status(), 200);
      assert.equal(await button(page, 'sad').getAttribute('aria-pressed'), 'false');
    });
  });

  test('JavaScript on: a failed vote rolls back and says so', async () => {
    await withPage({}, async (page) => {
      await page.goto(PATH);
      await page.waitForLoadState('networkidle');
      const before = await count(page, 'love');
      await page.route('**/api/v1/articles/*/reactions', (route) =>
        route.request().method() === 'PUT'
          ? route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'Slow down.' }) })
          : route.continue(),
      );
      await button(page, 'love').click();
      const live = page.locator('#reactions [data-live].is-error');
      await live.waitFor({ state: 'visible' });
      assert.match((await live.textContent()) ?? '', /not saved\. Slow down\.$/);
      assert.equal(await button(page, 'love').getAttribute('aria-pressed'), 'false');
      assert.equal(await count(page, 'love'), before, 'the count is back where the server has it');
    });
  });

  test('JavaScript on: counts in stale (cached) HTML are corrected from the API on load', async () => {
    await withPage({}, async (page) => {
      const real = await serverCount('love');
      // Serve the page as a cache would after many more votes: old numbers in the HTML.
      let stale = false;
      await page.route(`**${PATH}`, async (route) => {
        const res = await route.fetch();
        const html = (await res.text()).replace(/(data-key="love"[\s\S]*?<span data-count>)\d+/, '$19999');
        stale = html.includes('<span data-count>9999</span>');
        await route.fulfill({ response: res, body: html });
      });
      await page.goto(PATH);
      assert.ok(stale, 'the page was served with a stale count');
      await page.waitForFunction((n) => document.querySelector('#reactions button[data-key="love"] [data-count]')?.textContent === String(n), real);
    });
  });

  test('JavaScript off: a click posts the form and comes back at #reactions with the choice pressed', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(PATH);
      const stored = await serverCount('scared');
      await Promise.all([page.waitForURL(`**${PATH}#reactions`), button(page, 'scared').click()]);
      assert.equal(await button(page, 'scared').getAttribute('aria-pressed'), 'true');
      assert.equal(await button(page, 'scared').getAttribute('name'), 'withdraw');
      assert.equal(await count(page, 'scared'), stored + 1);
      assert.match((await page.locator('#reactions [data-summary]').textContent()) ?? '', /You chose Scared/);
      // Clicking it again withdraws, still without JavaScript.
      await Promise.all([page.waitForURL(`**${PATH}#reactions`), button(page, 'scared').click()]);
      await page.waitForLoadState('load');
      assert.equal(await button(page, 'scared').getAttribute('aria-pressed'), 'false');
      assert.equal(await serverCount('scared'), stored);
    });
  });

  test('focus is visible on a reaction button', async () => {
    await withPage({}, async (page) => {
      await page.goto(PATH);
      await button(page, 'love').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      const outline = await button(page, 'love').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
      assert.match(outline, /^solid [1-9]/, `outline on focus: ${outline}`);
    });
  });
});
