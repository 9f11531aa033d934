import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { fixedClock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { seedDemo } from '../demo/seed.js';
import { saveArticle } from './articles.service.js';
import { listEntitiesOfArticle, listPublishedArticles } from './articles.repository.js';

describeEachDatabase('articles service', (getDb) => {
  const clock = fixedClock('2026-11-25T12:00:00Z');
  const deps = () => ({ db: getDb().kysely, clock });

  test('setup: demo knowledge base', async () => {
    await seedDemo(deps());
  });

  test('the slug comes from the headline; saving again updates the same story', async () => {
    const first = await saveArticle({ kind: 'news', headline: 'Yang Hye Ji joins a new series!', body: 'Short.', status: 'draft' }, deps());
    assert.equal(first.slug, 'yang-hye-ji-joins-a-new-series');
    assert.equal(first.created, true);
    const again = await saveArticle({ slug: first.slug, kind: 'news', headline: 'Yang Hye Ji joins a new series', body: 'Longer now.', status: 'draft' }, deps());
    assert.equal(again.id, first.id);
    assert.equal(again.created, false);
    const row = await getDb().kysely.selectFrom('articles').select(['headline', 'body']).where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { headline: 'Yang Hye Ji joins a new series', body: 'Longer now.' });
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const db = getDb().kysely;
    const before = await db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(saveArticle({ kind: 'news', headline: '   ', body: 'x', status: 'draft' }, deps()), (e: unknown) => e instanceof DomainError && e.field === 'headline');
    await assert.rejects(saveArticle({ kind: 'gossip' as 'news', headline: 'X', body: 'x', status: 'draft' }, deps()), (e: unknown) => e instanceof DomainError && e.field === 'kind');
    await assert.rejects(saveArticle({ kind: 'news', headline: 'X', body: 'x', status: 'scheduled' }, deps()), (e: unknown) => e instanceof DomainError && e.field === 'publishedAt');
    await assert.rejects(saveArticle({ kind: 'news', headline: '한소희', body: 'x', status: 'draft' }, deps()), (e: unknown) => e instanceof DomainError && e.field === 'slug');
    await assert.rejects(saveArticle({ kind: 'news', headline: 'X', body: 'x', status: 'draft', leadImageUrl: 'javascript:alert(1)' }, deps()), (e: unknown) => e instanceof DomainError && e.field === 'leadImageUrl');
    await assert.rejects(saveArticle({ kind: 'news', headline: 'X', body: 'x', status: 'draft', leadImageUrl: '//evil.example/x.png' }, deps()), (e: unknown) => e instanceof DomainError && e.field === 'leadImageUrl');
    const after = await db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('saving links the people, dramas and roles the text names', async () => {
    const saved = await saveArticle(
      {
        kind: 'news',
        headline: "Song Kang's next step",
        body: 'After *Nevertheless*, where he played Park Jae Uhn opposite 한소희, the actor\nSong Kang is reading scripts.',
        status: 'published',
      },
      deps(),
    );
    assert.deepEqual(saved.links.ambiguous, []);
    const entities = await listEntitiesOfArticle(getDb().kysely, saved.id);
    assert.deepEqual(entities.people.map((p) => p.slug).sort(), ['han-so-hee', 'song-kang']);
    assert.deepEqual(entities.dramas.map((d) => d.slug), ['nevertheless']);
    assert.deepEqual(entities.roles.map((r) => r.character_name), ['Park Jae Eon']);
  });

  test('a name shared by two people is reported, not linked', async () => {
    const db = getDb().kysely;
    const now = clock().toISOString();
    for (const slug of ['park-ji-hoon-actor', 'park-ji-hoon-singer']) {
      await db.insertInto('people').values({ slug, display_name: 'Park Ji Hoon', family_name: 'Park', given_name: 'Ji Hoon', hangul_name: null, birth_date: null, pronouns: null, photo_url: null, bio: '', created_at: now, updated_at: now }).execute();
    }
    const saved = await saveArticle({ kind: 'news', headline: 'Park Ji Hoon on stage', body: 'Park Ji Hoon sang.', status: 'draft' }, deps());
    assert.equal(saved.links.ambiguous.length, 2);
    assert.equal(saved.links.ambiguous[0]!.text, 'Park Ji Hoon');
    const entities = await listEntitiesOfArticle(db, saved.id);
    assert.deepEqual(entities.people, []);
  });

  test('drafts and future stories stay off the published list', async () => {
    await saveArticle({ kind: 'news', headline: 'Embargoed casting news', body: 'Soon.', status: 'scheduled', publishedAt: '2026-11-26T00:00:00Z' }, deps());
    const list = await listPublishedArticles(getDb().kysely, { limit: 50, offset: 0, now: clock().toISOString() });
    const slugs = list.map((a) => a.slug);
    assert.ok(!slugs.includes('embargoed-casting-news'));
    assert.ok(!slugs.includes('yang-hye-ji-joins-a-new-series'));
    const later = await listPublishedArticles(getDb().kysely, { limit: 50, offset: 0, now: '2026-11-26T00:00:01Z' });
    assert.ok(later.map((a) => a.slug).includes('embargoed-casting-news'));
  });
});
