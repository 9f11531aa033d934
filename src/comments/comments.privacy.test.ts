// Email privacy: post comments with unique emails, then crawl every public page, feed and API
// route, and read every log line: no email, no plain md5/sha1/sha256 of one, and no IP appears.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../server.js';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { eraseCommenter, exportCommenter } from './commenter.service.js';

const STAFF = 'staff-token-for-privacy-tests';

describeEachDatabase('commenter privacy', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let logText = '';
  const secrets: string[] = [];
  const run = crypto.randomBytes(4).toString('hex');
  const emails = Array.from({ length: 6 }, (_, i) => `reader.${run}.${i}@privacy-test.example`);
  const ips = emails.map((_, i) => `203.0.113.${i + 10}`);

  before(async () => {
    clock = fixedClock(TEST_NOW);
    await seedDemo({ db: getDb().kysely, clock });
    const sink = new Writable({ write(chunk, _enc, cb) { logText += chunk.toString(); cb(); } });
    // The production logger (src/server.ts), writing to memory.
    const logger = createLogger({ logLevel: 'trace' }, sink);
    app = await buildApp({ db: getDb(), publicUrl: 'http://onset.test', clock, cookieSecret: 'privacy-secret-privacy-secret-0000000', adminToken: STAFF, logger });
    for (const e of emails) {
      secrets.push(e, ...['md5', 'sha1', 'sha256'].map((a) => crypto.createHash(a).update(e).digest('hex')));
    }
    secrets.push(...ips);
    const list = (await app.inject('/api/v1/articles?limit=100')).json() as { items: { slug: string }[] };
    const token = ((await app.inject(`/api/v1/articles/${list.items[0]!.slug}/comments`)).json() as { formToken: string }).formToken;
    clock.advance(60_000);
    const ids: number[] = [];
    for (const [i, email] of emails.entries()) {
      const slug = list.items[i % list.items.length]!.slug;
      const res = await app.inject({ method: 'POST', url: `/api/v1/articles/${slug}/comments`, remoteAddress: ips[i]!, payload: { body: `Privacy probe ${i} https://example.org/${i}`, authorName: `Probe ${i}`, authorEmail: email, authorUrl: i % 2 ? `https://site${i}.example` : undefined, formToken: token } });
      assert.ok([201, 202].includes(res.statusCode), res.body);
      ids.push(res.json().id);
      // A form post too, with a failing field, so error pages are covered.
      await app.inject({ method: 'POST', url: `/articles/${slug}/comments`, remoteAddress: ips[i]!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ comment: '', author: 'x', email, ts: token }).toString() });
    }
    // Approve all but the last, which stays pending.
    await app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: { authorization: `Bearer ${STAFF}` }, payload: { ids: ids.slice(0, -1), action: 'approve' } });
    await app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: { authorization: `Bearer ${STAFF}` }, payload: { ids: [ids[0]], action: 'pick' } });
  });
  after(() => app.close());

  test('no email, hash of one, or IP in any public page, feed, API response or log line', async () => {
    const seen = new Set<string>();
    const queue = ['/', '/?kind=watch', '/?kind=news', '/?kind=feature', '/schedule', '/feed.xml', '/atom.xml', '/sitemap.xml', '/news-sitemap.xml', '/api/v1/openapi.json', '/api/v1/articles?limit=100'];
    const list = (await app.inject('/api/v1/articles?limit=100')).json() as { items: { slug: string }[] };
    for (const { slug } of list.items) queue.push(`/articles/${slug}`, `/api/v1/articles/${slug}`, `/api/v1/articles/${slug}/comments`, `/articles/${slug}?cpage=1`);
    let fetched = 0;
    while (queue.length && fetched < 400) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await app.inject(url);
      fetched++;
      const text = `${JSON.stringify(res.headers)}\n${res.body}`;
      for (const s of secrets) assert.ok(!text.toLowerCase().includes(s.toLowerCase()), `${url} exposes ${s}`);
      if (/text\/html/.test(String(res.headers['content-type']))) {
        for (const m of res.body.matchAll(/href="(\/[^"#]*)/g)) {
          const next = m[1]!.replace(/&amp;/g, '&');
          if (!next.startsWith('/assets/') && !seen.has(next)) queue.push(next);
        }
      }
    }
    assert.ok(fetched > 20, `crawled ${fetched} URLs`);
    assert.ok(logText.length > 0, 'logs were written');
    for (const s of secrets) assert.ok(!logText.toLowerCase().includes(s.toLowerCase()), `a log line exposes ${s}`);
    // Staff do see them.
    const staff = await app.inject({ url: '/api/v1/moderation/comments?queue=approved', headers: { authorization: `Bearer ${STAFF}` } });
    assert.ok(staff.body.includes(emails[0]!));
  });

  test('export and erase a commenter', async () => {
    const exported = await exportCommenter({ email: emails[1]!.toUpperCase() }, { db: getDb().kysely });
    assert.equal(exported.comments.length, 1);
    assert.equal(exported.comments[0]!.author_email, emails[1]);
    assert.equal(exported.comments[0]!.author_ip, ips[1]);
    const erased = await eraseCommenter({ email: emails[1]! }, { db: getDb().kysely, clock });
    assert.equal(erased.erased, 1);
    assert.equal((await exportCommenter({ email: emails[1]! }, { db: getDb().kysely })).comments.length, 0);
    const row = await getDb().kysely.selectFrom('comments').selectAll().where('id', '=', exported.comments[0]!.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.author_name, row.author_email, row.author_ip, row.author_url, row.user_agent], ['Anonymous', null, null, null, null]);
    const log = await getDb().kysely.selectFrom('comment_moderation_log').select('action').where('comment_id', '=', row.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(log.action, 'erase');
  });
});
