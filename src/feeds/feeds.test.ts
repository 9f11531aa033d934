import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp, TEST_NOW } from '../../test/helpers/app.js';
import { skipWithoutTestdata, testdataPath } from '../../test/helpers/testdata.js';
import { saveArticle } from '../articles/articles.service.js';
import { fixedClock } from '../lib/clock.js';
import { feedProblems } from './feed-rules.test-support.js';
import { buildAtom, buildRss } from './feeds.build.js';
import { buildSitemapIndex } from './sitemaps.js';

const CASES = 'feeds/w3c-feedvalidator';
const CASES_DIR = pathToFileURL(`${testdataPath(CASES)}/`);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => ['item', 'entry', 'sitemap', 'url', 'link'].includes(n) });

test('the feed checker agrees with every W3C feed validator case', { skip: skipWithoutTestdata(CASES) }, () => {
  const manifest: { file: string; verdict: string; message_class: string; message_severity: string }[] = JSON.parse(fs.readFileSync(new URL('manifest.json', CASES_DIR), 'utf8'));
  for (const c of manifest) {
    const problems = feedProblems(fs.readFileSync(new URL(c.file, CASES_DIR)));
    const errors = problems.filter((p) => p.severity === 'error');
    if (c.verdict === 'invalid') assert.ok(errors.some((p) => p.code.startsWith(c.message_class)), `${c.file}: ${JSON.stringify(problems)}`);
    else if (c.verdict === 'valid-with-warning') assert.ok(problems.some((p) => p.code === c.message_class && p.severity === 'warning'), `${c.file}: ${JSON.stringify(problems)}`);
    else assert.deepEqual(errors, [], c.file);
  }
});

test('a hostile headline stays text in both formats, full text included', () => {
  const story = { id: 1, slug: 'x', kind: 'news' as const, headline: '</title><script>alert(1)</script> & "Song Kang"', dek: '', body: 'Hello <script>alert(2)</script> **bold**', published_at: '2026-11-24T10:00:00.000Z', updated_at: '2026-11-24T10:00:00.000Z', lead_image_url: '/media/images/1.webp', lead_image_alt: null, author_name: null };
  const o = { siteName: 'Onset', publicUrl: 'http://onset.test', fullText: true, now: TEST_NOW };
  const ch = { title: 'Onset', description: 'd', pageUrl: 'http://onset.test/', rssUrl: 'http://onset.test/feed.xml', atomUrl: 'http://onset.test/atom.xml' };
  const rss = buildRss(ch, [story], o);
  const atom = buildAtom(ch, [story], o);
  assert.deepEqual(feedProblems(Buffer.from(rss)), []);
  assert.deepEqual(feedProblems(Buffer.from(atom)), []);
  const item = parser.parse(rss).rss.channel.item[0];
  assert.equal(item.title, story.headline.replace('&', '&'));
  assert.doesNotMatch(String(item['content:encoded']), /<script/i);
  assert.equal(item.enclosure['@_url'], 'http://onset.test/media/images/1.webp');
  assert.equal(item.enclosure['@_type'], 'image/webp');
});

describeEachDatabase('feeds and sitemaps over HTTP', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  before(async () => {
    ({ app, clock } = await buildSeededApp(getDb()));
  });
  after(async () => app?.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  for (const path of ['/feed.xml', '/atom.xml', '/feed.xml?kind=watch', '/atom.xml?kind=feature', '/people/song-kang/feed.xml', '/people/song-kang/atom.xml', '/dramas/nevertheless/feed.xml', '/dramas/nevertheless/atom.xml']) {
    test(`${path} is a valid feed by the validator's rules`, async () => {
      const res = await get(path);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), path.includes('atom') ? /^application\/atom\+xml; charset=utf-8/ : /^application\/rss\+xml; charset=utf-8/);
      assert.ok(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
      assert.deepEqual(feedProblems(res.rawPayload), []);
      const doc = parser.parse(res.body);
      const items: any[] = doc.rss ? doc.rss.channel.item : doc.feed.entry;
      assert.ok(items.length >= 1);
      if (doc.rss) {
        for (const it of items) assert.equal(it.guid['#text'], [it.link].flat()[0]);
        assert.match(doc.rss.channel.item[0].pubDate, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
      } else {
        assert.ok(doc.feed.link.some((l: any) => l['@_rel'] === 'self' && l['@_href'] === `http://onset.test${path}`));
      }
      if (path.includes('kind=watch')) for (const it of items) assert.equal(it.category, 'watch');
    });
  }

  test('unknown people and dramas have no feed', async () => {
    assert.equal((await get('/people/nobody/feed.xml')).statusCode, 404);
    assert.equal((await get('/dramas/nothing/atom.xml')).statusCode, 404);
    assert.equal((await get('/feed.xml?kind=gossip')).statusCode, 400);
  });

  test('conditional GET: 304 for a known ETag or date, 200 again after a new story', async () => {
    const first = await get('/feed.xml');
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    assert.ok(etag && lastModified);
    const again = await get('/feed.xml', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal((await get('/feed.xml', { 'if-modified-since': lastModified })).statusCode, 304);
    await saveArticle({ slug: 'feed-freshness-check', kind: 'news', headline: 'A fresh story for the feed', body: 'New.', status: 'published' }, { db: getDb().kysely, clock });
    const changed = await get('/feed.xml', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.match(changed.body, /A fresh story for the feed/);
  });

  test('every page announces the feeds', async () => {
    const home = await get('/');
    assert.match(home.body, /<link rel="alternate" type="application\/rss\+xml" title="Onset \(RSS\)" href="http:\/\/onset.test\/feed.xml"\/>/);
    assert.match(home.body, /<link rel="alternate" type="application\/atom\+xml"[^>]+href="http:\/\/onset.test\/atom.xml"/);
  });

  test('sitemap index lists pages whose URLs all answer, with lastmod', async () => {
    const index = parser.parse((await get('/sitemap.xml')).body).sitemapindex.sitemap as { loc: string; lastmod?: string }[];
    assert.ok(index.length >= 4);
    const urls: string[] = [];
    for (const s of index) {
      const path = s.loc.replace('http://onset.test', '');
      const res = await get(path);
      assert.equal(res.statusCode, 200, path);
      for (const u of parser.parse(res.body).urlset.url ?? []) {
        urls.push(u.loc);
        if (!path.includes('videos')) assert.ok(!Number.isNaN(Date.parse(u.lastmod)), `${u.loc} lastmod`);
      }
    }
    assert.ok(urls.includes('http://onset.test/people/song-kang'));
    assert.ok(urls.includes('http://onset.test/dramas/nevertheless'));
    assert.ok(urls.some((u) => u.startsWith('http://onset.test/articles/')));
    assert.equal((await get('/sitemaps/stories-99.xml')).statusCode, 404);
    assert.equal((await get('/sitemaps/../etc.xml')).statusCode, 404);
  });

  test('sitemaps split into pages of the size given', async () => {
    const xml = await buildSitemapIndex({ db: getDb().kysely, publicUrl: 'http://onset.test', now: clock().toISOString(), pageSize: 2 });
    const locs = (parser.parse(xml).sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc);
    const stories = await getDb().kysely.selectFrom('articles').select('id').where('status', '=', 'published').execute();
    assert.equal(locs.filter((l) => l.includes('/sitemaps/stories-')).length, Math.ceil(stories.length / 2));
  });

  test('news sitemap: only stories of the last two days, in Google News form', async () => {
    const urls = parser.parse((await get('/news-sitemap.xml')).body).urlset.url as any[];
    const locs = urls.map((u) => u.loc);
    assert.ok(locs.some((l: string) => l.includes('watch-song-kang')));
    assert.ok(!locs.some((l: string) => l.endsWith('/song-kang-from-love-alarm-to-nevertheless')), 'a 54-hour-old story is out');
    for (const u of urls) {
      assert.equal(u['news:news']['news:publication']['news:name'], 'Onset');
      assert.ok(u['news:news']['news:title']);
    }
  });

  test('robots.txt points at the sitemaps', async () => {
    const res = await get('/robots.txt');
    assert.match(res.body, /^Sitemap: http:\/\/onset.test\/sitemap.xml$/m);
    assert.match(res.body, /^Sitemap: http:\/\/onset.test\/news-sitemap.xml$/m);
  });
});
