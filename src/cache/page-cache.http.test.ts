import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { saveArticle } from '../articles/articles.service.js';
import { entityChangedTags, purge } from './purge.js';

describeEachDatabase('page cache over HTTP', (getDb) => {
  let app: FastifyInstance;
  let clock: Awaited<ReturnType<typeof buildSeededApp>>['clock'];
  const url = `/articles/${WATCH_ARTICLE_SLUG}`;
  before(async () => {
    ({ app, clock } = await buildSeededApp(getDb()));
  });
  after(() => app.close());

  test('a story is rendered once, then served from the cache, compressed, with CDN headers', async () => {
    const first = await app.inject(url);
    assert.equal(first.headers['x-cache'], 'MISS');
    const second = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(second.headers['x-cache'], 'HIT');
    assert.equal(second.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(second.rawPayload).toString(), first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(String(second.headers['cache-control']), /public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    assert.match(String(second.headers['surrogate-key']), /(^| )article:\d+( |$)/);
    assert.match(String(second.headers['surrogate-key']), /kb:person:\d+/);
    assert.equal(second.headers.vary, 'Accept-Encoding');
  });

  test('a matching If-None-Match gets 304 without a body', async () => {
    const { etag } = (await app.inject(url)).headers;
    const res = await app.inject({ url, headers: { 'if-none-match': String(etag) } });
    assert.equal(res.statusCode, 304);
    assert.equal(res.body, '');
  });

  test('a reader with a personal cookie gets a fresh render, never a stored one', async () => {
    const res = await app.inject({ url, headers: { cookie: 'onset_reader=forged' } });
    assert.equal(res.headers['x-cache'], undefined);
    assert.equal(res.statusCode, 200);
  });

  test('saving the story purges its page and the front page, not unrelated pages', async () => {
    await app.inject('/');
    await app.inject('/people/song-kang');
    await app.inject('/dramas/my-name');
    assert.equal((await app.inject('/dramas/my-name')).headers['x-cache'], 'HIT');
    const db = getDb().kysely;
    const story = await db.selectFrom('articles').selectAll().where('slug', '=', WATCH_ARTICLE_SLUG).executeTakeFirstOrThrow();
    await saveArticle({ slug: story.slug, kind: story.kind, headline: `${story.headline} (updated)`, dek: story.dek, body: story.body, status: story.status, publishedAt: story.published_at, authorId: story.author_id }, { db, clock });
    const page = await app.inject(url);
    assert.equal(page.headers['x-cache'], 'MISS');
    assert.match(page.body, /<h1>Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless \(updated\)<\/h1>/);
    assert.equal((await app.inject('/')).headers['x-cache'], 'MISS', 'the front page lists it');
    assert.equal((await app.inject('/people/song-kang')).headers['x-cache'], 'MISS', 'his page lists it');
    assert.equal((await app.inject('/dramas/my-name')).headers['x-cache'], 'HIT', 'a drama the story does not name is untouched');
  });

  test('an edit of a person purges the pages that show them', async () => {
    const { id } = await getDb().kysely.selectFrom('people').select('id').where('slug', '=', 'song-kang').executeTakeFirstOrThrow();
    await app.inject(url);
    await app.inject('/people/song-kang');
    await app.inject('/people/han-so-hee');
    purge(entityChangedTags('person', id));
    assert.equal((await app.inject(url)).headers['x-cache'], 'MISS');
    assert.equal((await app.inject('/people/song-kang')).headers['x-cache'], 'MISS');
    assert.equal((await app.inject('/people/han-so-hee')).headers['x-cache'], 'HIT');
  });

  test('pages expire on their own after a few seconds', async () => {
    await app.inject(url);
    assert.equal((await app.inject(url)).headers['x-cache'], 'HIT');
    clock.advance(60_000);
    assert.equal((await app.inject(url)).headers['x-cache'], 'MISS');
  });
});
