import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';

describeEachDatabase('article pages and API', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildSeededApp(getDb()));
  });
  after(() => app.close());

  test('home leads with the Watch story, with kind label, dek and date', async () => {
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const lead = res.body.slice(res.body.indexOf('class="lead-story"'));
    assert.ok(lead.startsWith('class="lead-story"'), 'a lead story block');
    assert.match(lead.slice(0, 2000), new RegExp(`href="/articles/${WATCH_ARTICLE_SLUG}"`));
    assert.match(lead.slice(0, 2000), /class="kind kind-watch">Watch</);
    assert.match(lead.slice(0, 2000), /<time datetime="2026-11-25T10:00:00.000Z"/);
  });

  test('home filters by kind and pages with stable links', async () => {
    const res = await app.inject('/?kind=feature');
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(`/articles/${WATCH_ARTICLE_SLUG}"`));
    assert.match(res.body, /From webtoon to screen/);
    const bad = await app.inject('/?kind=gossip');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="site-header"/, 'a page in the site design, not a stack trace');
  });

  test('the article page: headline, dek, byline, time, body with linked names, JSON-LD', async () => {
    const res = await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1>Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless<\/h1>/);
    assert.match(html, /By <span class="byline">Mina Seo<\/span>/);
    assert.match(html, /<time datetime="2026-11-25T10:00:00.000Z">November 25, 2026<\/time>/);
    assert.match(html, /<a href="\/people\/song-kang" class="entity entity-person">Song Kang<\/a>/);
    assert.match(html, /<a href="\/dramas\/nevertheless" class="entity entity-drama">Nevertheless<\/a>/);
    assert.equal(html.match(/href="\/people\/song-kang" class="entity/g)?.length, 1, 'only the first mention is a link');
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless');
    assert.equal(ld.author[0].name, 'Mina Seo');
    assert.ok(ld.mentions.some((m: { name: string }) => m.name === 'Song Kang'));
    assert.match(html, /<link rel="canonical" href="http:\/\/onset.test\/articles\//);
  });

  test('a missing story is a 404 page in the site design', async () => {
    const res = await app.inject('/articles/no-such-story');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
    assert.match(res.body, /class="site-header"/);
  });

  test('API lists stories with paging and returns one by slug', async () => {
    const list = await app.inject('/api/v1/articles?limit=2&offset=0');
    assert.equal(list.statusCode, 200);
    const body = list.json();
    assert.equal(body.items.length, 2);
    assert.equal(body.items[0].slug, WATCH_ARTICLE_SLUG);
    assert.ok(body.total >= 5);
    const page2 = (await app.inject('/api/v1/articles?limit=2&offset=2')).json();
    assert.notEqual(page2.items[0].slug, body.items[0].slug);
    const one = await app.inject(`/api/v1/articles/${WATCH_ARTICLE_SLUG}`);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(one.json().people.map((p: { slug: string }) => p.slug).sort(), ['han-so-hee', 'kim-min-gwi', 'song-kang', 'yang-hye-ji']);
  });

  test('API errors are JSON with a message', async () => {
    const missing = await app.inject('/api/v1/articles/nope');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().message, /No published story/);
    const bad = await app.inject('/api/v1/articles?limit=5000');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error, 'Bad Request');
    assert.match(bad.json().message, /limit/);
    const noRoute = await app.inject('/api/v1/nothing-here');
    assert.equal(noRoute.statusCode, 404);
    assert.equal(noRoute.json().statusCode, 404);
  });

  test('the OpenAPI document describes the API routes', async () => {
    const res = await app.inject('/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.0.3');
    for (const p of ['/api/v1/articles', '/api/v1/articles/{slug}', '/api/v1/people', '/api/v1/people/{slug}', '/api/v1/dramas', '/api/v1/dramas/{slug}']) {
      assert.ok(doc.paths[p]?.get, `missing ${p}`);
    }
    assert.ok(doc.paths['/api/v1/articles'].get.responses['200']);
    assert.ok(!doc.paths['/'], 'HTML pages are not in the API document');
  });

  test('health and readiness', async () => {
    assert.equal((await app.inject('/healthz')).statusCode, 200);
    const ready = await app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
  });

  test('assets are served with content-hashed names and immutable caching', async () => {
    const home = await app.inject('/');
    const css = home.body.match(/href="(\/assets\/site\.[0-9a-f]{10}\.css)"/)?.[1];
    assert.ok(css);
    const res = await app.inject(css!);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /immutable/);
    assert.equal((await app.inject('/assets/site.0000000000.css')).statusCode, 404);
  });
});
