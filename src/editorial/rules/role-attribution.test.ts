import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf } from '../test-support.js';

const texts = (ruleText: string) => findingsOf('role-attribution', ruleText).map((f) => f.text);

test('role-attribution: an actor named as a character they did not play', () => {
  assert.deepEqual(texts('Song Kang as Yoo Na Bi'), ['Yoo Na Bi']);
  assert.deepEqual(texts("Han So Hee's Park Jae Eon"), ['Park Jae Eon']);
  assert.deepEqual(texts('Han So Hee (Oh Bit Na)'), ['Oh Bit Na']);
  assert.match(findingsOf('role-attribution', 'Song Kang as Yoo Na Bi')[0]!.message, /that is Han So Hee; Song Kang plays Park Jae Eon there/);
});

test('role-attribution: a character paired with the wrong actor', () => {
  assert.deepEqual(texts('Yoo Na Bi, played by Song Kang,'), ['Yoo Na Bi']);
  assert.deepEqual(texts('Oh Bit Na (Kim Min Gwi)'), ['Oh Bit Na']);
});

test('role-attribution: near misses stay silent', () => {
  assert.deepEqual(texts('Song Kang as Park Jae Eon, Han So Hee as Yoo Na Bi, Song Kang as Luka'), []);
  assert.deepEqual(texts('Oh Bit Na, played by Yang Hye Ji, and Yoon Seo A’s Seo Ji Wan'), []);
  assert.deepEqual(texts('Song Kang (Park Jae Uhn)'), []);
  assert.deepEqual(texts('Song Kang and Yoo Na Bi'), [], 'no pairing words');
  assert.deepEqual(texts('Song Kang (left) and Yoo Na Bi'), []);
});
