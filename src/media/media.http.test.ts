import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { ADMIN_TOKEN, buildMediaApp, DEMO_WEBM, STAFF } from './media.test-support.js';

const PAGE = `/articles/${WATCH_ARTICLE_SLUG}`;

describeEachDatabase('media over HTTP', (getDb) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let videoUrl: string;
  const file = fs.readFileSync(DEMO_WEBM);
  before(async () => {
    ({ app, close } = await buildMediaApp(getDb()));
    const html = (await app.inject(PAGE)).body;
    videoUrl = /<source src="(\/media\/[0-9a-f]{32}\.webm)" type="video\/webm"/.exec(html)![1]!;
  });
  after(() => close());

  test('the Watch story plays its lead video right under "Watch the video with English subtitles below!"', async () => {
    const html = (await app.inject(PAGE)).body;
    const at = html.indexOf('Watch the video with English subtitles below!</p>');
    assert.ok(at > 0);
    const after = html.slice(at);
    assert.match(after, /^Watch the video with English subtitles below!<\/p>\s*<figure class="video video-self"><div class="video-frame"><video controls preload="none" poster="\/media\/[0-9a-f]{32}\.jpg" width="1280" height="720" playsinline>/);
    assert.match(html, /<track kind="subtitles" srclang="en" label="English" src="\/media\/[0-9a-f]{32}\.vtt" default \/?>/);
    assert.match(html, /<span class="video-meta">English subtitles<\/span>/);
    assert.equal((html.match(/<video /g) ?? []).length, 1, 'placed in the body, so not repeated above it');
  });

  test('VideoObject beside NewsArticle: name, thumbnail, upload date, ISO duration, content URL, caption language', async () => {
    const html = (await app.inject(PAGE)).body;
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    assert.ok(blocks.some((b) => b['@type'] === 'NewsArticle'));
    const video = blocks.find((b) => b['@type'] === 'VideoObject');
    assert.ok(video);
    assert.equal(video.name, 'Behind the scenes: a night on the campus set');
    assert.match(video.thumbnailUrl[0], /^http:\/\/onset\.test\/media\/[0-9a-f]{32}\.jpg$/);
    assert.equal(video.uploadDate, '2026-11-25T12:00:00.000Z');
    assert.equal(video.duration, 'PT6S');
    assert.equal(video.contentUrl, `http://onset.test${videoUrl}`);
    assert.equal(video.caption[0].inLanguage, 'en');
  });

  test('range requests: first bytes, suffix, open-ended', async () => {
    const size = file.length;
    let res = await app.inject({ url: videoUrl, headers: { range: 'bytes=0-99' } });
    assert.equal(res.statusCode, 206);
    assert.equal(res.headers['content-range'], `bytes 0-99/${size}`);
    assert.equal(res.headers['content-length'], '100');
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.equal(res.headers['content-type'], 'video/webm');
    assert.deepEqual(res.rawPayload, file.subarray(0, 100));

    res = await app.inject({ url: videoUrl, headers: { range: 'bytes=-500' } });
    assert.equal(res.statusCode, 206);
    assert.equal(res.headers['content-range'], `bytes ${size - 500}-${size - 1}/${size}`);
    assert.deepEqual(res.rawPayload, file.subarray(size - 500));

    res = await app.inject({ url: videoUrl, headers: { range: 'bytes=1000-' } });
    assert.equal(res.statusCode, 206);
    assert.equal(res.headers['content-range'], `bytes 1000-${size - 1}/${size}`);
    assert.deepEqual(res.rawPayload, file.subarray(1000));
  });

  test('range requests: several ranges and malformed ones get the whole file; past the end is 416', async () => {
    for (const range of ['bytes=0-9,20-29', 'bytes=abc', 'bytes=50-10']) {
      const res = await app.inject({ url: videoUrl, headers: { range } });
      assert.equal(res.statusCode, 200, range);
      assert.equal(res.headers['content-length'], String(file.length));
      assert.deepEqual(res.rawPayload, file, range);
    }
    const res = await app.inject({ url: videoUrl, headers: { range: `bytes=${file.length}-` } });
    assert.equal(res.statusCode, 416);
    assert.equal(res.headers['content-range'], `bytes */${file.length}`);
  });

  test('stored files: immutable caching, ETag revalidation, HEAD, and nothing outside storage', async () => {
    const res = await app.inject({ url: videoUrl });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const again = await app.inject({ url: videoUrl, headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(again.statusCode, 304);
    const head = await app.inject({ method: 'HEAD', url: videoUrl });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['content-length'], String(file.length));
    for (const url of ['/media/00000000000000000000000000000000.webm', '/media/..%2F..%2Fonset.sqlite', '/media/d798d313d4c84c60d97a134edec75091.exe']) {
      assert.equal((await app.inject(url)).statusCode, 404, url);
    }
  });

  test('uploads are staff only, and checked by content', async () => {
    const anon = await app.inject({ method: 'POST', url: '/api/v1/media/videos?title=x', headers: { 'content-type': 'video/webm' }, payload: file });
    assert.equal(anon.statusCode, 401);
    const fake = await app.inject({ method: 'POST', url: '/api/v1/media/videos?title=Fake', headers: { ...STAFF, 'content-type': 'video/mp4' }, payload: Buffer.from('this is not a video at all, only text') });
    assert.equal(fake.statusCode, 415);
    assert.match(fake.json().message, /not an MP4 or WebM video/);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/media/videos?title=Second%20clip', headers: { ...STAFF, 'content-type': 'application/octet-stream' }, payload: file });
    assert.equal(ok.statusCode, 201);
    const id = ok.json().id as number;

    const srt = Buffer.from('1\r\n00:00:01,000 --> 00:00:03,000\r\n<i>Hello</i>\r\n\r\n2\r\n00:00:02,000 --> 00:00:04,000\r\nOverlap', 'utf8');
    const sub = await app.inject({ method: 'POST', url: `/api/v1/media/videos/${id}/subtitles?lang=en`, headers: { ...STAFF, 'content-type': 'application/x-subrip' }, payload: srt });
    assert.equal(sub.statusCode, 201);
    assert.deepEqual(sub.json(), { lang: 'en', label: 'English', cues: 2, overlaps: ['line 6: starts at 00:00:02.000, before the cue on line 2 ends at 00:00:03.000'] });

    const latin1 = await app.inject({ method: 'POST', url: `/api/v1/media/videos/${id}/subtitles?lang=ko`, headers: { ...STAFF, 'content-type': 'text/plain' }, payload: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n', 'latin1') });
    assert.equal(latin1.statusCode, 422);
    assert.match(latin1.json().message, /must be UTF-8/);

    const backwards = await app.inject({ method: 'POST', url: `/api/v1/media/videos/${id}/subtitles?lang=ko`, headers: { ...STAFF, 'content-type': 'text/vtt' }, payload: 'WEBVTT\n\n00:05.000 --> 00:04.000\nx\n' });
    assert.equal(backwards.statusCode, 422);
    assert.match(backwards.json().message, /^line 3: /);
  });

  test('a YouTube lead video is a facade: our poster, a link to YouTube, a hidden play button, no player', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/v1/media/videos/embedded', headers: STAFF, payload: { provider: 'youtube', providerId: 'not a real id!', title: 'x' } });
    assert.equal(bad.statusCode, 400);
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/media/videos/embedded', headers: STAFF, payload: { provider: 'dailymotion', providerId: 'x1', title: 'x' } });
    assert.equal(unknown.statusCode, 400);
    const created = await app.inject({ method: 'POST', url: '/api/v1/media/videos/embedded', headers: STAFF, payload: { provider: 'youtube', providerId: 'AAAAAAAAAAA', title: 'Test facade', durationSeconds: 187 } });
    assert.equal(created.statusCode, 201);
    const slug = (await getDb().kysely.selectFrom('articles').select('slug').where('kind', '=', 'news').executeTakeFirstOrThrow()).slug;
    const put = await app.inject({ method: 'PUT', url: `/api/v1/media/articles/${slug}/lead-video`, headers: STAFF, payload: { videoId: created.json().id } });
    assert.equal(put.statusCode, 204);
    const html = (await app.inject(`/articles/${slug}`)).body;
    assert.match(html, /<figure class="video video-facade" data-video-facade(?:="")? data-embed-src="https:\/\/www\.youtube-nocookie\.com\/embed\/AAAAAAAAAAA\?autoplay=1&amp;rel=0" data-video-title="Test facade">/);
    assert.match(html, /<a class="video-link" href="https:\/\/www\.youtube\.com\/watch\?v=AAAAAAAAAAA" rel="noopener"><img src="\/media\/[0-9a-f]{32}\.jpg"/);
    assert.match(html, /<button type="button" class="video-play" aria-label="Play video: Test facade">/);
    assert.match(html, /3:07/);
    assert.match(html, /<figure class="video video-facade"[^>]*>(?:(?!<\/figure>).)*<\/figure>/s);
    assert.ok(!/<iframe/.test(html));
    // Every resource the page loads by itself is ours: only href links may point elsewhere.
    for (const m of html.matchAll(/\s(?:src|poster|srcset)="([^"]+)"/g)) assert.ok(m[1]!.startsWith('/'), m[1]);
  });

  test('video blocks in a body: YouTube and Vimeo facades, unknown ones a note, markup escaped', async () => {
    const { saveArticle } = await import('../articles/articles.service.js');
    const { fixedClock } = await import('../lib/clock.js');
    const body = 'Intro.\n\n```video\nprovider: vimeo\nid: 76979871\ntitle: A "quoted" <title>\nduration: 1:02:03\nsubtitles: en, ko\n```\n\n```video\nprovider: youtube\nid: javascript:alert(1)\n```\n';
    await saveArticle({ slug: 'media-block-test', kind: 'news', headline: 'Media block test', body, status: 'published' }, { db: getDb().kysely, clock: fixedClock('2026-11-25T11:00:00.000Z') });
    const html = (await app.inject('/articles/media-block-test')).body;
    assert.match(html, /data-embed-src="https:\/\/player\.vimeo\.com\/video\/76979871\?autoplay=1&amp;dnt=1" data-video-title="A &quot;quoted&quot; &lt;title&gt;"/);
    assert.match(html, /1:02:03/);
    assert.match(html, /English and Korean subtitles/);
    assert.match(html, /<p class="video-unavailable"><em>This video is not available.<\/em><\/p>/);
    assert.ok(!html.includes('javascript:alert'));
  });

  test('a published story with a lead image needs alt text', async () => {
    const { saveArticle } = await import('../articles/articles.service.js');
    const { fixedClock } = await import('../lib/clock.js');
    await assert.rejects(
      saveArticle({ slug: 'no-alt', kind: 'news', headline: 'No alt', body: 'x', status: 'published', leadImageUrl: '/media/images/1' }, { db: getDb().kysely, clock: fixedClock('2026-11-25T11:00:00.000Z') }),
      /needs alt text/,
    );
    // A draft may wait for its alt text.
    await saveArticle({ slug: 'no-alt', kind: 'news', headline: 'No alt', body: 'x', status: 'draft', leadImageUrl: '/media/images/1' }, { db: getDb().kysely, clock: fixedClock('2026-11-25T11:00:00.000Z') });
  });

  test('an uploaded lead image is a <picture>: AVIF and WebP sources, sizes, width and height, eager and high priority', async () => {
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    const up = await app.inject({ method: 'POST', url: '/api/v1/media/images', headers: { ...STAFF, 'content-type': 'image/png' }, payload: jpeg });
    assert.equal(up.statusCode, 201, up.body);
    const { id, url } = up.json();
    const { saveArticle } = await import('../articles/articles.service.js');
    const { fixedClock } = await import('../lib/clock.js');
    await saveArticle({ slug: 'with-picture', kind: 'news', headline: 'With picture', body: 'x', status: 'published', leadImageUrl: url, leadImageAlt: 'A blue square' }, { db: getDb().kysely, clock: fixedClock('2026-11-25T11:00:00.000Z') });
    const html = (await app.inject('/articles/with-picture')).body;
    assert.match(html, /<picture class="picture" style="background-color:#[0-9a-f]{6};background-image:url\(&quot;data:image\/webp;base64,/);
    assert.match(html, /<source type="image\/avif" srcset="\/media\/[0-9a-f]{32}\.avif 320w, \/media\/[0-9a-f]{32}\.avif 640w, \/media\/[0-9a-f]{32}\.avif 960w, \/media\/[0-9a-f]{32}\.avif 1000w" sizes="\(min-width: 760px\) 720px, 100vw"/);
    assert.match(html, /<source type="image\/webp" srcset=/);
    assert.match(html, /<img src="\/media\/[0-9a-f]{32}\.jpg" srcset="[^"]+" sizes="[^"]+" alt="A blue square" width="1000" height="600" loading="eager" decoding="sync" fetchpriority="high"/);
    const redirect = await app.inject(`/media/images/${id}`);
    assert.equal(redirect.statusCode, 302);
    assert.match(String(redirect.headers.location), /^\/media\/[0-9a-f]{32}\.jpg$/);
    const anon = await app.inject({ method: 'POST', url: '/api/v1/media/images', headers: { authorization: `Bearer ${ADMIN_TOKEN}x` }, payload: jpeg });
    assert.equal(anon.statusCode, 401);
  });
});
