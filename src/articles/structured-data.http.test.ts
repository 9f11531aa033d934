// Structured data and social cards of the reader pages: every JSON-LD block parses and carries
// what search engines require, and a hostile headline cannot break out of JSON-LD or meta tags.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Parser } from 'htmlparser2';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildMediaApp } from '../media/media.test-support.js';
import { fixedClock } from '../lib/clock.js';
import { executableParts } from '../../test/helpers/html-safety.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { purge } from '../cache/purge.js';
import { saveArticle } from './articles.service.js';

const XSS = '</script><script>alert(1)</script>';
const XSS_ALT = '"><script>alert(2)</script>';
type Ld = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a crawler reads from a page: JSON-LD blocks (parsed), meta tags and head links. */
function readHead(html: string): { ld: Ld[]; meta: Map<string, string[]>; links: Record<string, string>[] } {
  const ld: Ld[] = [];
  const meta = new Map<string, string[]>();
  const links: Record<string, string>[] = [];
  let inLd = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'script' && a.type === 'application/ld+json') {
          inLd = true;
          text = '';
        }
        if (name === 'meta' && (a.property || a.name)) {
          const key = (a.property || a.name)!;
          meta.set(key, [...(meta.get(key) ?? []), a.content ?? '']);
        }
        if (name === 'link') links.push(a);
      },
      ontext(t) {
        if (inLd) text += t;
      },
      onclosetag(name) {
        if (name === 'script' && inLd) {
          inLd = false;
          ld.push(JSON.parse(text) as Ld);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { ld, meta, links };
}
const one = (meta: Map<string, string[]>, key: string) => {
  const v = meta.get(key);
  assert.equal(v?.length, 1, `exactly one ${key}`);
  return v[0]!;
};
const ofType = (ld: Ld[], type: string) => {
  const found = ld.filter((b) => b['@type'] === type);
  assert.equal(found.length, 1, `one ${type} block`);
  return found[0]!;
};

describeEachDatabase('structured data and social cards', (getDb) => {
  let app: FastifyInstance;
  let xssSlug: string;
  let controlSlug: string;
  let close: () => Promise<void>;
  before(async () => {
    // With the demo media, so the Watch story has its lead video (src/media/).
    ({ app, close } = await buildMediaApp(getDb()));
    const clock = fixedClock(TEST_NOW);
    const story = (headline: string, alt: string) => ({
      kind: 'news' as const,
      headline,
      dek: 'A short dek.',
      body: 'Song Kang and Han So Hee were seen on the set of Nevertheless this week.',
      status: 'published' as const,
      leadImageUrl: 'https://images.example/set.jpg?a=1&b=2',
      leadImageAlt: alt,
      authorId: null,
    });
    xssSlug = (await saveArticle(story(XSS, XSS_ALT), { db: getDb().kysely, clock })).slug;
    controlSlug = (await saveArticle(story('A plain headline for comparison', 'A plain alt text'), { db: getDb().kysely, clock })).slug;
  });
  after(() => close());

  test('story page: NewsArticle with headline, dates, author, publisher logo, about/mentions; BreadcrumbList', async () => {
    const { ld } = readHead((await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body);
    for (const block of ld) assert.equal(block['@context'], 'https://schema.org');
    const article = ofType(ld, 'NewsArticle');
    assert.equal(article.headline, 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless');
    assert.equal(article.datePublished, '2026-11-25T10:00:00.000Z');
    assert.ok(article.dateModified >= article.datePublished, 'modified no earlier than published');
    assert.equal(article.url, `http://onset.test/articles/${WATCH_ARTICLE_SLUG}`);
    assert.equal(article.mainEntityOfPage['@id'], article.url);
    assert.deepEqual(article.author, [{ '@type': 'Person', name: 'Mina Seo' }]);
    assert.equal(article.publisher.name, 'Onset');
    assert.equal(article.publisher.logo['@type'], 'ImageObject');
    assert.match(article.publisher.logo.url, /^http:\/\/onset\.test\/assets\/logo\.[0-9a-f]{10}\.png$/);
    const logo = await app.inject(new URL(article.publisher.logo.url).pathname);
    assert.equal(logo.statusCode, 200);
    assert.equal(logo.headers['content-type'], 'image/png');
    assert.equal(logo.rawPayload.readUInt32BE(16), article.publisher.logo.width, 'the PNG is as wide as declared');
    assert.equal(logo.rawPayload.readUInt32BE(20), article.publisher.logo.height);
    assert.deepEqual(article.about.map((d: Ld) => [d['@type'], d.name, d.url]), [['TVSeries', 'Nevertheless', 'http://onset.test/dramas/nevertheless']]);
    const song = article.mentions.find((m: Ld) => m.name === 'Song Kang');
    assert.deepEqual(song, { '@type': 'Person', name: 'Song Kang', alternateName: '송강', url: 'http://onset.test/people/song-kang' });
    const crumbs = ofType(ld, 'BreadcrumbList');
    assert.deepEqual(
      crumbs.itemListElement.map((c: Ld) => [c.position, c.name, c.item]),
      [[1, 'Home', 'http://onset.test/'], [2, 'Watch', 'http://onset.test/?kind=watch'], [3, article.headline, article.url]],
    );
  });

  test('watch story: the VideoObject is there once, and its poster is the story image and card', async () => {
    const { ld, meta } = readHead((await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body);
    const video = ofType(ld, 'VideoObject');
    for (const field of ['name', 'description', 'thumbnailUrl', 'uploadDate']) assert.ok(video[field], `VideoObject.${field}`);
    const article = ofType(ld, 'NewsArticle');
    assert.equal(article.image[0].url, video.thumbnailUrl[0]);
    assert.equal(one(meta, 'og:image'), video.thumbnailUrl[0]);
    assert.equal(one(meta, 'twitter:card'), 'summary_large_image');
  });

  test('story page: Open Graph article tags, locale and Twitter card; oEmbed discovery', async () => {
    const { meta, links } = readHead((await app.inject(`/articles/${WATCH_ARTICLE_SLUG}`)).body);
    assert.equal(one(meta, 'og:type'), 'article');
    assert.equal(one(meta, 'og:locale'), 'en_US');
    assert.equal(one(meta, 'og:url'), `http://onset.test/articles/${WATCH_ARTICLE_SLUG}`);
    assert.equal(one(meta, 'article:published_time'), '2026-11-25T10:00:00.000Z');
    assert.equal(one(meta, 'article:author'), 'Mina Seo');
    assert.equal(one(meta, 'article:section'), 'Watch');
    assert.equal(one(meta, 'twitter:title'), one(meta, 'og:title'));
    const oembed = links.filter((l) => l.type === 'application/json+oembed');
    assert.equal(oembed.length, 1);
    assert.equal(oembed[0]!.href, `http://onset.test/oembed?url=${encodeURIComponent(`http://onset.test/articles/${WATCH_ARTICLE_SLUG}`)}&format=json`);
  });

  test('a story without a picture gets the small card with the site logo', async () => {
    const { meta } = readHead((await app.inject('/articles/nevertheless-supporting-cast-steals-scenes')).body);
    assert.equal(one(meta, 'twitter:card'), 'summary');
    assert.match(one(meta, 'og:image'), /^http:\/\/onset\.test\/assets\/logo\.[0-9a-f]{10}\.png$/);
    assert.equal(meta.get('twitter:image'), undefined);
  });

  test('a lead image URL that is not http(s) or a site path is left out of cards and JSON-LD', async () => {
    // saveArticle refuses such an address; one may still be stored from before that check, so
    // the page must leave it out on its own. Written straight to the table, then purged.
    const { id, slug } = await saveArticle(
      { kind: 'news', headline: 'A story with a bad image URL', body: 'Text.', status: 'published' },
      { db: getDb().kysely, clock: fixedClock(TEST_NOW) },
    );
    await getDb().kysely.updateTable('articles').set({ lead_image_url: 'javascript:alert(1)', lead_image_alt: 'alt' }).where('id', '=', id).execute();
    purge([`article:${id}`]);
    const html = (await app.inject(`/articles/${slug}`)).body;
    const head = html.slice(0, html.indexOf('</head>'));
    assert.ok(!head.includes('javascript:'));
    const { ld, meta } = readHead(head);
    assert.equal(ofType(ld, 'NewsArticle').image, undefined);
    assert.equal(one(meta, 'twitter:card'), 'summary');
  });

  test('person page: Person with Hangul name and spellings; BreadcrumbList', async () => {
    const { ld } = readHead((await app.inject('/people/song-kang')).body);
    const person = ofType(ld, 'Person');
    assert.equal(person['@context'], 'https://schema.org');
    assert.equal(person.name, 'Song Kang');
    assert.equal(person.url, 'http://onset.test/people/song-kang');
    assert.equal(person.alternateName[0], '송강');
    assert.equal(person.birthDate, '1994-04-23');
    const crumbs = ofType(ld, 'BreadcrumbList');
    assert.deepEqual(crumbs.itemListElement.map((c: Ld) => c.item), ['http://onset.test/', person.url]);
  });

  test('drama page: TVSeries with PerformanceRole actors (actor + characterName) and characters; BreadcrumbList', async () => {
    const { ld } = readHead((await app.inject('/dramas/nevertheless')).body);
    const series = ofType(ld, 'TVSeries');
    assert.equal(series['@context'], 'https://schema.org');
    assert.equal(series.name, 'Nevertheless');
    assert.equal(series.alternateName, '알고있지만');
    assert.equal(series.numberOfEpisodes, 10);
    const nabi = series.actor.find((r: Ld) => r.characterName === 'Yoo Na Bi');
    assert.equal(nabi['@type'], 'PerformanceRole');
    assert.deepEqual(nabi.actor, { '@type': 'Person', name: 'Han So Hee', alternateName: '한소희', url: 'http://onset.test/people/han-so-hee' });
    assert.equal(series.actor.length, series.character.length);
    assert.ok(series.character.some((c: Ld) => c['@type'] === 'Person' && c.name === 'Park Jae Eon'));
    assert.equal(series.isBasedOn['@type'], 'CreativeWork');
    const crumbs = ofType(ld, 'BreadcrumbList');
    assert.deepEqual(crumbs.itemListElement.map((c: Ld) => c.name), ['Home', 'Nevertheless']);
  });

  test(`a headline of ${XSS} stays inside its JSON-LD string and its meta tags`, async () => {
    const html = (await app.inject(`/articles/${xssSlug}`)).body;
    const control = (await app.inject(`/articles/${controlSlug}`)).body;
    const { ld, meta } = readHead(html);
    assert.equal(ofType(ld, 'NewsArticle').headline, XSS);
    assert.equal(ofType(ld, 'NewsArticle').image[0].caption, XSS_ALT);
    assert.equal(ofType(ld, 'BreadcrumbList').itemListElement[2].name, XSS);
    assert.equal(readHead(control).ld.length, ld.length, 'as many JSON-LD blocks as a plain story has');
    for (const key of ['og:title', 'twitter:title']) assert.equal(one(meta, key), XSS);
    for (const key of ['og:image:alt', 'twitter:image:alt']) assert.equal(one(meta, key), XSS_ALT);
    assert.equal(one(meta, 'og:image'), 'https://images.example/set.jpg?a=1&b=2');
    // The same executable parts (scripts, links, metas, forms) as the plain story: nothing extra.
    assert.deepEqual(executableParts(html), executableParts(control));
    assert.ok(!html.includes('<script>alert'), 'no script element opened by the headline');
  });
});
