// Several processes: `onset serve --workers 2` on one port, and two separate instances on one
// PostgreSQL database with Redis. A write through one process must purge the cached page in all.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { startTestServer, type TestServer } from './helpers/server.js';

const SLUG = 'watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';
const TOKEN = 'staff-token-for-scale-out-tests';
const staff = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const hideSweetHome = JSON.stringify({ overrides: [{ person: 'song-kang', drama: 'sweet-home', action: 'hide' }] });
const showsSweetHome = (html: string) => /class="also-see"[\s\S]*?\/dramas\/sweet-home/.test(html);

/** GET on a new connection each time, so that the cluster hands requests to both workers. */
function getPage(base: string): Promise<{ html: string; cache: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/articles/${SLUG}`, { agent: false, headers: { connection: 'close' } }, (res) => {
        let html = '';
        res.setEncoding('utf8').on('data', (c: string) => (html += c));
        res.on('end', () => {
          assert.equal(res.statusCode, 200);
          resolve({ html, cache: (res.headers['x-cache'] as string | undefined) ?? null });
        });
      })
      .on('error', reject);
  });
}

describe('two workers on one port', { timeout: 120_000 }, () => {
  let server: TestServer | undefined;
  after(async () => {
    await server?.stop();
  });

  test('a change made through one worker is never served stale by the other', async () => {
    server = await startTestServer({ args: ['--workers', '2'], env: { ADMIN_TOKEN: TOKEN } });
    // Warm both workers' caches (connections are handed out round-robin).
    for (let i = 0; i < 8; i++) assert.ok(showsSweetHome((await getPage(server.url)).html));
    const hits = (await Promise.all(Array.from({ length: 8 }, () => getPage(server!.url)))).filter((p) => p.cache === 'HIT').length;
    assert.ok(hits > 0, 'pages are being served from the cache');
    const put = await fetch(`${server.url}/api/v1/articles/${SLUG}/also-see`, { method: 'PUT', headers: staff, body: hideSweetHome });
    assert.equal(put.status, 200, await put.text());
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 12; i++) assert.ok(!showsSweetHome((await getPage(server.url)).html), `request ${i} served the page from before the change`);
    assert.equal(await server.stop(), 0, 'SIGTERM stops the primary and its workers cleanly');
    server = undefined;
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
describe('two instances on PostgreSQL and Redis', { skip: pgUrl && redisUrl ? false : 'TEST_DATABASE_URL and TEST_REDIS_URL are needed; not tested in this run', timeout: 180_000 }, () => {
  const dbName = `onset_scale_${crypto.randomBytes(4).toString('hex')}`;
  const servers: TestServer[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  test('a purge made through one instance reaches the other within a second', async () => {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(pgUrl!);
    url.pathname = `/${dbName}`;
    const env = { DATABASE_URL: url.toString(), REDIS_URL: redisUrl!, ADMIN_TOKEN: TOKEN, COOKIE_SECRET: 'scale-out-test-secret-0123456789abcdef' };
    servers.push(await startTestServer({ env }));
    servers.push(await startTestServer({ env }));
    const [a, b] = servers as [TestServer, TestServer];
    await getPage(b.url);
    assert.equal((await getPage(b.url)).cache, 'HIT', 'B keeps the page');
    const put = await fetch(`${a.url}/api/v1/articles/${SLUG}/also-see`, { method: 'PUT', headers: staff, body: hideSweetHome });
    assert.equal(put.status, 200, await put.text());
    const deadline = Date.now() + 1000;
    let fresh = false;
    while (Date.now() < deadline && !fresh) {
      fresh = !showsSweetHome((await getPage(b.url)).html);
      if (!fresh) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(fresh, 'B shows the change made through A within one second');
  });
});
