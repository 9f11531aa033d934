import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { fixedClock } from '../lib/clock.js';
import { isEmpty, seedDemo } from './seed.js';
import { WATCH_ARTICLE_SLUG } from './demo.data.js';

describeEachDatabase('demo seed', (getDb) => {
  const clock = fixedClock('2026-11-25T12:00:00Z');

  test('fills an empty database with the Nevertheless cast and stories', async () => {
    const db = getDb().kysely;
    assert.equal(await isEmpty(db), true);
    const report = await seedDemo({ db, clock });
    assert.ok(report.created.articles >= 5);
    assert.equal(await isEmpty(db), false);
    const people = (await db.selectFrom('people').select(['display_name', 'hangul_name']).execute()).map((p) => p.display_name);
    for (const name of ['Han So Hee', 'Song Kang', 'Yang Hye Ji', 'Kim Min Gwi', 'Lee Tae Hee', 'Lee Ho Jung', 'Yoon Seo A']) assert.ok(people.includes(name), name);
    const role = await db
      .selectFrom('roles')
      .innerJoin('people', 'people.id', 'roles.person_id')
      .innerJoin('dramas', 'dramas.id', 'roles.drama_id')
      .select(['roles.id', 'roles.character_name', 'dramas.title'])
      .where('people.slug', '=', 'song-kang')
      .where('dramas.slug', '=', 'nevertheless')
      .executeTakeFirstOrThrow();
    assert.equal(role.character_name, 'Park Jae Eon');
    const aliases = await db.selectFrom('role_aliases').select('alias').where('role_id', '=', role.id).execute();
    assert.ok(aliases.some((a) => a.alias === 'Park Jae Uhn'));
    const drama = await db.selectFrom('dramas').innerJoin('networks', 'networks.id', 'dramas.network_id').select(['networks.name', 'dramas.source_type', 'dramas.year']).where('dramas.slug', '=', 'nevertheless').executeTakeFirstOrThrow();
    assert.deepEqual(drama, { name: 'JTBC', source_type: 'webtoon', year: 2021 });
  });

  test('the Watch story is the newest and is linked to the people it names', async () => {
    const db = getDb().kysely;
    const newest = await db.selectFrom('articles').select(['id', 'slug', 'kind']).where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
    assert.equal(newest.slug, WATCH_ARTICLE_SLUG);
    assert.equal(newest.kind, 'watch');
    const linked = await db.selectFrom('article_people').innerJoin('people', 'people.id', 'article_people.person_id').select('people.slug').where('article_id', '=', newest.id).execute();
    assert.deepEqual(linked.map((l) => l.slug).sort(), ['han-so-hee', 'kim-min-gwi', 'song-kang', 'yang-hye-ji']);
  });

  test('a second run changes nothing', async () => {
    const db = getDb().kysely;
    const count = async () => Number((await db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const report = await seedDemo({ db, clock });
    assert.deepEqual(Object.values(report.created), [0, 0, 0, 0, 0, 0]);
    assert.equal(await count(), before);
  });
});
