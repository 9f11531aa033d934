import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, fixesOf } from '../test-support.js';

test('name-spelling: romanization confusions and one-letter slips', () => {
  assert.deepEqual(fixesOf('name-spelling', 'Yan Hye Ji plays the friend.'), ['Yan Hye Ji → Yang Hye Ji']);
  assert.deepEqual(fixesOf('name-spelling', 'Lee Ho Jeong and Yi Tae Hee.'), ['Lee Ho Jeong → Lee Ho Jung', 'Yi Tae Hee → Lee Tae Hee']);
  assert.deepEqual(fixesOf('name-spelling', 'Han Soo Hee stars.'), ['Han Soo Hee → Han So Hee']);
  assert.deepEqual(fixesOf('name-spelling', 'as Park Jae Un'), ['Park Jae Un → Park Jae Eon']);
  assert.deepEqual(fixesOf('name-spelling', 'Yan Hye-ji again'), ['Yan Hye-ji → Yang Hye-ji'], 'hyphenated alias kept');
});

test('name-spelling: error when the story is about that cast, warning when not', () => {
  assert.equal(findingsOf('name-spelling', 'In Nevertheless, Yan Hye Ji plays the friend.')[0]?.severity, 'error');
  assert.equal(findingsOf('name-spelling', 'Yan Hye Ji plays the friend.')[0]?.severity, 'warning');
});

test('name-spelling: near misses stay silent', () => {
  assert.deepEqual(findingsOf('name-spelling', 'Park Jae Eon, Park Jae Uhn and Park Jae-eon are all stored.'), [], 'known aliases');
  assert.deepEqual(findingsOf('name-spelling', 'Song Gang, Han Sohee, Yoon Seo Ah, Yu Na Bi.'), [], 'known aliases');
  assert.deepEqual(findingsOf('name-spelling', '양혜지와 한소희가 송강에게 말했다.'), [], 'Korean text');
  assert.deepEqual(findingsOf('name-spelling', 'Sung Kang and Song Kyu met.'), [], 'two-word names only by romanization variant');
  assert.deepEqual(findingsOf('name-spelling', 'yan hye ji wrote'), [], 'lowercase words are prose, not a name');
  assert.deepEqual(findingsOf('name-spelling', 'Kim Min Jae and Lee Do Hyun were cast.'), [], 'other people');
});
