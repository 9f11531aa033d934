// The editorial linter in the newsroom editor, in a real browser: findings appear under the body
// as it is typed, "Fix" applies a suggestion, and publishing with open errors asks first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumAvailable, CHROMIUM_PATH } from './helpers/browser.js';
import { useNewsroomInBrowser } from './helpers/newsroom-browser.js';
import { PASSWORD } from '../src/newsroom/newsroom.test-support.js';

describe('linter in the editor', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 120_000 }, () => {
  const s = useNewsroomInBrowser();

  test('findings show live, a fix applies in place, and publishing with errors asks first', async () => {
    const context = await s.browser.newContext({ baseURL: s.url, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/newsroom/login?next=/newsroom/articles/new');
    await page.fill('#email', 'editor@onset.test');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/newsroom\/articles\/new$/);

    await page.fill('#headline', 'A careful co-star on set');
    await page.fill('#body', 'Kang song checked on Han So Hee between takes.');
    const finding = page.locator('[data-lint-findings] li').filter({ hasText: 'Kang song' });
    await finding.waitFor();
    assert.match((await finding.textContent()) ?? '', /Song Kang/, 'the finding names the fix');
    assert.equal(await page.getAttribute('#body', 'data-lint-errors'), '1');
    // The name is underlined in place: a mark over exactly that text, lined up with the textarea.
    const mark = page.locator('.lint-backdrop mark.lint-error');
    assert.equal(await mark.textContent(), 'Kang song');
    const [markBox, areaBox] = [await mark.boundingBox(), await page.locator('#body').boundingBox()];
    assert.ok(markBox && areaBox && markBox.x >= areaBox.x && markBox.y >= areaBox.y && markBox.y < areaBox.y + 60, 'the underline sits on the first line of the body');
    if (process.env.LINT_SHOTS) await page.screenshot({ path: `${process.env.LINT_SHOTS}/lint-editor.png` });

    // Publishing now asks first; saying no keeps the editor open with nothing published.
    let asked = '';
    page.once('dialog', async (dialog) => {
      asked = dialog.message();
      await dialog.dismiss();
    });
    await page.click('button[value="publish"]');
    await page.waitForTimeout(300);
    assert.match(asked, /found 1 error/);
    assert.match(page.url(), /\/newsroom\/articles\//);
    assert.equal(await s.db.kysely.selectFrom('articles').select('id').where('headline', '=', 'A careful co-star on set').where('status', '=', 'published').executeTakeFirst(), undefined);

    await finding.getByRole('button', { name: /fix/i }).click();
    assert.equal(await page.inputValue('#body'), 'Song Kang checked on Han So Hee between takes.');
    await page.waitForFunction(() => document.querySelector('#body')?.getAttribute('data-lint-errors') === '0');
    await page.click('button[value="publish"]');
    await page.waitForURL(/saved=1/);
    const row = await s.db.kysely.selectFrom('articles').select('status').where('headline', '=', 'A careful co-star on set').executeTakeFirstOrThrow();
    assert.equal(row.status, 'published', 'with the error fixed it publishes without a question');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
