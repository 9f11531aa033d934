// 500 comments posted at once are all stored exactly once; same-instant bursts cannot slip past
// the duplicate check or the rate limits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { DEFAULT_COMMENT_SETTINGS } from './settings.js';

const COUNT = 500;

describeEachDatabase('comments under concurrency', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  before(async () => {
    clock = fixedClock(TEST_NOW);
    await seedDemo({ db: getDb().kysely, clock });
    app = await buildApp({ db: getDb(), publicUrl: 'http://onset.test', clock, cookieSecret: 'concurrency-secret-concurrency-00000' });
  });
  after(() => app.close());

  test(`${COUNT} comments posted at once are stored exactly once each`, async () => {
    const url = `/api/v1/articles/${WATCH_ARTICLE_SLUG}/comments`;
    const { formToken } = (await app.inject(url)).json() as { formToken: string };
    clock.advance(60_000);
    const responses = await Promise.all(
      Array.from({ length: COUNT }, (_, i) =>
        app.inject({ method: 'POST', url, remoteAddress: `10.${(i >> 8) & 255}.${i & 255}.1`, payload: { body: `Concurrent comment number ${i}`, authorName: `Reader ${i}`, authorEmail: `reader${i}@load.example`, formToken } }),
      ),
    );
    assert.deepEqual([...new Set(responses.map((r) => r.statusCode))], [202], 'all held as first comments');
    const ids = responses.map((r) => r.json().id as number);
    assert.equal(new Set(ids).size, COUNT, 'distinct ids');
    const rows = await getDb().kysely.selectFrom('comments').select(['id', 'body']).where('body', 'like', 'Concurrent comment number %').execute();
    assert.equal(rows.length, COUNT);
    assert.equal(new Set(rows.map((r) => r.body)).size, COUNT, 'each body once');
    const logs = await getDb().kysely.selectFrom('comment_moderation_log').select((eb) => eb.fn.countAll<number>().as('n')).where('comment_id', 'in', ids).executeTakeFirstOrThrow();
    assert.equal(Number(logs.n), COUNT, 'one log row per comment');
  });

  test('the same comment fired 20 times at once is stored exactly once; the others get the duplicate message', async () => {
    const url = `/api/v1/articles/${WATCH_ARTICLE_SLUG}/comments`;
    const { formToken } = (await app.inject(url)).json() as { formToken: string };
    clock.advance(60_000);
    const payload = { body: 'Said once, sent twenty times by an eager double-click.', authorName: 'Eager Clicker', authorEmail: 'eager@burst.example', formToken };
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.inject({ method: 'POST', url, remoteAddress: '10.200.0.1', payload })));
    const codes = responses.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [202, ...Array(19).fill(409)]);
    assert.match(responses.find((r) => r.statusCode === 409)!.json().message, /Duplicate comment detected/);
    const rows = await getDb().kysely.selectFrom('comments').select('id').where('author_email', '=', 'eager@burst.example').execute();
    assert.equal(rows.length, 1);
  });

  test('a same-instant burst from one IP stops at the per-IP limit', async () => {
    const url = `/api/v1/articles/${WATCH_ARTICLE_SLUG}/comments`;
    const { formToken } = (await app.inject(url)).json() as { formToken: string };
    clock.advance(60_000);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.inject({ method: 'POST', url, remoteAddress: '10.201.0.1', payload: { body: `Burst comment ${i} from one address`, authorName: `Burst ${i}`, authorEmail: `burst${i}@burst.example`, formToken } })),
    );
    const limit = DEFAULT_COMMENT_SETTINGS.maxPerIpPerWindow;
    assert.equal(responses.filter((r) => r.statusCode === 202).length, limit);
    assert.equal(responses.filter((r) => r.statusCode === 429).length, 20 - limit);
    const rows = await getDb().kysely.selectFrom('comments').select('id').where('author_ip', '=', '10.201.0.1').execute();
    assert.equal(rows.length, limit);
  });
});
