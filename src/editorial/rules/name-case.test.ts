import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, fixesOf } from '../test-support.js';

test('name-case: a known name in the wrong case is fixed to the stored spelling', () => {
  assert.deepEqual(fixesOf('name-case', 'Lee ho jung joined the cast.'), ['Lee ho jung → Lee Ho Jung']);
  assert.deepEqual(fixesOf('name-case', 'We met yang hye ji on set.'), ['yang hye ji → Yang Hye Ji']);
  assert.deepEqual(fixesOf('name-case', 'Fans love han so-Hee.'), ['han so-Hee → Han So-hee'], 'an alias keeps its own form');
  assert.deepEqual(fixesOf('name-case', 'The role of yoo na bi.'), ['yoo na bi → Yoo Na Bi']);
});

test('name-case: positions are 1-based lines and columns of the source', () => {
  const [f] = findingsOf('name-case', 'First line.\n\nThen Lee ho jung smiled.');
  assert.equal(f?.line, 3);
  assert.equal(f?.column, 6);
  assert.equal(f?.endColumn, 17);
  assert.equal(f?.severity, 'error');
});

test('name-case: near misses stay silent', () => {
  assert.deepEqual(findingsOf('name-case', 'Lee Ho Jung and Han So-hee and Han So Hee and Han Sohee.'), [], 'stored spellings');
  assert.deepEqual(findingsOf('name-case', 'HAN SO HEE IS BACK'), [], 'all capitals is a headline style');
  assert.deepEqual(findingsOf('name-case', 'Park Jae-Eon is how some outlets write it.'), [], 'a capital after a hyphen');
  assert.deepEqual(findingsOf('name-case', 'It is a sweet home. My name is Ana. nevertheless, we went.'), [], 'titles that are ordinary words');
  assert.deepEqual(findingsOf('name-case', '`lee ho jung` in code'), [], 'code spans are not prose');
});
