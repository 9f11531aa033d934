// End to end in headless Chromium: a reader's path from the home page to a person's page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumAvailable, CHROMIUM_PATH, useBrowserAndServer } from './helpers/browser.js';
import { startTestServer } from './helpers/server.js';

const WATCH_PATH = '/articles/watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';
const WATCH_HEADLINE = 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless';

/** Parses Chromium's computed colour ("rgb(r, g, b)" / "rgba(...)") into 0..255 channels. */
function rgb(css: string): [number, number, number, number] {
  const m = css.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?/);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** WCAG relative luminance, 0 (black) .. 1 (white). */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  const session = useBrowserAndServer(() => startTestServer());
  const withPage = session.withPage.bind(session);

  test('home → lead Watch story → Song Kang', async () => {
    await withPage({}, async (page) => {
      const home = await page.goto('/');
      assert.equal(home?.status(), 200);

      const lead = page.locator('main .lead-story h2 a');
      assert.equal((await lead.textContent())?.trim(), WATCH_HEADLINE);
      await Promise.all([page.waitForURL(`**${WATCH_PATH}`), lead.click()]);

      const h1 = page.locator('main h1');
      assert.equal(await h1.count(), 1, 'one h1 on the article page');
      assert.equal((await h1.textContent())?.trim(), WATCH_HEADLINE);

      // The first link to Song Kang inside the story's body (not the "In this story" chips).
      const songKang = page.locator('main article .prose a[href="/people/song-kang"]').first();
      await songKang.waitFor({ state: 'visible' });
      await Promise.all([page.waitForURL('**/people/song-kang'), songKang.click()]);

      assert.equal((await page.locator('main h1').textContent())?.trim(), 'Song Kang');
      assert.ok((await page.locator('main').textContent())?.includes('송강'), 'the Hangul name is on the person page');
      assert.match(await page.title(), /Song Kang/);
    });
  });

  test('the site name links home, and a speech user can say what they see ("Onset") to follow it', async () => {
    await withPage({ viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto(WATCH_PATH);
      const brand = page.getByRole('link', { name: 'Onset home', exact: true });
      assert.equal(await brand.count(), 1, 'one link named "Onset home"');
      assert.equal(await brand.getAttribute('href'), '/');
      // WCAG 2.5.3: the accessible name contains the visible text (an aria-label "Onset home" over
      // the visible "O" mark and "Onset" did not, and Lighthouse flagged it).
      assert.equal(await brand.getAttribute('aria-label'), null);
      await Promise.all([page.waitForURL((u) => u.pathname === '/'), brand.click()]);
    });
  });

  test('no horizontal overflow at 360 px on home and article', async () => {
    await withPage({ viewport: { width: 360, height: 740 } }, async (page) => {
      for (const path of ['/', WATCH_PATH]) {
        await page.goto(path);
        const { scrollWidth, widest } = await page.evaluate(() => {
          // The element that sticks out furthest, to name in the failure.
          let widest = '';
          let right = 0;
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            const r = el.getBoundingClientRect().right;
            if (r > right) {
              right = r;
              widest = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (right edge ${Math.round(r)} px)`;
            }
          }
          return { scrollWidth: document.documentElement.scrollWidth, widest };
        });
        assert.ok(scrollWidth <= 360, `${path}: scrollWidth ${scrollWidth} > 360; widest element: ${widest}`);
      }
    });
  });

  test('dark mode: the body background is dark', async () => {
    await withPage({ colorScheme: 'dark' }, async (page) => {
      for (const path of ['/', WATCH_PATH]) {
        await page.goto(path);
        const [bg, fg] = await page.evaluate(() => {
          const style = getComputedStyle(document.body);
          return [style.backgroundColor, style.color];
        });
        const background = rgb(bg);
        assert.ok(background[3] > 0, `${path}: body background is transparent (${bg})`);
        assert.ok(luminance(background) < 0.1, `${path}: body background ${bg} is not dark`);
        assert.ok(luminance(rgb(fg)) > 0.5, `${path}: body text ${fg} is not light on the dark background`);
      }
    });
    // And the same page in light mode is light, so the check above is about the scheme.
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto('/');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.ok(luminance(rgb(bg)) > 0.8, `light mode body background ${bg} is not light`);
    });
  });
});
