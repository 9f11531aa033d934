import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, fixesOf } from '../test-support.js';

test('stray-punctuation: inside a name, or a period mid-sentence after one', () => {
  assert.deepEqual(fixesOf('stray-punctuation', 'Song. Kang waved.'), ['Song. Kang → Song Kang']);
  assert.deepEqual(fixesOf('stray-punctuation', 'with Han So. Hee on set'), ['Han So. Hee → Han So Hee']);
  assert.deepEqual(fixesOf('stray-punctuation', 'Han So Hee. and Song Kang'), ['. → ']);
});

test('stray-punctuation: near misses stay silent', () => {
  assert.deepEqual(findingsOf('stray-punctuation', 'It ends with Han So Hee. And then the credits.'), [], 'a real sentence end');
  assert.deepEqual(findingsOf('stray-punctuation', 'She sang a song. Kang Dong Won listened.'), [], 'prose, not a name');
  assert.deepEqual(findingsOf('stray-punctuation', 'The cast: Song Kang... and more'), [], 'an ellipsis');
});
