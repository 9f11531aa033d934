import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Parser } from 'htmlparser2';
import sharp from 'sharp';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { executableParts } from '../../test/helpers/html-safety.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { saveArticle } from '../articles/articles.service.js';
import { fixedClock } from '../lib/clock.js';
import { buildMediaApp, STAFF } from '../media/media.test-support.js';

const XSS = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
const SITE = 'http://onset.test';
const oembed = (url: string, extra = '') => `/oembed?url=${encodeURIComponent(url)}${extra}`;

/** The link texts and hrefs of a card, as a browser would read them. */
function linksOf(html: string): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  let current: { href: string; text: string } | undefined;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'a') current = { href: a.href ?? '', text: '' };
    },
    ontext(t) {
      if (current) current.text += t;
    },
    onclosetag(name) {
      if (name === 'a' && current) links.push(current), (current = undefined);
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return links;
}

function textOf(html: string): string {
  let text = '';
  const parser = new Parser({ ontext: (t) => void (text += t) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return text;
}

describeEachDatabase('oEmbed provider', (getDb) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let xssSlug: string;
  let photoSlug: string;
  before(async () => {
    ({ app, close } = await buildMediaApp(getDb()));
    const clock = fixedClock(TEST_NOW);
    xssSlug = (await saveArticle({ kind: 'news', headline: XSS, dek: `<b>dek</b> & "quotes"`, body: 'Song Kang on set.', status: 'published' }, { db: getDb().kysely, clock })).slug;
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#446688' } }).png().toBuffer();
    const upload = await app.inject({ method: 'POST', url: '/api/v1/media/images', headers: { ...STAFF, 'content-type': 'image/png' }, payload: png });
    assert.equal(upload.statusCode, 201, upload.body);
    photoSlug = (await saveArticle({ kind: 'feature', headline: 'A story with an uploaded photo', body: 'Text.', status: 'published', leadImageUrl: upload.json().url, leadImageAlt: 'A blue field' }, { db: getDb().kysely, clock })).slug;
  });
  after(() => close());

  test('a story URL gives an oEmbed 1.0 rich card: title, author, provider, size, a blockquote with a link', async () => {
    const storyUrl = `${SITE}/articles/${WATCH_ARTICLE_SLUG}`;
    const res = await app.inject(oembed(storyUrl, '&format=json'));
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const card = res.json();
    assert.equal(card.version, '1.0');
    assert.equal(card.type, 'rich');
    assert.equal(card.title, 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless');
    assert.equal(card.author_name, 'Mina Seo');
    assert.equal(card.author_url, `${SITE}/`);
    assert.equal(card.provider_name, 'Onset');
    assert.equal(card.provider_url, `${SITE}/`);
    assert.equal(card.width, 550);
    assert.ok(card.height > 0);
    assert.equal(card.thumbnail_url, undefined, 'a poster of unknown size is no thumbnail (oEmbed needs its size)');
    assert.match(card.html, /^<blockquote class="onset-embed"/);
    assert.deepEqual(executableParts(card.html), []);
    assert.deepEqual(linksOf(card.html)[0], { href: storyUrl, text: card.title });
  });

  test('the page advertises the endpoint, and the advertised URL answers', async () => {
    const page = (await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body;
    const href = /<link rel="alternate" type="application\/json\+oembed" title="[^"]*" href="([^"]+)"/.exec(page)?.[1];
    assert.ok(href, 'discovery link in the head');
    const res = await app.inject(new URL(href.replace(/&amp;/g, '&')).pathname + new URL(href.replace(/&amp;/g, '&')).search);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().title, 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless');
  });

  test('maxwidth and maxheight shrink the card and pick a thumbnail that fits', async () => {
    const url = `${SITE}/articles/${photoSlug}`;
    const full = (await app.inject(oembed(url))).json();
    assert.deepEqual([full.thumbnail_width, full.thumbnail_height], [1600, 900], 'the largest variant without limits');
    const small = (await app.inject(oembed(url, '&maxwidth=400&maxheight=200'))).json();
    assert.equal(small.width, 400);
    assert.equal(small.height, 200);
    assert.deepEqual([small.thumbnail_width, small.thumbnail_height], [320, 180]);
    assert.match(small.html, /max-width:400px/);
    const tiny = (await app.inject(oembed(url, '&maxwidth=300&maxheight=150'))).json();
    assert.deepEqual([tiny.width, tiny.height], [300, 150]);
    assert.equal(tiny.thumbnail_url, undefined, 'no variant fits, so no thumbnail rather than one too big');
    const medium = (await app.inject(oembed(url, '&maxwidth=700'))).json();
    assert.deepEqual([medium.thumbnail_width, medium.thumbnail_height], [640, 360]);
    const thumb = await app.inject(new URL(medium.thumbnail_url).pathname);
    assert.equal(thumb.statusCode, 200);
    assert.equal(thumb.headers['content-type'], 'image/jpeg');
  });

  test('a headline with script stays text: JSON title exact, card HTML has nothing to run', async () => {
    const card = (await app.inject(oembed(`${SITE}/articles/${xssSlug}`))).json();
    assert.equal(card.title, XSS);
    assert.deepEqual(executableParts(card.html), []);
    assert.equal(linksOf(card.html)[0]!.text, XSS);
    assert.ok(textOf(card.html).includes('<b>dek</b> & "quotes"'), 'the dek is text, tags and all');
  });

  test('not our story: other hosts, other pages, unknown slugs, drafts and junk are 404', async () => {
    for (const url of [
      `https://evil.example/articles/${WATCH_ARTICLE_SLUG}`,
      `http://onset.test.evil.example/articles/${WATCH_ARTICLE_SLUG}`,
      `https://onset.test/articles/${WATCH_ARTICLE_SLUG}`,
      `${SITE}/people/song-kang`,
      `${SITE}/articles/no-such-story`,
      `${SITE}/articles/${WATCH_ARTICLE_SLUG}/../../people/song-kang`,
      'javascript:alert(1)',
      'not a url',
    ]) {
      const res = await app.inject(oembed(url));
      assert.equal(res.statusCode, 404, url);
      assert.match(res.json().message, /no story/);
    }
    const draft = await saveArticle({ kind: 'news', headline: 'A draft nobody may embed yet', body: 'x', status: 'draft' }, { db: getDb().kysely, clock: fixedClock(TEST_NOW) });
    assert.equal((await app.inject(oembed(`${SITE}/articles/${draft.slug}`))).statusCode, 404);
  });

  test('format=xml is 501; a missing url or a bad maxwidth is 400, as JSON', async () => {
    const xml = await app.inject(oembed(`${SITE}/articles/${WATCH_ARTICLE_SLUG}`, '&format=xml'));
    assert.equal(xml.statusCode, 501);
    assert.match(xml.json().message, /format=json/);
    const missing = await app.inject('/oembed?format=json');
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().message, /url parameter is required/);
    const bad = await app.inject(oembed(`${SITE}/articles/${WATCH_ARTICLE_SLUG}`, '&maxwidth=wide'));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /^application\/json/);
  });
});
