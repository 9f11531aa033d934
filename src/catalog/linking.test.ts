import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { saveArticle, type ArticleInput } from '../articles/articles.service.js';
import { listEntitiesOfArticle } from '../articles/articles.repository.js';
import { markdownToLinkText } from '../articles/markdown.js';

const TOKEN = 'staff-token-for-tests-0123456789';
const staff = { authorization: `Bearer ${TOKEN}` };

test('plain text for the linker: markup gone, paragraphs apart, line breaks kept', () => {
  assert.equal(markdownToLinkText('**Song** Kang and Song *Kang*\nwrapped\n\n## Next [Han So Hee](/x)'), 'Song Kang and Song Kang\nwrapped\n\nNext Han So Hee');
});

describeEachDatabase('entity linking at save time', (getDb) => {
  let app: FastifyInstance;
  const clock = fixedClock(TEST_NOW);
  const db = () => getDb().kysely;
  const save = (input: Partial<ArticleInput> & { body: string }) =>
    saveArticle({ kind: 'news', headline: 'Linking test', status: 'published', ...input }, { db: db(), clock });
  const peopleOf = async (id: number) => (await listEntitiesOfArticle(db(), id)).people.map((p) => p.slug).sort();
  const reports = async (id: number) => db().selectFrom('mention_reports').select(['surface', 'candidates', 'settled_ref', 'created_at']).where('article_id', '=', id).execute();

  before(async () => {
    await seedDemo({ db: db(), clock });
    const now = clock().toISOString();
    // Two people with one name, told apart by their bios.
    for (const [slug, bio] of [['park-ji-hoon-actor', 'Actor, born 1999.'], ['park-ji-hoon-singer', 'Singer of a boy band.']] as const) {
      await db().insertInto('people').values({ slug, display_name: 'Park Ji Hoon', family_name: 'Park', given_name: 'Ji Hoon', hangul_name: null, birth_date: null, pronouns: null, photo_url: null, bio, created_at: now, updated_at: now }).execute();
    }
    app = await buildApp({ db: getDb(), publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', adminToken: TOKEN });
  });
  after(() => app.close());

  test('names split by Markdown markup are linked', async () => {
    const bold = await save({ slug: 'split-bold', body: 'On set, **Song** Kang laughed.' });
    assert.deepEqual(await peopleOf(bold.id), ['song-kang']);
    const italic = await save({ slug: 'split-italic', body: 'On set, Song *Kang* laughed, and [Han](/x) So Hee too.' });
    assert.deepEqual(await peopleOf(italic.id), ['han-so-hee', 'song-kang']);
  });

  test('curly possessives and common words', async () => {
    const saved = await save({ slug: 'curly', body: 'Song Kang’s co-star waited. The song was long; nevertheless, kang was not a name here.' });
    assert.deepEqual(await peopleOf(saved.id), ['song-kang']);
    assert.deepEqual((await listEntitiesOfArticle(db(), saved.id)).dramas, [], 'lowercase "nevertheless" is the word');
  });

  test('an ambiguous name is stored as one open report, replaced on each save', async () => {
    const first = await save({ slug: 'namesakes', headline: 'Park Ji Hoon on stage', body: 'Park Ji Hoon sang. Later **Park Ji** Hoon danced.' });
    assert.deepEqual(await peopleOf(first.id), []);
    let rows = await reports(first.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.surface, 'Park Ji Hoon');
    assert.equal(JSON.parse(rows[0]!.candidates).length, 2);
    assert.equal(rows[0]!.settled_ref, null);
    const createdAt = rows[0]!.created_at;

    clock.advance(60_000);
    await save({ slug: 'namesakes', headline: 'A quiet stage', body: 'Nobody we know.' });
    assert.deepEqual(await reports(first.id), [], 'gone when the name is gone');
    await save({ slug: 'namesakes', headline: 'Park Ji Hoon on stage', body: 'Park Ji Hoon sang.' });
    rows = await reports(first.id);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.created_at, createdAt, 'a new report once it was gone');
    const again = rows[0]!.created_at;
    clock.advance(60_000);
    await save({ slug: 'namesakes', headline: 'Park Ji Hoon on stage', body: 'Park Ji Hoon sang twice.' });
    assert.equal((await reports(first.id))[0]!.created_at, again, 'an open report keeps its date across saves');
  });

  test('staff list the open names with who they could be; 401 for others', async () => {
    const path = '/api/v1/articles/namesakes/mentions';
    assert.equal((await app.inject(path)).statusCode, 401);
    assert.equal((await app.inject({ method: 'PUT', url: path, payload: {} })).statusCode, 401);
    const res = await app.inject({ url: path, headers: staff });
    assert.equal(res.statusCode, 200);
    const [item] = res.json().items;
    assert.equal(item.surface, 'Park Ji Hoon');
    assert.deepEqual(item.candidates.map((c: { path: string }) => c.path).sort(), ['/people/park-ji-hoon-actor', '/people/park-ji-hoon-singer']);
    assert.ok(item.candidates.some((c: { note: string }) => /Singer/.test(c.note)), 'a note tells namesakes apart');
    assert.equal((await app.inject({ url: '/api/v1/articles/nope/mentions', headers: staff })).statusCode, 404);
  });

  test('settling links the chosen person, closes the report, and survives the next save', async () => {
    const path = '/api/v1/articles/namesakes/mentions';
    const singer = await db().selectFrom('people').select('id').where('slug', '=', 'park-ji-hoon-singer').executeTakeFirstOrThrow();
    const bad: [object, number, RegExp][] = [
      [{ surface: 'Park Ji Hoon', ref: 'person:999999' }, 400, /not one of the entities/],
      [{ surface: 'Park Ji Hoon', ref: 'singer' }, 400, /ref/],
      [{ surface: 'Kim Nobody', ref: `person:${singer.id}` }, 404, /Kim Nobody/],
      [{ ref: `person:${singer.id}` }, 400, /surface/],
    ];
    for (const [payload, code, message] of bad) {
      const res = await app.inject({ method: 'PUT', url: path, headers: staff, payload });
      assert.equal(res.statusCode, code, res.body);
      assert.match(res.json().message, message);
    }
    const id = (await db().selectFrom('articles').select('id').where('slug', '=', 'namesakes').executeTakeFirstOrThrow()).id;
    assert.deepEqual(await peopleOf(id), [], 'nothing changed by bad requests');

    const res = await app.inject({ method: 'PUT', url: path, headers: staff, payload: { surface: 'Park  Ji Hoon', ref: `person:${singer.id}` } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().items, []);
    assert.deepEqual(await peopleOf(id), ['park-ji-hoon-singer']);

    await save({ slug: 'namesakes', headline: 'Park Ji Hoon on stage', body: 'Park Ji Hoon sang, and Song Kang watched.' });
    assert.deepEqual(await peopleOf(id), ['park-ji-hoon-singer', 'song-kang']);
    assert.deepEqual((await app.inject({ url: path, headers: staff })).json().items, []);
    const [row] = await reports(id);
    assert.equal(row!.settled_ref, `person:${singer.id}`);
  });

  test('the OpenAPI document describes the mentions routes', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const ops = doc.paths['/api/v1/articles/{slug}/mentions'];
    assert.ok(ops?.get && ops.put);
  });
});
