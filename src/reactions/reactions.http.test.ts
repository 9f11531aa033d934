import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { ADMIN_TOKEN, API, buildReactionsApp, clearVotes, cookieFor, readerCookieFrom, SLUG, storedCounts } from './reactions.test-support.js';

const PAGE = `/articles/${SLUG}`;
const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const staff = { authorization: `Bearer ${ADMIN_TOKEN}` };

describeEachDatabase('reactions over HTTP', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildReactionsApp(getDb()));
  });
  after(() => app.close());

  const put = (reaction: string, cookie?: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'PUT', url: API, headers: { ...json, ...(cookie ? { cookie } : {}), ...headers }, payload: { reaction } });

  test('the widget is under the story: a form of buttons with counts, shares and no pressed choice', async () => {
    const res = await app.inject(PAGE);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<section id="reactions" class="reactions" aria-labelledby="reactions-title" data-reactions="\/api\/v1\/articles\/[a-z-]+\/reactions">/);
    assert.match(html, /How does this article make you feel\?/);
    assert.match(html, new RegExp(`<form class="reaction-list" method="post" action="/articles/${SLUG}/reactions">`));
    for (const key of ['love', 'haha', 'wow', 'sad', 'angry', 'scared']) assert.match(html, new RegExp(`<button type="submit" class="reaction" name="reaction" value="${key}" aria-pressed="false"`));
    assert.match(html, /<span data-count>48<\/span>/);
    assert.match(html, /<span class="reaction-share" data-share>55%<\/span>/);
    assert.match(html, /aria-live="polite"/);
    assert.match(String(res.headers['cache-control']), /^public\b/, 'an anonymous render carries no personal state and may be shared');
  });

  test('API: counts and my vote, never cached', async () => {
    const res = await app.inject(API);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const body = res.json();
    assert.equal(body.article, SLUG);
    assert.equal(body.myVote, null);
    assert.equal(body.reactions.length, 6);
    assert.equal(body.total, body.reactions.reduce((s: number, r: { count: number }) => s + r.count, 0));
  });

  test('API: the first vote sets a signed, httpOnly, SameSite=Lax reader cookie; switch and withdraw keep it', async () => {
    await clearVotes(getDb());
    const first = await put('love');
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().myVote, 'love');
    assert.equal(first.json().total, 1, 'the answer counts the vote it acknowledges');
    assert.deepEqual(first.json().reactions.filter((r: { count: number }) => r.count).map((r: { key: string; count: number; share: number }) => [r.key, r.count, r.share]), [['love', 1, 100]]);
    const set = String(first.headers['set-cookie']);
    assert.match(set, /^onset_reader=[0-9a-f]{32}\.[^;]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = readerCookieFrom(first)!;
    const switched = await put('wow', cookie);
    assert.equal(switched.json().myVote, 'wow');
    assert.equal(switched.headers['set-cookie'], undefined, 'a known reader keeps their cookie');
    assert.equal((await app.inject({ url: API, headers: { cookie } })).json().myVote, 'wow');
    const gone = await app.inject({ method: 'DELETE', url: API, headers: { cookie } });
    assert.equal(gone.statusCode, 200);
    assert.equal(gone.json().myVote, null);
    assert.equal(gone.json().total, 0);
    assert.deepEqual(await storedCounts(getDb()), { totals: {}, rows: {} });
    const noCookie = await app.inject({ method: 'DELETE', url: API });
    assert.equal(noCookie.statusCode, 200, 'withdrawing without a vote is a harmless no-op');
    assert.equal(noCookie.headers['set-cookie'], undefined);
  });

  test('API: 400 on an unknown reaction, 404 on an unknown story, JSON with a message', async () => {
    const bad = await put('meh');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /"meh" is not one of the reactions here \(love, haha/);
    assert.equal(bad.headers['set-cookie'], undefined, 'a refused vote issues no cookie');
    const empty = await app.inject({ method: 'PUT', url: API, headers: json, payload: {} });
    assert.equal(empty.statusCode, 400);
    const missing = await app.inject({ method: 'PUT', url: '/api/v1/articles/no-such-story/reactions', headers: json, payload: { reaction: 'love' } });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().message, /No published story/);
    assert.equal((await app.inject('/api/v1/articles/no-such-story/reactions')).statusCode, 404);
  });

  test('a tampered or forged cookie is a new reader, never the reader it names', async () => {
    await clearVotes(getDb());
    const victim = readerCookieFrom(await put('love'))!;
    const [, signed] = victim.split('=');
    const [id, signature] = decodeURIComponent(signed!).split('.');
    const flipped = `${id!.slice(0, -1)}${id!.endsWith('0') ? '1' : '0'}.${signature}`;
    for (const forged of [`onset_reader=${encodeURIComponent(flipped)}`, `onset_reader=${id}`, `onset_reader=${encodeURIComponent(`${id}.AAAA`)}`]) {
      const seen = await app.inject({ url: API, headers: { cookie: forged } });
      assert.equal(seen.json().myVote, null, `${forged} does not see the victim's vote`);
      const vote = await put('angry', forged);
      assert.equal(vote.statusCode, 200);
      assert.ok(readerCookieFrom(vote), 'the forger gets a fresh reader id of their own');
      assert.notEqual(readerCookieFrom(vote), victim);
    }
    assert.equal((await app.inject({ url: API, headers: { cookie: victim } })).json().myVote, 'love', "the victim's vote is untouched");
    assert.deepEqual((await storedCounts(getDb())).rows, { angry: 3, love: 1 });
  });

  test('without JavaScript: the form posts, 303 back to #reactions, and the page shows the choice pressed', async () => {
    await clearVotes(getDb());
    const post = await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: form, payload: 'reaction=haha' });
    assert.equal(post.statusCode, 303);
    assert.ok(String(post.headers.location).endsWith(`${PAGE}#reactions`));
    const cookie = readerCookieFrom(post)!;
    assert.ok(cookie);
    const page = await app.inject({ url: PAGE, headers: { cookie } });
    assert.match(page.body, /<button type="submit" class="reaction" name="withdraw" value="haha" aria-pressed="true"/);
    assert.match(page.body, /1 reaction · You chose Haha/);
    assert.equal(page.headers['cache-control'], 'private, no-cache', 'a page with personal state is never shared');
    assert.equal(page.headers.vary, 'Cookie');
    // Clicking the pressed button withdraws; an out-of-date withdraw (other choice) changes nothing.
    await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: { ...form, cookie }, payload: 'withdraw=love' });
    assert.deepEqual((await storedCounts(getDb())).rows, { haha: 1 });
    const withdraw = await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: { ...form, cookie }, payload: 'withdraw=haha' });
    assert.equal(withdraw.statusCode, 303);
    assert.deepEqual((await storedCounts(getDb())).rows, {});
    const after = await app.inject({ url: PAGE, headers: { cookie } });
    assert.ok(!after.body.includes('aria-pressed="true"'));
    const bad = await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: form, payload: 'reaction=meh' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="site-header"/, 'a page in the site design');
  });

  test('cross-site posts and API writes are refused with 403; same-origin ones pass', async () => {
    const cross = await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: { ...form, origin: 'https://evil.example' }, payload: 'reaction=love' });
    assert.equal(cross.statusCode, 403);
    assert.match(cross.body, /another site/);
    assert.equal((await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: { ...form, 'sec-fetch-site': 'cross-site' }, payload: 'reaction=love' })).statusCode, 403);
    assert.equal((await put('love', undefined, { 'sec-fetch-site': 'same-site' })).statusCode, 403);
    assert.equal((await app.inject({ method: 'DELETE', url: API, headers: { origin: 'null' } })).statusCode, 403);
    assert.equal((await put('love', undefined, { origin: 'http://onset.test', 'sec-fetch-site': 'same-origin' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: { ...form, origin: 'http://onset.test' }, payload: 'reaction=love' })).statusCode, 303);
  });

  test('staff: totals per story and reset, behind the admin token', async () => {
    await put('sad');
    assert.equal((await app.inject('/api/v1/reactions/totals')).statusCode, 401);
    const totals = await app.inject({ url: '/api/v1/reactions/totals', headers: staff });
    assert.equal(totals.statusCode, 200);
    const item = totals.json().items.find((i: { slug: string }) => i.slug === SLUG);
    assert.deepEqual(Object.keys(item.counts), ['love', 'haha', 'wow', 'sad', 'angry', 'scared']);
    assert.equal(item.total, Object.values(item.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    assert.equal((await app.inject({ method: 'DELETE', url: `${API}/all` })).statusCode, 401);
    const reset = await app.inject({ method: 'DELETE', url: `${API}/all`, headers: staff });
    assert.equal(reset.statusCode, 200);
    assert.equal(reset.json().removed, item.total);
    assert.equal((await app.inject(API)).json().total, 0);
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/articles/nope/reactions/all', headers: staff })).statusCode, 404);
  });

  test('staff page: lists totals, resets one story after a confirming click, refuses others', async () => {
    await put('wow');
    const anon = await app.inject('/moderation/reactions');
    assert.equal(anon.statusCode, 303, 'a person not signed in is sent to sign in');
    assert.equal(anon.headers.location, '/newsroom/login?next=%2Fmoderation%2Freactions');
    const page = await app.inject({ url: '/moderation/reactions', headers: staff });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<details class="confirm"><summary>Reset…<\/summary><form method="post" action="\/moderation\/reactions\/reset">/);
    assert.match(page.body, new RegExp(`<input type="hidden" name="slug" value="${SLUG}"/>`));
    const denied = await app.inject({ method: 'POST', url: '/moderation/reactions/reset', headers: form, payload: `slug=${SLUG}` });
    assert.equal(denied.statusCode, 401);
    assert.match(denied.body, /class="site-header"/, 'a page in the site design');
    assert.deepEqual((await storedCounts(getDb())).rows, { wow: 1 }, 'nothing was reset');
    const cross = await app.inject({ method: 'POST', url: '/moderation/reactions/reset', headers: { ...form, ...staff, origin: 'https://evil.example' }, payload: `slug=${SLUG}` });
    assert.equal(cross.statusCode, 403, 'staff credentials do not make a cross-site post acceptable');
    const reset = await app.inject({ method: 'POST', url: '/moderation/reactions/reset', headers: { ...form, ...staff }, payload: `slug=${SLUG}` });
    assert.equal(reset.statusCode, 303);
    assert.match(String(reset.headers.location), /^\/moderation\/reactions\?reset=.+&removed=1$/);
    const after = await app.inject({ url: String(reset.headers.location), headers: staff });
    assert.match(after.body, /Removed 1 reaction from/);
  });

  test('home: "Most loved this week", and per reaction with ?top=', async () => {
    const home = await app.inject('/');
    assert.match(home.body, /<h2 class="section-title" id="most-reacted-title">Most loved this week<\/h2>/);
    assert.match(home.body, /aria-current="true"[^>]*>.*?Love/);
    const funny = await app.inject('/?top=haha');
    assert.match(funny.body, /Funniest this week/);
    assert.match(funny.body, /nevertheless-supporting-cast-steals-scenes/);
    assert.match((await app.inject('/?top=nonsense')).body, /Most loved this week/, 'an unknown reaction falls back to the first');
    assert.ok(!(await app.inject('/?kind=news')).body.includes('most-reacted'), 'only on the front page');
  });

  test('the OpenAPI document describes the reaction API', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const path = doc.paths['/api/v1/articles/{slug}/reactions'];
    assert.ok(path?.get && path.put && path.delete);
    assert.ok(path.put.responses['429'] && path.put.responses['400'] && path.put.responses['404']);
    assert.ok(doc.paths['/api/v1/reactions/totals']?.get);
    assert.ok(doc.paths['/api/v1/articles/{slug}/reactions/all']?.delete);
    assert.ok(!doc.paths['/articles/{slug}/reactions'], 'the HTML form endpoint is not API');
  });
});

describeEachDatabase('reaction caps over HTTP', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildReactionsApp(getDb(), { limits: { readersPerArticlePerIpPerHour: 3, votesPerIpPerMinute: 1000 } }));
    await clearVotes(getDb());
  });
  after(() => app.close());

  test('clearing cookies to vote again hits the per-IP cap: a readable 429 page, JSON under /api, Retry-After', async () => {
    const vote = (cookie?: string) => app.inject({ method: 'POST', url: `${PAGE}/reactions`, headers: { ...form, ...(cookie ? { cookie } : {}) }, payload: 'reaction=love' });
    const cookies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await vote();
      assert.equal(res.statusCode, 303);
      cookies.push(readerCookieFrom(res)!);
    }
    const page = await vote();
    assert.equal(page.statusCode, 429);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /Slow down a little/);
    assert.match(page.body, /different readers have already reacted to this story from your connection/);
    assert.equal(page.headers['retry-after'], '3600');
    assert.equal(page.headers['set-cookie'], undefined);
    const api = await app.inject({ method: 'PUT', url: API, headers: json, payload: { reaction: 'wow' } });
    assert.equal(api.statusCode, 429);
    assert.equal(api.json().error, 'Too Many Requests');
    // Readers already counted may still switch and withdraw; another IP is not affected.
    assert.equal((await app.inject({ method: 'PUT', url: API, headers: { ...json, cookie: cookies[0]! }, payload: { reaction: 'sad' } })).statusCode, 200);
    assert.equal((await app.inject({ method: 'DELETE', url: API, headers: { cookie: cookies[1]! } })).statusCode, 200);
    assert.equal((await app.inject({ method: 'PUT', url: API, remoteAddress: '203.0.113.50', headers: json, payload: { reaction: 'wow' } })).statusCode, 200);
    assert.deepEqual((await storedCounts(getDb())).rows, { love: 1, sad: 1, wow: 1 });
  });

  test('a reader cookie signed by the server for an id that never voted counts as a new reader', async () => {
    const res = await app.inject({ method: 'PUT', url: API, headers: { ...json, cookie: cookieFor(app, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') }, payload: { reaction: 'love' } });
    assert.equal(res.statusCode, 429, 'the fourth distinct reader from this IP is refused whatever its cookie');
  });
});
