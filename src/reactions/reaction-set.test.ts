import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_REACTIONS, parseReactionSet, sharesOf } from './reaction-set.js';

test('the default set is the six reactions of the design', () => {
  assert.deepEqual(DEFAULT_REACTIONS.map((r) => r.label), ['Love', 'Haha', 'Wow', 'Sad', 'Angry', 'Scared']);
});

test('REACTIONS parses key:emoji:Label entries in order', () => {
  assert.deepEqual(parseReactionSet(' love:❤️:Love , fire:🔥:Hot take '), [
    { key: 'love', emoji: '❤️', label: 'Love' },
    { key: 'fire', emoji: '🔥', label: 'Hot take' },
  ]);
});

test('a bad REACTIONS value says what is wrong', () => {
  assert.throws(() => parseReactionSet('love:❤️:Love'), /between 2 and 12/);
  assert.throws(() => parseReactionSet('love:❤️:Love,Love:x:y'), /bad entry "Love:x:y"/);
  assert.throws(() => parseReactionSet('love:❤️:Love,haha::Haha'), /bad entry/);
  assert.throws(() => parseReactionSet('love:❤️:Love,love:😂:Again'), /lists "love" twice/);
});

test('shares are whole percents that add up to 100', () => {
  assert.deepEqual(sharesOf([1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(sharesOf([48, 6, 21, 2, 1, 9]).reduce((a, b) => a + b, 0), 100);
  assert.deepEqual(sharesOf([0, 0]), [0, 0]);
  assert.deepEqual(sharesOf([5, 0]), [100, 0]);
  for (let i = 0; i < 200; i++) {
    const counts = Array.from({ length: 6 }, () => Math.floor(Math.random() * 50));
    const shares = sharesOf(counts);
    if (counts.some((c) => c > 0)) assert.equal(shares.reduce((a, b) => a + b, 0), 100, String(counts));
    counts.forEach((c, j) => assert.ok(Math.abs(shares[j]! - (c * 100) / Math.max(1, counts.reduce((a, b) => a + b, 0))) < 1));
  }
});
