import { after, before, test } from 'node:test';
import { entityChangedTags, purge } from '../cache/purge.js';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import { safeImageUrl } from './views/picture.js';

test('only http(s) and same-site paths make an image', () => {
  assert.equal(safeImageUrl('https://img.example/a.jpg'), 'https://img.example/a.jpg');
  assert.equal(safeImageUrl('/media/a.jpg'), '/media/a.jpg');
  for (const bad of ['javascript:alert(1)', 'data:image/png;base64,xx', '//evil.example/a.jpg', 'https://a b', '', null]) assert.equal(safeImageUrl(bad), null, String(bad));
});

describeEachDatabase('entity pages: photos, posters, country, aliases', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildSeededApp(getDb()));
  });
  after(() => app.close());

  test('without a photo or poster the placeholder stays', async () => {
    const person = (await app.inject('/people/song-kang')).body;
    assert.match(person, /<div class="avatar" aria-hidden="true">송<\/div>/);
    const drama = (await app.inject('/dramas/nevertheless')).body;
    assert.match(drama, /<div class="avatar" aria-hidden="true">알<\/div>/);
  });

  test('a photo and a poster show with size and alt text', async () => {
    const db = getDb().kysely;
    await db.updateTable('people').set({ photo_url: 'https://img.example/song-kang.jpg' }).where('slug', '=', 'song-kang').execute();
    await db.updateTable('dramas').set({ poster_url: '/media/nevertheless.jpg' }).where('slug', '=', 'nevertheless').execute();
    // Written straight to the tables, so purge as the knowledge-base editor does after a save.
    for (const [type, table, slug] of [['person', 'people', 'song-kang'], ['drama', 'dramas', 'nevertheless']] as const) {
      const { id } = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      purge(entityChangedTags(type, id));
    }
    const person = (await app.inject('/people/song-kang')).body;
    assert.match(person, /<div class="avatar has-image"><img src="https:\/\/img.example\/song-kang.jpg" alt="Song Kang" width="270" height="360"/);
    const drama = (await app.inject('/dramas/nevertheless')).body;
    assert.match(drama, /<img src="\/media\/nevertheless.jpg" alt="Poster of Nevertheless" width="270" height="360"/);
    const api = (await app.inject('/api/v1/dramas/nevertheless')).json();
    assert.equal(api.posterUrl, '/media/nevertheless.jpg');
    assert.equal((await app.inject('/api/v1/people/song-kang')).json().photoUrl, 'https://img.example/song-kang.jpg');
  });

  test('a poster URL that is not http(s) falls back to the placeholder', async () => {
    await getDb().kysely.updateTable('dramas').set({ poster_url: 'javascript:alert(1)' }).where('slug', '=', 'love-alarm').execute();
    const html = (await app.inject('/dramas/love-alarm')).body;
    assert.ok(!/javascript:/.test(html));
    assert.match(html, /<div class="avatar" aria-hidden="true">좋<\/div>/);
  });

  test('the drama page names the country and the aliases; the API has the whole model', async () => {
    const db = getDb().kysely;
    const drama = await db.selectFrom('dramas').select('id').where('slug', '=', 'sweet-home').executeTakeFirstOrThrow();
    await db.insertInto('drama_aliases').values({ drama_id: drama.id, alias: 'Sweet Home: Season 1' }).execute();
    const html = (await app.inject('/dramas/sweet-home')).body;
    assert.match(html, /<dt>Country<\/dt><dd>South Korea<\/dd>/);
    assert.match(html, /<dt>Also known as<\/dt><dd>Sweet Home: Season 1<\/dd>/);
    const api = (await app.inject('/api/v1/dramas/sweet-home')).json();
    assert.equal(api.country, 'KR');
    assert.equal(api.runtimeMinutes, 55);
    assert.deepEqual(api.genres, ['Horror', 'Thriller']);
    assert.deepEqual(api.platforms, [{ platform: 'Netflix', url: 'https://www.netflix.com/search?q=Sweet%20Home' }]);
    assert.deepEqual(api.aliases, ['Sweet Home: Season 1']);
  });
});
