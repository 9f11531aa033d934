import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { saveArticle } from '../articles/articles.service.js';
import { loadAlsoSee } from './also-see.service.js';

const TOKEN = 'staff-token-for-tests-0123456789';
const staff = { authorization: `Bearer ${TOKEN}` };
const path = `/api/v1/articles/${WATCH_ARTICLE_SLUG}/also-see`;

describeEachDatabase('"Also see" box', (getDb) => {
  let app: FastifyInstance;
  const clock = fixedClock(TEST_NOW);
  const db = () => getDb().kysely;
  const watchId = async () => (await db().selectFrom('articles').select('id').where('slug', '=', WATCH_ARTICLE_SLUG).executeTakeFirstOrThrow()).id;
  const overrideCount = async () => Number((await db().selectFrom('also_see_overrides').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    await seedDemo({ db: db(), clock });
    app = await buildApp({ db: getDb(), publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', adminToken: TOKEN });
  });
  after(() => app.close());

  test('the demo Watch story offers When the Devil Calls Your Name for Song Kang, and never Nevertheless', async () => {
    const items = await loadAlsoSee({ articleId: await watchId() }, { db: db() });
    const line = (e: (typeof items)[number]) => `${e.people.map((p) => p.name).join(' & ')} in ${e.drama.dramaTitle}`;
    assert.deepEqual(items.map(line), [
      'Han So Hee in My Name',
      'Song Kang in Sweet Home',
      'Song Kang in Love Alarm',
      'Han So Hee in The World of the Married',
      'Song Kang in When the Devil Calls Your Name',
    ]);
    assert.deepEqual(items.find((e) => e.drama.dramaSlug === 'love-alarm')?.watch?.platform, 'Netflix');
    assert.equal(items.find((e) => e.drama.dramaSlug === 'when-the-devil-calls-your-name')?.watch, null);
  });

  test('people linked only through a role count: "Park Jae Eon" suggests Song Kang\'s other works', async () => {
    const saved = await saveArticle({ kind: 'news', headline: 'A sculptor to remember', body: 'Fans still quote Park Jae Eon.', status: 'published' }, { db: db(), clock });
    const items = await loadAlsoSee({ articleId: saved.id }, { db: db() });
    assert.ok(items.length > 0 && items.every((e) => e.people.every((p) => p.slug === 'song-kang')));
    assert.ok(!items.some((e) => e.drama.dramaSlug === 'nevertheless'), 'the role makes the story about Nevertheless');
  });

  test('the article page renders the box after the body, with a Look now link to the drama page', async () => {
    const res = await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    const box = html.match(/<section class="also-see"[\s\S]*?<\/section>/)?.[0] ?? '';
    assert.ok(html.indexOf('class="prose"') < html.indexOf('class="also-see"'), 'after the body');
    assert.match(box, /Also see <strong>Song Kang<\/strong> in <em>When the Devil Calls Your Name<\/em>/);
    assert.match(box, /<a class="look-now" href="\/dramas\/when-the-devil-calls-your-name" aria-label="Look now: When the Devil Calls Your Name">Look now<\/a>/);
    assert.ok(!/dramas\/nevertheless/.test(box));
  });

  test('staff routes: 401 without the token, before any validation', async () => {
    assert.equal((await app.inject(path)).statusCode, 401);
    assert.equal((await app.inject({ method: 'PUT', url: path, payload: { overrides: 'nonsense' } })).statusCode, 401);
    assert.equal((await app.inject({ method: 'PUT', url: path, headers: { authorization: 'Bearer wrong-token-wrong-token-wrong-00' }, payload: { overrides: [] } })).statusCode, 401);
    assert.equal((await app.inject({ method: 'DELETE', url: path })).statusCode, 401);
  });

  test('GET lists the box and its (no) overrides; unknown story is 404', async () => {
    const res = await app.inject({ url: path, headers: staff });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(body.overrides, []);
    assert.equal(body.entries.at(-1).drama.url, 'http://onset.test/dramas/when-the-devil-calls-your-name');
    const missing = await app.inject({ url: '/api/v1/articles/no-such-story/also-see', headers: staff });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().message, /no-such-story/);
  });

  test('PUT pins (in order) and hides; the page follows; DELETE clears', async () => {
    const res = await app.inject({
      method: 'PUT', url: path, headers: staff,
      payload: { overrides: [
        { person: 'song-kang', drama: 'when-the-devil-calls-your-name', action: 'pin' },
        { person: 'han-so-hee', drama: 'the-world-of-the-married', action: 'pin' },
        { person: 'song-kang', drama: 'sweet-home', action: 'hide' },
      ] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.entries.map((e: { drama: { slug: string }; pinned: boolean }) => `${e.drama.slug}${e.pinned ? '*' : ''}`), [
      'when-the-devil-calls-your-name*', 'the-world-of-the-married*', 'my-name', 'love-alarm',
    ]);
    assert.deepEqual(body.overrides.map((o: { person: string; drama: string; action: string; position: number }) => `${o.action}:${o.person}@${o.drama}#${o.position}`), [
      'pin:song-kang@when-the-devil-calls-your-name#1', 'pin:han-so-hee@the-world-of-the-married#2', 'hide:song-kang@sweet-home#0',
    ]);
    const page = (await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body;
    assert.ok(!/data-drama="sweet-home"/.test(page), 'hidden on the page');
    assert.ok(page.indexOf('data-drama="when-the-devil-calls-your-name"') < page.indexOf('data-drama="my-name"'), 'pinned first');

    // Reorder: send the pins in the new order.
    const reordered = await app.inject({ method: 'PUT', url: path, headers: staff, payload: { overrides: [
      { person: 'han-so-hee', drama: 'the-world-of-the-married', action: 'pin' },
      { person: 'song-kang', drama: 'when-the-devil-calls-your-name', action: 'pin' },
    ] } });
    assert.deepEqual(reordered.json().entries.slice(0, 2).map((e: { drama: { slug: string } }) => e.drama.slug), ['the-world-of-the-married', 'when-the-devil-calls-your-name']);

    const cleared = await app.inject({ method: 'DELETE', url: path, headers: staff });
    assert.equal(cleared.statusCode, 200);
    assert.deepEqual(cleared.json().overrides, []);
    assert.equal(await overrideCount(), 0);
  });

  test('bad input is a 400 with a clear message, and nothing is stored', async () => {
    await app.inject({ method: 'PUT', url: path, headers: staff, payload: { overrides: [{ person: 'song-kang', drama: 'love-alarm', action: 'hide' }] } });
    assert.equal(await overrideCount(), 1);
    const cases: [unknown, RegExp][] = [
      [{ overrides: [{ person: 'song-kang', drama: 'love-alarm', action: 'star' }] }, /action/],
      [{ overrides: [{ person: 'Song Kang!', drama: 'love-alarm', action: 'pin' }] }, /person/],
      [{}, /overrides/],
      [{ overrides: [{ person: 'song-kang', drama: 'sweet-home', action: 'pin' }, { person: 'nobody-here', drama: 'love-alarm', action: 'pin' }] }, /no person has the slug "nobody-here"/],
      [{ overrides: [{ person: 'song-kang', drama: 'no-drama', action: 'pin' }] }, /no drama has the slug "no-drama"/],
      [{ overrides: [{ person: 'song-kang', drama: 'my-name', action: 'pin' }] }, /Song Kang has no role in My Name/],
      [{ overrides: [{ person: 'song-kang', drama: 'nevertheless', action: 'pin' }] }, /Nevertheless is what this story is about/],
      [{ overrides: [{ person: 'song-kang', drama: 'love-alarm', action: 'pin' }, { person: 'song-kang', drama: 'love-alarm', action: 'hide' }] }, /listed twice/],
    ];
    for (const [payload, message] of cases) {
      const res = await app.inject({ method: 'PUT', url: path, headers: staff, payload: payload as object });
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
      assert.match(res.json().message, message);
    }
    const tooMany = Array.from({ length: 7 }, () => ({ person: 'song-kang', drama: 'love-alarm', action: 'pin' }));
    assert.match((await app.inject({ method: 'PUT', url: path, headers: staff, payload: { overrides: tooMany } })).json().message, /At most 6 pins/);
    const rows = await db().selectFrom('also_see_overrides').select(['action', 'drama_id']).execute();
    assert.equal(rows.length, 1, 'the earlier decision is intact');
    assert.equal(rows[0]!.action, 'hide');
  });

  test('concurrent PUTs all succeed, and the last one written wins whole', async () => {
    const orders = [
      ['love-alarm', 'sweet-home'],
      ['sweet-home', 'love-alarm'],
      ['when-the-devil-calls-your-name', 'love-alarm'],
    ];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.inject({ method: 'PUT', url: path, headers: staff, payload: { overrides: orders[i % 3]!.map((drama) => ({ person: 'song-kang', drama, action: 'pin' })) } }),
      ),
    );
    assert.deepEqual(results.map((r) => r.statusCode), Array(12).fill(200), results.find((r) => r.statusCode !== 200)?.body);
    const rows = await db().selectFrom('also_see_overrides').innerJoin('dramas', 'dramas.id', 'also_see_overrides.drama_id').select(['dramas.slug', 'position']).orderBy('position').execute();
    assert.ok(orders.some((o) => JSON.stringify(o) === JSON.stringify(rows.map((r) => r.slug))), `one request's list, not a mix: ${JSON.stringify(rows)}`);
    await app.inject({ method: 'DELETE', url: path, headers: staff });
  });

  test('the OpenAPI document describes the staff routes', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const ops = doc.paths['/api/v1/articles/{slug}/also-see'];
    assert.ok(ops?.get && ops.put && ops.delete);
    assert.ok(ops.put.requestBody.content['application/json'].schema.properties.overrides);
    assert.ok(ops.put.responses['400'] && ops.put.responses['401']);
  });
});
