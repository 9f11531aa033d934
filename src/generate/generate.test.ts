import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { fixedClock } from '../lib/clock.js';
import { generate } from './generate.service.js';

describeEachDatabase('synthetic data generator', (getDb) => {
  test('adds the asked numbers of stories, comments and votes, linked and consistent', async () => {
    const db = getDb().kysely;
    const report = await generate({ stories: 300, comments: 1200, votes: 2000, seed: 7, batchSize: 97 }, { db, clock: fixedClock('2026-11-25T12:00:00Z') });
    assert.deepEqual({ s: report.stories, c: report.comments, v: report.votes }, { s: 300, c: 1200, v: 2000 });
    const count = async (table: 'articles' | 'comments' | 'reactions' | 'article_people' | 'search_documents') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await count('articles'), 300);
    assert.equal(await count('comments'), 1200);
    assert.equal(await count('reactions'), 2000);
    assert.equal(await count('article_people'), 300, 'every story names a person');
    assert.equal(await count('search_documents'), 300, 'every story is searchable');
    // Totals are exact: the sum of the totals table equals the rows it counts, per story.
    const drift = await sql<{ n: number }>`
      select count(*) as n from (
        select r.article_id, r.reaction, count(*) as c from reactions r group by r.article_id, r.reaction
      ) x left join reaction_totals t on t.article_id = x.article_id and t.reaction = x.reaction
      where t.votes is null or t.votes <> x.c`.execute(db);
    assert.equal(Number(drift.rows[0]!.n), 0);
    // Replies stay in their story and within the depth cap.
    const badReplies = await sql<{ n: number }>`
      select count(*) as n from comments c join comments p on p.id = c.parent_id
      where p.article_id <> c.article_id or c.depth <> p.depth + 1 or c.depth > 5`.execute(db);
    assert.equal(Number(badReplies.rows[0]!.n), 0);
    assert.ok(Number((await db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).where('parent_id', 'is not', null).executeTakeFirstOrThrow()).n) > 50, 'threads have replies');
    // Comments crowd on a few stories, as on a real site.
    const top = await db.selectFrom('comments').select(['article_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('article_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.ok(Number(top.n) > 1200 / 300 * 5, `the busiest story has far more than the average (${top.n})`);
    const future = await db.selectFrom('articles').select('id').where('published_at', '>', '2026-11-25T12:00:00Z').executeTakeFirst();
    assert.equal(future, undefined, 'no story is published in the future');
    if (getDb().dialect === 'postgres') {
      // Vacuumed, as a live database is: the visibility map is set, so index-only scans skip the table.
      const vacuumed = await sql<{ relname: string; relallvisible: number; relpages: number }>`
        select relname, relallvisible, relpages from pg_class where oid = to_regclass('comments')`.execute(db);
      const c = vacuumed.rows[0]!;
      assert.ok(c.relpages > 0 && c.relallvisible === c.relpages, `every page of comments is all-visible (${c.relallvisible} of ${c.relpages})`);
    }
  });
});
