import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLintKb } from '../kb.js';
import { demoLintSources } from '../demo-kb.js';
import { lintText } from '../engine.js';
import { findingsOf, fixesOf } from '../test-support.js';

test('name-order: swapped family and given name, in any case', () => {
  assert.deepEqual(fixesOf('name-order', 'Kang song smiled.'), ['Kang song → Song Kang']);
  assert.deepEqual(fixesOf('name-order', 'Kang Song smiled.'), ['Kang Song → Song Kang']);
  assert.deepEqual(fixesOf('name-order', 'And then KANG song left.'), ['KANG song → Song Kang']);
  assert.deepEqual(fixesOf('name-order', 'So Hee Han won.'), ['So Hee Han → Han So Hee']);
  assert.equal(findingsOf('name-order', 'Kang song smiled.')[0]?.entity?.name, 'Song Kang');
});

test('name-order: near misses stay silent', () => {
  assert.deepEqual(findingsOf('name-order', 'Song Kang smiled.'), []);
  assert.deepEqual(findingsOf('name-order', 'An unrelated Kang sang a song.'), [], 'Kang alone is not Song Kang');
  assert.deepEqual(findingsOf('name-order', 'Director Kang. Song Kang arrived later.'), [], 'a sentence break between the words');
  assert.deepEqual(findingsOf('name-order', 'Kang\n\nsong'), [], 'a paragraph break between the words');
  assert.deepEqual(findingsOf('name-order', 'Kang Song Yi was cast.'), [], 'a longer name those words start');
});

test('name-order: not when the swapped words are themselves a known person', () => {
  const kb = buildLintKb(demoLintSources([{ display: 'Kang Song' }]));
  assert.deepEqual(lintText('Kang Song and Song Kang met.', kb).filter((f) => f.ruleId === 'name-order'), []);
});
