import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { saveArticle } from '../articles/articles.service.js';
import { DomainError } from '../lib/errors.js';
import { SearchLexicon } from './lexicon.js';
import { loadLexiconSources } from './search.repository.js';
import { search, type StoryFilters } from './search.service.js';
import { rebuildSearchIndex } from './search.index.js';
import { snippetHtml } from './snippet.js';

const clock = fixedClock(TEST_NOW);

describeEachDatabase('search', (getDb) => {
  let lexicon: SearchLexicon;
  const run = (q: string, filters: StoryFilters = {}, page?: number, pageSize?: number) =>
    search({ q, page, pageSize }, filters, { db: getDb(), now: clock(), lexicon });

  before(async () => {
    await seedDemo({ db: getDb().kysely, clock });
    lexicon = new SearchLexicon(await loadLexiconSources(getDb().kysely));
  });

  const cases: [string, string, string[]][] = [
    ['kang song', 'song-kang', [WATCH_ARTICLE_SLUG, 'song-kang-from-love-alarm-to-nevertheless']],
    ['Song Kang', 'song-kang', [WATCH_ARTICLE_SLUG, 'song-kang-from-love-alarm-to-nevertheless']],
    ['송강', 'song-kang', [WATCH_ARTICLE_SLUG, 'song-kang-from-love-alarm-to-nevertheless']],
    ['송강은', 'song-kang', [WATCH_ARTICLE_SLUG]],
    ['han sohee', 'han-so-hee', ['han-so-hee-my-name-action-training', WATCH_ARTICLE_SLUG]],
    ['Han So-hee', 'han-so-hee', ['han-so-hee-my-name-action-training', WATCH_ARTICLE_SLUG]],
    ['HAN SO HEE', 'han-so-hee', ['han-so-hee-my-name-action-training']],
    ['Yan Hye Ji', 'yang-hye-ji', ['nevertheless-supporting-cast-steals-scenes']],
    ['Yi Ho Jung', 'lee-ho-jung', ['nevertheless-supporting-cast-steals-scenes']],
    ['Rhee Tae-hee', 'lee-tae-hee', ['nevertheless-supporting-cast-steals-scenes']],
    ['Tae-hee Yi', 'lee-tae-hee', ['nevertheless-supporting-cast-steals-scenes']],
    ['Gang Song', 'song-kang', [WATCH_ARTICLE_SLUG]],
  ];
  for (const [q, person, stories] of cases) {
    test(`"${q}" finds ${person} and their stories`, async () => {
      const r = await run(q);
      assert.equal(r.people[0]?.slug, person, `people: ${JSON.stringify(r.people)}`);
      const slugs = r.stories.items.map((s) => s.slug);
      for (const s of stories) assert.ok(slugs.includes(s), `${s} missing from ${slugs.join(', ')}`);
    });
  }

  test('a family name spelled another way, first or last, is a romanization variant of the person', async () => {
    for (const q of ['Yi Ho Jung', 'Ho Jung Rhee', 'lee ho jung']) {
      const r = await run(q);
      assert.equal(r.people[0]?.slug, 'lee-ho-jung', q);
      assert.equal(r.people[0]?.how, q === 'lee ho jung' ? 'exact' : 'variant', q);
    }
  });

  test('a name with a typo is found and offered as "did you mean"', async () => {
    const r = await run('Yan Hye Ji');
    assert.equal(r.people[0]?.how, 'fuzzy');
    assert.equal(r.didYouMean, 'Yang Hye Ji');
    assert.equal((await run('Yang Hye Ji')).didYouMean, null);
  });

  test('a misspelled word that finds nothing is corrected from the stories\' words', async () => {
    const r = await run('webtoan');
    assert.equal(r.stories.total, 0);
    assert.equal(r.didYouMean, 'webtoon');
    assert.ok((await run('webtoon')).stories.total >= 2);
  });

  test('a word typed half-way still finds the stories (as a prefix, when the word itself finds none)', async () => {
    const whole = (await run('webtoon')).stories.items.map((s) => s.slug);
    const half = (await run('webto')).stories.items.map((s) => s.slug);
    assert.ok(half.length >= 2, `webto found ${half.join(', ')}`);
    for (const slug of whole) assert.ok(half.includes(slug), `${slug} missing for "webto"`);
  });

  test('people, dramas and stories come back in one result, grouped', async () => {
    const r = await run('song kang nevertheless');
    assert.equal(r.people[0]?.slug, 'song-kang');
    assert.equal(r.dramas[0]?.slug, 'nevertheless');
    assert.ok(r.stories.items.length >= 2);
  });

  test('snippets mark the matched name and escape nothing into HTML themselves', async () => {
    const r = await run('song kang');
    const hit = r.stories.items.find((s) => s.slug === 'song-kang-from-love-alarm-to-nevertheless')!;
    assert.ok(hit.headlineParts.some((p) => p.mark && p.text === 'Song Kang'), JSON.stringify(hit.headlineParts));
    assert.ok(hit.snippet.some((p) => p.mark));
    assert.equal(snippetHtml([{ text: '<b>x</b>', mark: true }, { text: ' & "y"', mark: false }]), '<mark>&lt;b&gt;x&lt;/b&gt;</mark> &amp; &quot;y&quot;');
  });

  test('filters: kind, person, drama and date range', async () => {
    const features = await run('song kang', { kind: 'feature' });
    assert.ok(features.stories.items.length >= 1);
    assert.ok(features.stories.items.every((s) => s.kind === 'feature'));
    const byPerson = await run('nevertheless', { person: 'yang-hye-ji' });
    assert.deepEqual(new Set(byPerson.stories.items.map((s) => s.slug)).has('han-so-hee-my-name-action-training'), false);
    assert.ok(byPerson.stories.items.some((s) => s.slug === 'nevertheless-supporting-cast-steals-scenes'));
    const byDrama = await run('han so hee', { drama: 'my-name' });
    assert.deepEqual(byDrama.stories.items.map((s) => s.slug), ['han-so-hee-my-name-action-training']);
    // The seed publishes the watch story 2 hours and the profile 54 hours before TEST_NOW (Nov 25).
    const lastDay = await run('song kang', { from: '2026-11-25', to: '2026-11-25' });
    assert.deepEqual(lastDay.stories.items.map((s) => s.slug), [WATCH_ARTICLE_SLUG]);
    await assert.rejects(run('song kang', { from: '25/11/2026' }), (e: unknown) => e instanceof DomainError && e.statusCode === 400);
    await assert.rejects(run('song kang', { from: '2026-11-26', to: '2026-11-01' }), DomainError);
  });

  test('paging walks the stories without repeats', async () => {
    const all = await run('nevertheless', {}, 1, 50);
    assert.ok(all.stories.total >= 4);
    const seen: string[] = [];
    for (let page = 1; page <= all.stories.total; page++) {
      const r = await run('nevertheless', {}, page, 1);
      assert.equal(r.stories.items.length, 1);
      assert.equal(r.stories.hasNext, page < all.stories.total);
      if (page > 1) assert.deepEqual(r.people, []);
      seen.push(r.stories.items[0]!.slug);
    }
    assert.deepEqual(seen, all.stories.items.map((s) => s.slug));
  });

  test('ranking: the exact name beats a near name in a newer story, and newer beats older', async () => {
    const db = getDb().kysely;
    const now = clock().toISOString();
    await db.insertInto('people').values({ slug: 'yang-hye-jin', display_name: 'Yang Hye Jin', family_name: 'Yang', given_name: 'Hye Jin', hangul_name: null, birth_date: null, pronouns: null, photo_url: null, bio: '', created_at: now, updated_at: now }).execute();
    lexicon = new SearchLexicon(await loadLexiconSources(db));
    await saveArticle({ slug: 'yang-hye-jin-joins-a-new-series', kind: 'news', headline: 'Yang Hye Jin joins a new series', body: 'Yang Hye Jin has signed on for a new series.', status: 'published', publishedAt: new Date(clock().getTime() - 3_600_000).toISOString() }, { db, clock });
    const r = await run('Yang Hye Ji');
    const slugs = r.stories.items.map((s) => s.slug);
    assert.ok(slugs.indexOf('nevertheless-supporting-cast-steals-scenes') >= 0);
    assert.ok(slugs.indexOf('nevertheless-supporting-cast-steals-scenes') < slugs.indexOf('yang-hye-jin-joins-a-new-series') || !slugs.includes('yang-hye-jin-joins-a-new-series'), slugs.join(', '));
    assert.equal(r.people[0]?.slug, 'yang-hye-ji');

    // Two stories about Song Kang that match the words alike: the newer one first.
    for (const [slug, hoursAgo] of [['song-kang-old-note', 24 * 60], ['song-kang-new-note', 5]] as const) {
      await saveArticle({ slug, kind: 'news', headline: 'Song Kang note on marigold pottery', body: 'Song Kang tried marigold pottery.', status: 'published', publishedAt: new Date(clock().getTime() - hoursAgo * 3_600_000).toISOString() }, { db, clock });
    }
    const notes = (await run('song kang marigold pottery')).stories.items.map((s) => s.slug);
    assert.deepEqual(notes.slice(0, 2), ['song-kang-new-note', 'song-kang-old-note']);
  });

  test('saving a story updates its index; drafts are never found', async () => {
    const db = getDb().kysely;
    await saveArticle({ slug: 'index-sync-check', kind: 'news', headline: 'Zephyrine lanterns at the wrap party', body: 'Text.', status: 'published', publishedAt: new Date(clock().getTime() - 3_600_000).toISOString() }, { db, clock });
    assert.equal((await run('zephyrine')).stories.items[0]?.slug, 'index-sync-check');
    await saveArticle({ slug: 'index-sync-check', kind: 'news', headline: 'Quillon lanterns at the wrap party', body: 'Text.', status: 'published', publishedAt: new Date(clock().getTime() - 3_600_000).toISOString() }, { db, clock });
    assert.equal((await run('zephyrine')).stories.total, 0);
    assert.equal((await run('quillon')).stories.items[0]?.slug, 'index-sync-check');
    await saveArticle({ slug: 'draft-never-found', kind: 'news', headline: 'Marrowick draft', body: 'Text.', status: 'draft' }, { db, clock });
    assert.equal((await run('marrowick')).stories.total, 0);
    assert.ok((await rebuildSearchIndex({ db, now: clock().toISOString() })) >= 8);
    assert.equal((await run('quillon')).stories.items[0]?.slug, 'index-sync-check');
  });

  test('an empty or punctuation-only query returns nothing, without error', async () => {
    for (const q of ['', '   ', '"*()-:^', 'AND OR NOT']) {
      const r = await run(q);
      assert.ok(r.stories.total >= 0);
    }
    assert.equal((await run('"*()')).stories.total, 0);
  });
});
