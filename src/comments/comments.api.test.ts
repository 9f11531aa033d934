// The comment API in the OpenAPI document, the JSON report endpoint, "close after N days" with an
// injected clock, freshness behind the page cache, and the staff settings page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import type { fixedClock } from '../lib/clock.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { buildCommentsApp, postViaApi, saveSettingsViaApi, STAFF_HEADERS } from './comments.testing.js';
import { DEFAULT_COMMENT_SETTINGS } from './settings.js';

const PAGE = `/articles/${WATCH_ARTICLE_SLUG}`;
const API = `/api/v1${PAGE}/comments`;

describeEachDatabase('comments: API, report, closing, freshness, settings page', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let n = 0;
  before(async () => {
    ({ app, clock } = await buildCommentsApp(getDb()));
  });
  after(() => app.close());

  async function postApi(body: string, email = `api${++n}@readers.example`) {
    const ip = `10.9.0.${++n % 250}`;
    return postViaApi(app, clock, API, ip, { body, authorName: `Reader ${n}`, authorEmail: email });
  }
  const setSettings = (payload: object) => saveSettingsViaApi(app, payload);

  test('the comment routes are in /api/v1/openapi.json', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.keys(doc.paths);
    const has = (p: RegExp, method: string) => paths.some((k) => p.test(k) && method in doc.paths[k]!);
    assert.ok(has(/^\/api\/v1\/articles\/\{slug\}\/comments$/, 'get'), 'list comments');
    assert.ok(has(/^\/api\/v1\/articles\/\{slug\}\/comments$/, 'post'), 'post a comment');
    assert.ok(has(/^\/api\/v1\/comments\/\{id\}\/reports$/, 'post'), 'report a comment');
    assert.ok(has(/^\/api\/v1\/moderation\/comments$/, 'get'), 'moderation queue');
    assert.ok(!paths.some((p) => p.startsWith('/moderation/') || p.startsWith('/articles/')), 'HTML form routes stay out of the API document');
  });

  test('JSON report: 202, lands in the reported queue with its reason; unknown comment 404; bad reason 400', async () => {
    const list = (await app.inject(API)).json() as { items: { id: number }[] };
    const id = list.items[0]!.id;
    const res = await app.inject({ method: 'POST', url: `/api/v1/comments/${id}/reports`, payload: { reason: 'spoiler', note: 'ending of episode 8' } });
    assert.equal(res.statusCode, 202);
    assert.match(res.json().message, /moderator/);
    const queue = (await app.inject({ url: '/api/v1/moderation/comments?queue=reported', headers: STAFF_HEADERS })).json() as { items: { id: number; reports: { reason: string; note: string }[] }[] };
    assert.deepEqual(queue.items.find((i) => i.id === id)?.reports, [{ reason: 'spoiler', note: 'ending of episode 8' }]);
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/comments/999999/reports', payload: { reason: 'spam' } })).statusCode, 404);
    assert.equal((await app.inject({ method: 'POST', url: `/api/v1/comments/${id}/reports`, payload: { reason: 'boring' } })).statusCode, 400);
  });

  test('close after N days: open before, closed (403, no form) once the story is older', async () => {
    assert.equal((await setSettings({ closeAfterDays: 2 })).statusCode, 200);
    try {
      const early = await postApi('Posted while the story is young.');
      assert.ok([201, 202].includes(early.statusCode), `open: ${early.statusCode}`);
      clock.advance(3 * 86_400_000);
      const late = await postApi('Posted after the story closed.');
      assert.equal(late.statusCode, 403);
      assert.match(late.json().message, /Comments are closed/);
      const page = (await app.inject(PAGE)).body;
      assert.match(page, /Comments are closed\./);
      assert.doesNotMatch(page, /id="commentform"/);
    } finally {
      await setSettings({ closeAfterDays: 0 });
    }
    assert.doesNotMatch((await app.inject(PAGE)).body, /Comments are closed\./, 'reopened on the next load');
  });

  test('freshness: an approved comment shows on the next load, though the page is cached', async () => {
    const first = await app.inject(PAGE);
    const second = await app.inject(PAGE);
    assert.equal(second.headers['x-cache'], 'HIT', 'the page cache is on in this app');
    const posted = await postApi('Fresh words for the cached page.');
    assert.equal(posted.statusCode, 202);
    const id = posted.json().id as number;
    assert.doesNotMatch((await app.inject(PAGE)).body, new RegExp(`id="comment-${id}"`), 'held: not shown');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: STAFF_HEADERS, payload: { ids: [id], action: 'approve' } });
    assert.equal(ok.statusCode, 200);
    const next = await app.inject(PAGE);
    assert.match(next.body, new RegExp(`id="comment-${id}"`));
    assert.match(next.body, /Fresh words for the cached page\./);
    assert.notEqual(next.body, first.body);
    // Trashing takes it off the next load too.
    await app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: STAFF_HEADERS, payload: { ids: [id], action: 'trash' } });
    assert.doesNotMatch((await app.inject(PAGE)).body, new RegExp(`id="comment-${id}"`));
  });

  test('settings page: staff only; per-field errors keep what was typed and save nothing; a valid form saves', async () => {
    const anon = await app.inject('/moderation/comments/settings');
    assert.equal(anon.statusCode, 303, 'a reader is sent to sign in');
    const page = await app.inject({ url: '/moderation/comments/settings', headers: STAFF_HEADERS });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Discussion settings<\/h1>/);
    assert.match(page.body, /name="perPage" type="text" inputMode="numeric" value="50"|name="perPage"[^>]*value="50"/);

    const form = (fields: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/moderation/comments/settings', headers: { ...STAFF_HEADERS, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const base = { holdFirstComment: 'on', holdAtLinks: '2', closeAfterDays: '0', threadDepth: '5', perPage: '50', minSecondsToSubmit: '3', rateWindowSeconds: '60', maxPerIpPerWindow: '5', maxPerEmailPerWindow: '3', minLength: '2', maxLength: '5000', maxNameLength: '80' };
    const bad = await form({ ...base, perPage: 'many', threadDepth: '99', minLength: '400', maxLength: '300', moderationWords: 'casino\n<b>odds</b>' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Nothing was saved/);
    assert.match(bad.body, /id="s-perPage-error"[^>]*>Please enter a whole number between 1 and 500\./);
    assert.match(bad.body, /id="s-threadDepth-error"[^>]*>Please enter a number between 1 and 10\./);
    assert.match(bad.body, /id="s-maxLength-error"[^>]*>The longest comment must be at least as long as the shortest\./);
    assert.match(bad.body, /value="many"/, 'typed value kept');
    assert.match(bad.body, /casino\n&lt;b>odds&lt;\/b><\/textarea>/, 'list kept, escaped');
    assert.equal(((await setSettings({})).json() as { perPage: number }).perPage, DEFAULT_COMMENT_SETTINGS.perPage, 'nothing saved');

    const good = await form({ ...base, perPage: '20', moderationWords: 'casino\n  odds  \ncasino\n' });
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, '/moderation/comments/settings?saved=1');
    const saved = (await app.inject({ url: '/api/v1/moderation/comments/settings', headers: STAFF_HEADERS })).json() as { perPage: number; moderationWords: string[]; holdFirstComment: boolean };
    assert.equal(saved.perPage, 20);
    assert.deepEqual(saved.moderationWords, ['casino', 'odds']);
    assert.equal(saved.holdFirstComment, true);
    // An unticked box is absent from the post: it means off.
    const { holdFirstComment: _, ...unticked } = base;
    assert.equal((await form(unticked)).statusCode, 303);
    assert.equal(((await app.inject({ url: '/api/v1/moderation/comments/settings', headers: STAFF_HEADERS })).json() as { holdFirstComment: boolean }).holdFirstComment, false);
    await setSettings({ holdFirstComment: true, perPage: 50, moderationWords: [] });
    // Cross-site posts are refused.
    const csrf = await app.inject({ method: 'POST', url: '/moderation/comments/settings', headers: { ...STAFF_HEADERS, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, payload: new URLSearchParams(base).toString() });
    assert.equal(csrf.statusCode, 403);
  });
});
