// The Redis cap store against a real Redis server (TEST_REDIS_URL): two stores stand for two
// processes sharing one server, and the cap holds across them, also under racing calls.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisCapStore } from './redis-cap-store.js';

const redisUrl = process.env.TEST_REDIS_URL;

describe('vote caps in Redis', { skip: redisUrl ? false : 'TEST_REDIS_URL is not set; Redis not tested in this run' }, () => {
  const a = new Redis(redisUrl ?? '');
  const b = new Redis(redisUrl ?? '');
  const prefix = `onset:test:${crypto.randomBytes(4).toString('hex')}:`;
  const one = new RedisCapStore(a, prefix);
  const two = new RedisCapStore(b, prefix);
  after(async () => {
    const keys = await a.keys(`${prefix}*`);
    if (keys.length) await a.del(...keys);
    await Promise.all([a.quit(), b.quit()]);
  });

  test('distinct readers per key are capped across processes; a known reader always passes', async () => {
    assert.equal(await one.addMember('article:1:ip', 'r1', 2, 60_000, 0), true);
    assert.equal(await two.addMember('article:1:ip', 'r2', 2, 60_000, 0), true);
    assert.equal(await one.addMember('article:1:ip', 'r3', 2, 60_000, 0), false, 'the third reader is refused, whichever process asks');
    assert.equal(await two.addMember('article:1:ip', 'r1', 2, 60_000, 0), true, 'a reader already counted may vote again');
    assert.ok((await a.pttl(`${prefix}article:1:ip`)) > 0, 'the window expires in Redis');
  });

  test('racing readers never exceed the cap', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).addMember('race', `r${i}`, 5, 60_000, 0)));
    assert.equal(results.filter(Boolean).length, 5);
  });

  test('a rate cap counts hits from every process and resets with its window', async () => {
    const hits = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).hit('rate', 4, 200, 0)));
    assert.equal(hits.filter(Boolean).length, 4);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await one.hit('rate', 4, 200, 0), true, 'a new window starts after expiry');
  });
});
