import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';

describeEachDatabase('entity pages and API', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildSeededApp(getDb()));
  });
  after(() => app.close());

  test('person page: names with Hangul, works with roles, latest stories', async () => {
    const res = await app.inject('/people/song-kang');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Song Kang<\/h1>/);
    assert.match(res.body, /<p class="native" lang="ko">송강<\/p>/);
    assert.match(res.body, /href="\/dramas\/when-the-devil-calls-your-name"/);
    assert.match(res.body, /as Park Jae Eon/);
    assert.match(res.body, /as Luka/);
    assert.match(res.body, /Watch: Song Kang makes sure Han So Hee is okay/);
  });

  test('drama page: network, year, source work, cast with roles, schedule, stories', async () => {
    const res = await app.inject('/dramas/nevertheless');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1>Nevertheless<\/h1>/);
    assert.match(html, /알고있지만/);
    assert.match(html, /<dd>JTBC<\/dd>/);
    assert.match(html, /<dd>2021<\/dd>/);
    assert.match(html, /the webtoon <em>Nevertheless<\/em> by Jung Seo/);
    assert.match(html, /Aired every Saturday at 11 p.m. KST/);
    assert.match(html, /<a href="\/people\/han-so-hee">Han So Hee<\/a>/);
    assert.match(html, /as Park Jae Eon \(also Park Jae Uhn, Park Jae-eon\)/);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
    const series = ld.find((d) => d['@type'] === 'TVSeries');
    assert.ok(series.actor.some((r: { characterName: string }) => r.characterName === 'Yoo Na Bi'));
  });

  test('unknown entities are 404s', async () => {
    assert.equal((await app.inject('/people/nobody')).statusCode, 404);
    assert.equal((await app.inject('/dramas/nothing')).statusCode, 404);
    assert.equal((await app.inject('/api/v1/people/nobody')).json().statusCode, 404);
  });

  test('API: people and dramas with cast', async () => {
    const people = (await app.inject('/api/v1/people')).json();
    assert.ok(people.items.some((p: { slug: string; hangulName: string }) => p.slug === 'han-so-hee' && p.hangulName === '한소희'));
    const person = (await app.inject('/api/v1/people/song-kang')).json();
    assert.ok(person.roles.some((r: { drama: string; character: string }) => r.drama === 'nevertheless' && r.character === 'Park Jae Eon'));
    const drama = (await app.inject('/api/v1/dramas/nevertheless')).json();
    assert.equal(drama.network, 'JTBC');
    assert.deepEqual(drama.source, { title: 'Nevertheless', type: 'webtoon', creator: 'Jung Seo' });
    assert.equal(drama.cast[0].name, 'Han So Hee');
    assert.equal(drama.cast[0].character, 'Yoo Na Bi');
  });
});
