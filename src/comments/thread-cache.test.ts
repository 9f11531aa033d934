// The comment thread kept between renders (src/comments/thread-cache.ts) must never show a reader
// an old thread, nor one reader's pending comment to another.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { buildCommentsApp, STAFF_HEADERS } from './comments.testing.js';
import { purge } from '../cache/purge.js';
import { MAX_GENERATIONS, threadGeneration, trackedGenerations } from './thread-cache.js';

const PAGE = `/articles/${WATCH_ARTICLE_SLUG}`;
// A personal cookie: the page cache steps aside, so every load is a render.
const READER = { onset_reader: 'thread-cache-test' };

describeEachDatabase('comment thread kept between renders', (getDb) => {
  let app: FastifyInstance;
  let clock: Awaited<ReturnType<typeof buildCommentsApp>>['clock'];
  before(async () => {
    ({ app, clock } = await buildCommentsApp(getDb()));
  });
  after(() => app.close());

  const render = async (cookies: Record<string, string> = READER) => (await app.inject({ url: PAGE, cookies })).body;
  const staffPost = (body: string) =>
    app.inject({ method: 'POST', url: `/api/v1${PAGE}/comments`, headers: STAFF_HEADERS, payload: { body, authorName: 'Desk', authorEmail: 'desk@onset.test', formToken: 'x' } });
  const staffAction = (ids: number[], action: string, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: STAFF_HEADERS, payload: { ids, action, ...extra } });

  test('a new, edited, trashed or restored comment shows on the next render', async () => {
    await render();
    const posted = await staffPost('Kept thread: first words.');
    assert.equal(posted.statusCode, 201, posted.body);
    const id = posted.json().id as number;
    assert.match(await render(), /Kept thread: first words\./);
    assert.equal((await staffAction([id], 'edit', { body: 'Kept thread: edited words.' })).statusCode, 200);
    const edited = await render();
    assert.match(edited, /Kept thread: edited words\./);
    assert.doesNotMatch(edited, /first words/);
    assert.equal((await staffAction([id], 'trash')).statusCode, 200);
    assert.doesNotMatch(await render(), /Kept thread: edited words\./);
    assert.equal((await staffAction([id], 'restore')).statusCode, 200);
    assert.match(await render(), /Kept thread: edited words\./);
  });

  test('a change written straight to storage (no purge reaches this process) shows too', async () => {
    const posted = await staffPost('Written elsewhere: before.');
    const id = posted.json().id as number;
    assert.match(await render(), /Written elsewhere: before\./);
    // As the CLI would, run against the same database by another process without a purge bus.
    await getDb().kysely.updateTable('comments').set({ body: 'Written elsewhere: after.', updated_at: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', id).execute();
    const after = await render();
    assert.match(after, /Written elsewhere: after\./);
    assert.doesNotMatch(after, /Written elsewhere: before\./);
  });

  test("a reader's pending comment is shown to them only, whoever rendered the thread first", async () => {
    await render();
    const token = /name="ts" value="([^"]+)"/.exec(await render())![1]!.replace(/&amp;/g, '&');
    // The form token must be old enough for the too-fast rule.
    clock.advance(10_000);
    const res = await app.inject({
      method: 'POST',
      url: `${PAGE}/comments`,
      remoteAddress: '10.77.0.1',
      payload: new URLSearchParams({ ts: token, comment: 'Pending for me only.', author: 'Nari', email: 'nari.thread@example.com', url: '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 303, res.body);
    const own = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'onset_own_comments')!;
    const id = /#comment-(\d+)$/.exec(res.headers.location as string)![1];
    const stranger = await render();
    assert.doesNotMatch(stranger, new RegExp(`id="comment-${id}"`));
    const mine = await render({ ...READER, onset_own_comments: own.value });
    assert.match(mine, new RegExp(`id="comment-${id}"`));
    assert.match(mine, /Your comment is awaiting moderation\./);
    // And the thread rendered for its author is not kept for anyone else.
    const strangerAgain = await render();
    assert.doesNotMatch(strangerAgain, new RegExp(`id="comment-${id}"`));
    assert.doesNotMatch(strangerAgain, /awaiting moderation/);
  });
});

test("purges of ever more stories keep a bounded record, and no story's generation ever goes back", () => {
  purge(['article:1']);
  const seen = threadGeneration(1);
  const never = threadGeneration(2_000_000_000);
  // Far more distinct stories than the record keeps (ids well away from the tests' own stories).
  for (let i = 0; i < MAX_GENERATIONS * 2 + 10; i++) purge([`article:${1_000_000 + i}`]);
  assert.ok(trackedGenerations() <= MAX_GENERATIONS, `${trackedGenerations()} stories tracked`);
  assert.ok(threadGeneration(1) > seen, 'a story whose record was dropped has moved on, so its old thread is not reused');
  assert.ok(threadGeneration(2_000_000_000) > never, 'a story never purged has moved on too');
  const now = threadGeneration(1_000_000 + MAX_GENERATIONS * 2 + 9);
  purge([`article:${1_000_000 + MAX_GENERATIONS * 2 + 9}`]);
  assert.ok(threadGeneration(1_000_000 + MAX_GENERATIONS * 2 + 9) > now, 'a purge still moves a story on');
});
