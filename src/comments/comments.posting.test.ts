// Posting a comment the fast way keeps every rule: settings saved by staff apply to the very next
// post (they are cached), and on SQLite, where the posts of one moment share a transaction, a post
// that fails takes only itself back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase, openTestDb } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import type { Db } from '../db/connection.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { buildCommentsApp, postViaApi, saveSettingsViaApi } from './comments.testing.js';
import { postComment, type CommentInput } from './comments.service.js';
import { avatarKey, duplicateKey } from './identicon.js';

const API = `/api/v1/articles/${WATCH_ARTICLE_SLUG}/comments`;

describeEachDatabase('posting comments: settings take effect at once', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let n = 0;
  before(async () => {
    ({ app, clock } = await buildCommentsApp(getDb()));
  });
  after(() => app.close());

  async function post(body: string) {
    n++;
    return postViaApi(app, clock, API, `10.77.0.${n}`, { body, authorName: `Reader ${n}`, authorEmail: `posting${n}@readers.example` });
  }
  const setSettings = (payload: object) => saveSettingsViaApi(app, payload);

  test('a setting saved by staff applies to the very next post, and changing it back does too', async () => {
    assert.equal((await post('A first comment, held as first comments are.')).statusCode, 202);
    assert.equal((await setSettings({ holdFirstComment: false })).statusCode, 200);
    try {
      const published = await post('A first comment, published now that first comments are not held.');
      assert.equal(published.statusCode, 201, published.body);
      assert.equal(published.json().status, 'approved');
      assert.equal((await setSettings({ moderationWords: ['cliffhanger'] })).statusCode, 200);
      const held = await post('That cliffhanger though.');
      assert.equal(held.statusCode, 202);
      assert.match(held.json().message, /word our moderators look at first/);
    } finally {
      await setSettings({ holdFirstComment: true, moderationWords: [] });
    }
    assert.equal((await post('Another first comment, held again.')).statusCode, 202);
  });

  test('the answer shows the comment as stored, and its place in the thread', async () => {
    assert.equal((await setSettings({ holdFirstComment: false })).statusCode, 200);
    try {
      const res = await post('Shown as **stored**, with its anchor.');
      assert.equal(res.statusCode, 201);
      const out = res.json() as { id: number; anchor: string; comment: { id: number; body: string; status: string; createdAt: string; depth: number; parentId: number | null }; html: string };
      const row = await getDb().kysely.selectFrom('comments').selectAll().where('id', '=', out.id).executeTakeFirstOrThrow();
      assert.deepEqual(
        { id: out.comment.id, body: out.comment.body, status: out.comment.status, createdAt: out.comment.createdAt, depth: out.comment.depth, parentId: out.comment.parentId },
        { id: row.id, body: row.body, status: row.status, createdAt: row.created_at, depth: row.depth, parentId: row.parent_id },
      );
      assert.match(out.html, /<strong>stored<\/strong>/);
      assert.match(out.anchor, new RegExp(`^/articles/${WATCH_ARTICLE_SLUG}(\\?cpage=\\d+)?#comment-${out.id}$`));
      // A reply lands on its parent's page, under the parent's anchor path.
      const { formToken } = (await app.inject(API)).json() as { formToken: string };
      clock.advance(10_000);
      const reply = await app.inject({
        method: 'POST',
        url: API,
        remoteAddress: '10.77.1.1',
        payload: { body: 'A reply to it.', authorName: 'Replier', authorEmail: 'replier@readers.example', parentId: out.id, formToken },
      });
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().anchor, out.anchor.replace(`#comment-${out.id}`, `#comment-${reply.json().id}`));
      assert.equal(reply.json().comment.depth, 2);
    } finally {
      await setSettings({ holdFirstComment: true });
    }
  });
});

test('SQLite: in one shared transaction, a post refused by the unique key or failing half-way leaves nothing, the others are stored', async () => {
  const db: Db = await openTestDb('sqlite');
  try {
    const clock = fixedClock(TEST_NOW);
    await seedDemo({ db: db.kysely, clock });
    clock.advance(60_000);
    const secret = 'posting-test-secret';
    const input = (i: number, body: string): CommentInput => ({
      articleSlug: WATCH_ARTICLE_SLUG,
      parentId: null,
      body,
      authorName: `Batch ${i}`,
      authorEmail: `batch${i}@readers.example`,
      authorUrl: '',
      honeypot: '',
      renderedAt: new Date(clock().getTime() - 30_000),
      ip: `10.88.0.${i}`,
      userAgent: null,
      isStaff: false,
    });
    const article = await db.kysely.selectFrom('articles').select('id').where('slug', '=', WATCH_ARTICLE_SLUG).executeTakeFirstOrThrow();
    // A stored row (trashed, so the duplicate check looks past it) that already holds the unique
    // key post 2 will compute: only the unique index can refuse post 2.
    const clash = { email: 'batch2@readers.example', body: 'Refused by the unique key.' };
    await db.kysely
      .insertInto('comments')
      .values({ article_id: article.id, parent_id: null, depth: 1, author_name: 'Old', author_email: clash.email, author_url: null, author_ip: null, user_agent: null, avatar_key: avatarKey(clash.email, secret), duplicate_key: duplicateKey(clash.email, clash.body, secret), body: clash.body, status: 'trash', status_reason: null, created_at: TEST_NOW, updated_at: TEST_NOW })
      .execute();
    // Post 4's log row cannot be written.
    db.sqlite!.exec("create temp trigger refuse_log before insert on comment_moderation_log when (select body from comments where id = new.comment_id) = 'My log row fails.' begin select raise(abort, 'log refused'); end");

    const deps = { db: db.kysely, clock, avatarSecret: secret, sqlite: db.sqlite };
    const results = await Promise.allSettled([
      postComment(input(1, 'Stored before the failures.'), deps),
      postComment(input(2, clash.body), deps),
      postComment(input(3, 'Stored between the failures.'), deps),
      postComment(input(4, 'My log row fails.'), deps),
      postComment(input(5, 'Stored after the failures.'), deps),
    ]);
    const [r1, r2, r3, r4, r5] = results;
    for (const r of [r1, r3, r5]) assert.ok(r!.status === 'fulfilled' && r!.value.ok, JSON.stringify(r));
    assert.ok(r2!.status === 'fulfilled' && !r2!.value.ok && r2!.value.httpStatus === 409, JSON.stringify(r2));
    assert.ok(r4!.status === 'rejected', 'the post whose log row failed is not acknowledged');

    const rows = await db.kysely.selectFrom('comments').select(['id', 'body', 'status']).where('author_email', 'like', 'batch%').orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.body, r.status]),
      [
        [clash.body, 'trash'],
        ['Stored before the failures.', 'pending'],
        ['Stored between the failures.', 'pending'],
        ['Stored after the failures.', 'pending'],
      ],
    );
    const logs = await db.kysely.selectFrom('comment_moderation_log').select('comment_id').where('action', '=', 'posted').where('comment_id', 'in', rows.map((r) => r.id)).execute();
    assert.equal(logs.length, 3, 'one "posted" row for each stored post');
  } finally {
    await db.close();
  }
});
