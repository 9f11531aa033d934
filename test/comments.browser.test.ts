// Comments end to end in headless Chromium: posting with JavaScript off and on, and a reply.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumAvailable, CHROMIUM_PATH, useBrowserAndServer } from './helpers/browser.js';
import { startTestServer } from './helpers/server.js';

const WATCH_PATH = '/articles/watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';
const ADMIN_TOKEN = 'staff-token-for-browser-tests';
// The form refuses submissions faster than the too-fast rule's default (3 s).
const HUMAN_PAUSE_MS = 3_300;

describe('comments in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  const session = useBrowserAndServer(() => startTestServer({ env: { ADMIN_TOKEN } }));
  const withPage = session.withPage.bind(session);
  async function fill(page: Page, body: string, name: string, email: string) {
    await page.fill('#comment', body);
    await page.fill('#author', name);
    await page.fill('#email', email);
    await page.waitForTimeout(HUMAN_PAUSE_MS);
  }
  async function approveAll() {
    const q = await fetch(`${session.server.url}/api/v1/moderation/comments?queue=pending`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const ids = ((await q.json()) as { items: { id: number }[] }).items.map((i) => i.id);
    assert.ok(ids.length, 'something to approve');
    const res = await fetch(`${session.server.url}/api/v1/moderation/comments/actions`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ ids, action: 'approve' }) });
    assert.equal(res.status, 200, await res.text());
  }

  test('JavaScript off: post, redirect to the anchor, see it awaiting moderation; then reply', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(WATCH_PATH);
      assert.equal((await page.locator('#reply-title').textContent())?.trim().startsWith('Leave a Reply'), true);
      await fill(page, 'Posted **without** JavaScript.', 'No Script', 'noscript@example.com');
      await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('text=Post Comment')]);
      const id = /#comment-(\d+)$/.exec(page.url())![1];
      const mine = page.locator(`#comment-${id}`);
      assert.match((await mine.textContent()) ?? '', /Posted without JavaScript\./);
      assert.match((await mine.textContent()) ?? '', /Your comment is awaiting moderation\./);
      await approveAll();
      // A fresh load (a hash-only goto would keep the page rendered while it was pending).
      await page.goto(WATCH_PATH);
      await Promise.all([page.waitForURL(/replytocom=/), page.locator(`#comment-${id} a.comment-reply`).click()]);
      assert.match((await page.locator('#reply-title').textContent()) ?? '', /Leave a Reply to No Script/);
      await fill(page, 'A reply, no script.', 'No Script', 'noscript@example.com');
      await Promise.all([page.waitForNavigation(), page.click('text=Post Comment')]);
      assert.match(page.url(), /#comment-\d+$/, (await page.locator('main').textContent()) ?? '');
      const replyId = /#comment-(\d+)$/.exec(page.url())![1];
      assert.equal(await page.locator(`#comment-${id} > ol.children > #comment-${replyId}`).count(), 1, 'the reply is nested under its parent');
    });
  });

  test('JavaScript on: errors per field without reload, then post in place and reply in place', async () => {
    await withPage({}, async (page) => {
      await page.goto(WATCH_PATH);
      const urlBefore = page.url();
      await page.click('text=Post Comment');
      await page.locator('[data-error-for="comment"]', { hasText: 'Please type your comment.' }).waitFor();
      assert.match((await page.locator('[data-error-for="author"]').textContent()) ?? '', /Please fill in your name/);
      await fill(page, 'Posted with JavaScript.', 'Scripted', 'scripted@example.com');
      await page.click('text=Post Comment');
      const added = page.locator('.comment.is-new', { hasText: 'Posted with JavaScript.' });
      await added.waitFor();
      assert.equal(page.url(), urlBefore, 'no navigation');
      // A reply, in place: the form moves under the comment.
      const target = page.locator('.comment:not(.is-pending) a.comment-reply').first();
      await target.click();
      assert.match((await page.locator('#reply-title').textContent()) ?? '', /Leave a Reply to /);
      await fill(page, 'Reply with JavaScript.', 'Scripted', 'scripted@example.com');
      await page.click('text=Post Comment');
      await page.locator('ol.children .comment.is-new', { hasText: 'Reply with JavaScript.' }).waitFor();
    });
  });
});
