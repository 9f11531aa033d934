import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVoteCaps, MemoryCapStore } from './caps.js';

test('a set admits up to its limit of distinct members, repeats always, and forgets after the window', async () => {
  const store = new MemoryCapStore();
  assert.equal(await store.addMember('k', 'a', 2, 1000, 0), true);
  assert.equal(await store.addMember('k', 'b', 2, 1000, 10), true);
  assert.equal(await store.addMember('k', 'c', 2, 1000, 20), false);
  assert.equal(await store.addMember('k', 'a', 2, 1000, 30), true, 'a member already counted is never refused');
  assert.equal(await store.addMember('other', 'c', 2, 1000, 30), true, 'keys are independent');
  assert.equal(await store.addMember('k', 'c', 2, 1000, 1000), true, 'a new window starts empty');
});

test('a counter refuses the hit past its limit until the window ends; old buckets are swept', async () => {
  const store = new MemoryCapStore();
  assert.equal(await store.hit('ip', 2, 60_000, 0), true);
  assert.equal(await store.hit('ip', 2, 60_000, 1), true);
  assert.equal(await store.hit('ip', 2, 60_000, 2), false);
  assert.equal(await store.hit('ip', 2, 60_000, 60_000), true);
  await store.hit('other', 2, 60_000, 0);
  await store.hit('late', 2, 60_000, 200_000);
  assert.equal(store.size, 1, 'only the live bucket is kept');
});

test('vote caps: distinct readers per story per IP, and a rate per IP; withdrawing adds no reader', async () => {
  const deps = { store: new MemoryCapStore(), limits: { readersPerArticlePerIpPerHour: 2, votesPerIpPerMinute: 5 } };
  const vote = (readerId: string, articleId = 1, withdraw = false) => checkVoteCaps({ ip: '203.0.113.9', articleId, readerId, nowMs: 0, withdraw }, deps);
  assert.equal(await vote('r1'), undefined);
  assert.equal(await vote('r2'), undefined);
  assert.equal(await vote('r1'), undefined, 'a known reader switching is not a new reader');
  assert.match((await vote('r3'))!.message, /different readers/);
  assert.equal(await vote('r3', 2), undefined, 'another story has its own count');
  assert.match((await vote('r4', 1, true))!.message, /last minute/, 'the sixth write in a minute is refused, whatever it is');
});
