import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { PageCache } from './page-cache.js';

const page = (html: string, tags: string[], ttlMs = 10_000) => ({ body: Buffer.from(html), contentType: 'text/html; charset=utf-8', tags, ttlMs });

test('a stored page comes back with its compressed forms and a strong ETag', () => {
  const cache = new PageCache(1_000_000);
  cache.set('/a', page('<p>hello</p>'.repeat(50), ['article:1']), 0);
  const hit = cache.get('/a', 1);
  assert.ok(hit);
  assert.equal(zlib.gunzipSync(hit.gzip).toString(), '<p>hello</p>'.repeat(50));
  assert.equal(zlib.brotliDecompressSync(hit.br).toString(), '<p>hello</p>'.repeat(50));
  assert.match(hit.etag, /^"[A-Za-z0-9_-]+"$/);
  assert.equal(cache.set('/b', page('<p>hello</p>'.repeat(50), []), 0).etag, hit.etag, 'same bytes, same ETag');
});

test('entries expire after their time to live', () => {
  const cache = new PageCache(1_000_000);
  cache.set('/a', page('x', ['home'], 5_000), 1_000);
  assert.ok(cache.get('/a', 5_999));
  assert.equal(cache.get('/a', 6_000), undefined);
  assert.equal(cache.size, 0);
});

test('a purge drops exactly the pages that carry a purged tag', () => {
  const cache = new PageCache(1_000_000);
  cache.set('/articles/one', page('1', ['article:1', 'kb:person:7']), 0);
  cache.set('/articles/two', page('2', ['article:2', 'kb:person:8']), 0);
  cache.set('/', page('home', ['home']), 0);
  assert.equal(cache.purge(['kb:person:7']), 1);
  assert.equal(cache.get('/articles/one', 1), undefined);
  assert.ok(cache.get('/articles/two', 1));
  assert.ok(cache.get('/', 1));
  assert.equal(cache.purge(['nothing:here']), 0);
});

test('the byte bound evicts the least recently used page first', () => {
  const big = 'x'.repeat(10_000);
  const one = new PageCache(1_000_000).set('/probe', page(big, []), 0).size;
  const cache = new PageCache(one * 2 + 100);
  cache.set('/a', page(big, ['t']), 0);
  cache.set('/b', page(big, ['t']), 0);
  cache.get('/a', 1); // /a is now the most recently used
  cache.set('/c', page(big, ['t']), 0);
  assert.ok(cache.get('/a', 2), 'recently used page kept');
  assert.equal(cache.get('/b', 2), undefined, 'least recently used page evicted');
  assert.ok(cache.byteSize <= one * 2 + 100);
  assert.equal(cache.purge(['t']), 2, 'the tag index forgot the evicted page');
});
