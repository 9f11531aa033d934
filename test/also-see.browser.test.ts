// End to end in headless Chromium: the demo "Watch:" story suggests Song Kang in *When the Devil
// Calls Your Name*, and its "Look now" link leads to the drama's page (issue 5, "Proven by").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { WATCH_ARTICLE_SLUG } from '../src/demo/demo.data.js';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser } from './helpers/browser.js';
import { startTestServer, type TestServer } from './helpers/server.js';

describe('"Also see" in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`the Watch story offers When the Devil Calls Your Name for Song Kang; Look now opens it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser!.newContext({ baseURL: server!.url, javaScriptEnabled, viewport: { width: 390, height: 844 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      try {
        const res = await page.goto(`/articles/${WATCH_ARTICLE_SLUG}`);
        assert.equal(res?.status(), 200);

        const box = page.getByRole('region', { name: 'More with this cast' });
        const entry = box.getByRole('listitem').filter({ hasText: 'When the Devil Calls Your Name' });
        assert.equal(await entry.count(), 1, 'one entry for the drama');
        assert.match((await entry.locator('p').innerText()).replace(/\s+/g, ' '), /^Also see Song Kang in When the Devil Calls Your Name/);
        assert.equal(await entry.locator('em').innerText(), 'When the Devil Calls Your Name', 'the title is set as a title');
        // The box sits after the story's body, before its footer.
        const order = await page.evaluate(() => {
          const prose = document.querySelector('.prose');
          const also = document.querySelector('.also-see');
          return prose && also ? prose.compareDocumentPosition(also) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
        });
        assert.ok(order, 'after the body');

        const look = entry.getByRole('link', { name: 'Look now: When the Devil Calls Your Name' });
        assert.ok(await look.isVisible(), 'the link is on screen at phone width');
        await Promise.all([page.waitForURL('**/dramas/when-the-devil-calls-your-name'), look.click()]);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'When the Devil Calls Your Name');
        assert.ok(await page.getByText('as Luka').isVisible(), 'the cast lists Song Kang as Luka');
        assert.deepEqual(errors, [], 'no uncaught errors in page scripts');
      } finally {
        await context.close();
      }
    });
  }
});
