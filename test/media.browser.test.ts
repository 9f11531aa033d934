// Video in headless Chromium: the click-to-load facade asks nothing of a third party until the
// reader presses play, and the demo's self-hosted clip plays with English subtitles showing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser } from './helpers/browser.js';
import { startTestServer, type TestServer } from './helpers/server.js';

const WATCH = '/articles/watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';
const TOKEN = 'staff-token-for-media-browser-tests';

describe('video in the browser', { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}`, timeout: 180_000 }, () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer({ env: { ADMIN_TOKEN: TOKEN } }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A context in which every request to another host is recorded, and answered here, never sent. */
  async function isolatedContext(): Promise<{ context: BrowserContext; foreign: string[] }> {
    const context = await browser!.newContext({ baseURL: server!.url });
    context.setDefaultTimeout(15_000);
    const foreign: string[] = [];
    const ours = new URL(server!.url).host;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === ours) return route.continue();
      foreign.push(url.href);
      // The provider's player, served locally so the test needs no network.
      if (url.host === 'www.youtube-nocookie.com') {
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p id="player">stand-in player</p>' });
      }
      return route.abort();
    });
    return { context, foreign };
  }

  test('YouTube facade: nothing leaves for another host before the click; the keyboard loads the player', async () => {
    const api = (path: string, init: RequestInit) => fetch(`${server!.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    const created = await api('/api/v1/media/videos/embedded', { method: 'POST', body: JSON.stringify({ provider: 'youtube', providerId: 'AAAAAAAAAAA', title: 'Facade test', durationSeconds: 95 }) });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: number };
    const list = (await (await fetch(`${server!.url}/api/v1/articles?kind=news&limit=1`)).json()) as { items: { slug: string }[] };
    const slug = list.items[0]!.slug;
    assert.equal((await api(`/api/v1/media/articles/${slug}/lead-video`, { method: 'PUT', body: JSON.stringify({ videoId: id }) })).status, 204);

    const { context, foreign } = await isolatedContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`/articles/${slug}`);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(foreign, [], 'no request to another host before the click');
      const play = page.getByRole('button', { name: 'Play video: Facade test' });
      assert.ok(await play.isVisible(), 'the play button shows once the island runs');
      assert.equal(await page.locator('iframe').count(), 0);

      const playerRequest = page.waitForRequest((r: Request) => r.url().startsWith('https://www.youtube-nocookie.com/embed/AAAAAAAAAAA'));
      await play.focus();
      await page.keyboard.press('Enter');
      const iframe = page.locator('figure.video-facade iframe');
      await iframe.waitFor();
      assert.equal(await iframe.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/AAAAAAAAAAA?autoplay=1&rel=0');
      assert.match(String(await iframe.getAttribute('allow')), /autoplay/);
      await playerRequest;
      assert.ok((foreign as string[]).every((u) => u.startsWith('https://www.youtube-nocookie.com/')), `only the player after the click: ${foreign.join(', ')}`);
      assert.equal(await page.frameLocator('figure.video-facade iframe').locator('#player').textContent(), 'stand-in player');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the facade is a plain link to the video on YouTube', async () => {
    const context = await browser!.newContext({ baseURL: server!.url, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const list = (await (await fetch(`${server!.url}/api/v1/articles?kind=news&limit=1`)).json()) as { items: { slug: string }[] };
      await page.goto(`/articles/${list.items[0]!.slug}`);
      const link = page.locator('figure.video-facade a.video-link');
      assert.equal(await link.getAttribute('href'), 'https://www.youtube.com/watch?v=AAAAAAAAAAA');
      assert.ok(await link.isVisible());
      assert.equal(await page.locator('figure.video-facade .video-play').isVisible(), false, 'no play button that would do nothing');
    } finally {
      await context.close();
    }
  });

  test('the demo Watch story plays its own clip with the English track showing, and asks no other host', async () => {
    const { context, foreign } = await isolatedContext();
    try {
      const page = await context.newPage();
      await page.goto(WATCH);
      const video = page.locator('figure.video-self video');
      await video.waitFor();
      const state = await video.evaluate(async (el: HTMLVideoElement) => {
        el.muted = true;
        await el.play();
        // Plain loops: a named helper here would be compiled with a helper the page does not have.
        while (el.currentTime <= 0.5) await new Promise((r) => setTimeout(r, 50));
        const track = el.textTracks[0]!;
        while (!track.cues || track.cues.length === 0) await new Promise((r) => setTimeout(r, 50));
        return { mode: track.mode, language: track.language, label: track.label, cues: track.cues!.length, duration: el.duration, playing: !el.paused };
      });
      assert.deepEqual(state, { mode: 'showing', language: 'en', label: 'English', cues: 3, duration: state.duration, playing: true });
      assert.ok(state.duration > 5 && state.duration < 7, `the clip knows its length: ${state.duration}`);
      assert.deepEqual(foreign, []);
    } finally {
      await context.close();
    }
  });
});
