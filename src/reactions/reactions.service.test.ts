import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { createReactionsRuntime } from './reactions.runtime.js';
import { castVote, mostReactedThisWeek, reactionState, resetReactions, TOP_LIST_TTL_MS, VoteRefusedError } from './reactions.service.js';
import { writeVote, writeVoteKysely } from './reactions.repository.js';
import { articleIdOf, clearVotes, prng, storedCounts, tally, TEST_NOW } from './reactions.test-support.js';
import { DEMO_VOTES } from './reactions.seed.js';

describeEachDatabase('reactions service', (getDb) => {
  const clock = fixedClock(TEST_NOW);
  const reactions = createReactionsRuntime({ limits: { readersPerArticlePerIpPerHour: 1_000_000, votesPerIpPerMinute: 1_000_000 } });
  const deps = () => ({ db: getDb(), clock, reactions });
  let articleId: number;
  before(async () => {
    await seedDemo({ db: getDb().kysely, clock });
    articleId = await articleIdOf(getDb());
  });

  test('the demo seed gives the Watch story its votes, rows and totals alike, once', async () => {
    const expected = Object.fromEntries(Object.entries(DEMO_VOTES[(await getDb().kysely.selectFrom('articles').select('slug').where('id', '=', articleId).executeTakeFirstOrThrow()).slug]!).sort(([a], [b]) => a.localeCompare(b)));
    assert.deepEqual(await storedCounts(getDb()), { totals: expected, rows: expected });
    await seedDemo({ db: getDb().kysely, clock });
    assert.deepEqual((await storedCounts(getDb())).rows, expected, 'a second seed adds nothing');
  });

  test('vote, switch, withdraw: one row per reader, exact totals, shares add to 100', async () => {
    await clearVotes(getDb());
    const vote = (readerId: string, reaction: string | null) => castVote({ articleId, readerId, reaction, ip: '198.51.100.1' }, deps());
    let s = await vote('reader-a', 'love');
    assert.equal(s.myVote, 'love');
    assert.equal(s.total, 1);
    s = await vote('reader-b', 'love');
    s = await vote('reader-c', 'wow');
    assert.deepEqual(s.reactions.map((r) => [r.key, r.count, r.share]).filter(([, c]) => c), [['love', 2, 67], ['wow', 1, 33]]);
    s = await vote('reader-a', 'love');
    assert.equal(s.total, 3, 'voting the same reaction again changes nothing');
    s = await vote('reader-a', 'sad');
    assert.equal(s.myVote, 'sad');
    assert.deepEqual((await storedCounts(getDb())).totals, { love: 1, sad: 1, wow: 1 });
    s = await vote('reader-a', null);
    assert.equal(s.myVote, null);
    s = await vote('reader-a', null);
    assert.deepEqual(await storedCounts(getDb()), { totals: { love: 1, wow: 1 }, rows: { love: 1, wow: 1 } });
    assert.equal((await reactionState(deps(), { articleId, readerId: 'reader-c' })).myVote, 'wow');
    assert.equal((await reactionState(deps(), { articleId })).myVote, null);
  });

  test('an unknown reaction is a 400 and stores nothing', async () => {
    const before = await storedCounts(getDb());
    await assert.rejects(castVote({ articleId, readerId: 'reader-x', reaction: 'meh', ip: '198.51.100.1' }, deps()), (e: Error & { statusCode?: number }) => e.statusCode === 400 && /not one of the reactions/.test(e.message));
    assert.deepEqual(await storedCounts(getDb()), before);
  });

  test('over the per-IP cap of distinct readers, a vote is refused with a reason and nothing is stored', async () => {
    const capped = createReactionsRuntime({ limits: { readersPerArticlePerIpPerHour: 2, votesPerIpPerMinute: 100 } });
    await clearVotes(getDb());
    const vote = (readerId: string) => castVote({ articleId, readerId, reaction: 'haha', ip: '192.0.2.7' }, { ...deps(), reactions: capped });
    await vote('cap-1');
    await vote('cap-2');
    await assert.rejects(vote('cap-3'), (e) => e instanceof VoteRefusedError && e.statusCode === 429 && e.retryAfterSec > 0);
    assert.deepEqual((await storedCounts(getDb())).rows, { haha: 2 });
    clock.advance(3_600_000);
    await vote('cap-3');
    clock.set(TEST_NOW);
  });

  test('staff reset removes every vote and zeroes the totals', async () => {
    await castVote({ articleId, readerId: 'reset-1', reaction: 'angry', ip: '198.51.100.2' }, deps());
    const removed = await resetReactions({ articleId }, deps());
    assert.ok(removed >= 1);
    assert.deepEqual(await storedCounts(getDb()), { totals: {}, rows: {} });
    assert.equal(await resetReactions({ articleId }, deps()), 0);
  });

  test('many readers voting, switching and withdrawing at once: totals equal the final choices', async () => {
    await clearVotes(getDb());
    const keys = reactions.set.map((r) => r.key);
    const random = prng(4);
    const finals = new Map<string, string | null>();
    await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const readerId = `crowd-${i}`;
        const steps = 1 + Math.floor(random() * 4);
        let last: string | null = null;
        for (let k = 0; k < steps; k++) {
          const next = random() < 0.2 ? null : keys[Math.floor(random() * keys.length)]!;
          // Both paths at once: on SQLite the synchronous one must step aside while a Kysely transaction is open.
          const v = { articleId, readerId, reaction: next, at: clock().toISOString() };
          const change = i % 2 ? await writeVote(getDb(), v) : await writeVoteKysely(getDb().kysely, getDb().dialect, v);
          assert.equal(change.previous, last, `${readerId} step ${k}: the previous choice is the one it made`);
          last = next;
        }
        finals.set(readerId, last);
      }),
    );
    // Plus readers whose own requests race each other (a double click, two tabs): final choice unknown, totals still exact.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        Promise.all(Array.from({ length: 5 }, (_, k) => (k % 2 ? writeVote(getDb(), { articleId, readerId: `racer-${i}`, reaction: k === 4 ? null : keys[(i + k) % keys.length]!, at: clock().toISOString() }) : writeVoteKysely(getDb().kysely, getDb().dialect, { articleId, readerId: `racer-${i}`, reaction: keys[(i + k) % keys.length]!, at: clock().toISOString() })))),
      ),
    );
    const racers = await getDb().kysely.selectFrom('reactions').select('reaction').where('article_id', '=', articleId).where('reader_id', 'like', 'racer-%').execute();
    const stored = await storedCounts(getDb());
    assert.deepEqual(stored.totals, stored.rows, 'totals equal the rows they count');
    const truth = tally([...finals.values(), ...racers.map((r) => r.reaction)]);
    assert.deepEqual(stored.totals, truth, 'and the rows are exactly the readers’ final choices');
  });

  test('votes committed together: one that fails (a story that is gone) takes back only itself', async () => {
    await clearVotes(getDb());
    const at = clock().toISOString();
    const results = await Promise.allSettled([
      writeVote(getDb(), { articleId, readerId: 'batch-1', reaction: 'love', at }),
      writeVote(getDb(), { articleId: 987_654, readerId: 'batch-2', reaction: 'love', at }),
      writeVote(getDb(), { articleId, readerId: 'batch-3', reaction: 'haha', at }),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(await storedCounts(getDb()), { totals: { haha: 1, love: 1 }, rows: { haha: 1, love: 1 } });
    await assert.rejects(
      castVote({ articleId: 987_654, readerId: 'batch-4', reaction: 'love', ip: '198.51.100.4' }, deps()),
      (e: Error & { statusCode?: number }) => e.statusCode === 404,
      'over HTTP that is a 404, not a 500',
    );
  });

  test('a vote made while a Kysely transaction is open is not swept into it (SQLite shares one connection)', async () => {
    await clearVotes(getDb());
    const at = clock().toISOString();
    let outside: Promise<unknown> | undefined;
    await assert.rejects(
      getDb().kysely.transaction().execute(async (trx) => {
        await trx.insertInto('reactions').values({ article_id: articleId, reader_id: 'rolled-back', reaction: 'sad', voted_at: at }).execute();
        outside = writeVote(getDb(), { articleId, readerId: 'outside', reaction: 'wow', at });
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('roll back');
      }),
      /roll back/,
    );
    await outside;
    assert.deepEqual(await storedCounts(getDb()), { totals: { wow: 1 }, rows: { wow: 1 } });
  });

  test('"most loved this week" ranks this week\'s live stories by their totals, memoized a minute', async () => {
    const t = new Date(TEST_NOW).getTime();
    clock.set(new Date(t + 10 * 60_000).toISOString());
    const other = await articleIdOf(getDb(), 'nevertheless-supporting-cast-steals-scenes');
    for (const slug of Object.keys(DEMO_VOTES)) await clearVotes(getDb(), slug);
    for (let i = 0; i < 3; i++) await castVote({ articleId: other, readerId: `top-${i}`, reaction: 'love', ip: '198.51.100.3' }, deps());
    await castVote({ articleId, readerId: 'top-x', reaction: 'love', ip: '198.51.100.3' }, deps());
    const fresh = createReactionsRuntime();
    const top = await mostReactedThisWeek({ reaction: 'love' }, { ...deps(), reactions: fresh });
    assert.equal(top[0]?.slug, 'nevertheless-supporting-cast-steals-scenes');
    assert.equal(top[0]?.votes, 3);
    assert.ok(top.findIndex((x) => x.votes === 1 && x.headline.startsWith('Watch:')) > 0);
    await castVote({ articleId, readerId: 'top-y', reaction: 'love', ip: '198.51.100.3' }, deps());
    assert.deepEqual(await mostReactedThisWeek({ reaction: 'love' }, { ...deps(), reactions: fresh }), top, 'within a minute the list is the memoized one');
    clock.advance(TOP_LIST_TTL_MS);
    const later = await mostReactedThisWeek({ reaction: 'love' }, { ...deps(), reactions: fresh });
    assert.equal(later.find((x) => x.headline.startsWith('Watch:'))?.votes, 2);
    clock.advance(8 * 86_400_000);
    const nextWeek = await mostReactedThisWeek({ reaction: 'love' }, { ...deps(), reactions: fresh });
    assert.ok(!nextWeek.some((x) => x.slug === 'nevertheless-supporting-cast-steals-scenes'), 'stories older than a week drop out');
    clock.set(TEST_NOW);
  });
});
