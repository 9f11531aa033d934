import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, fixesOf } from '../test-support.js';

test('inconsistent-spelling: one person spelled two ways in one story, info, majority kept', () => {
  assert.deepEqual(fixesOf('inconsistent-spelling', 'Han So Hee arrived. Han So-hee left. Han So Hee returned.'), ['Han So-hee → Han So Hee']);
  assert.deepEqual(fixesOf('inconsistent-spelling', 'Park Jae Uhn, then Park Jae Eon.'), ['Park Jae Eon → Park Jae Uhn'], 'characters too; first on a tie');
  assert.equal(findingsOf('inconsistent-spelling', 'Song Kang and Song Gang')[0]?.severity, 'info');
});

test('inconsistent-spelling: near misses stay silent', () => {
  assert.deepEqual(findingsOf('inconsistent-spelling', 'Han So Hee and Han So Hee again, and 한소희.'), [], 'Hangul is not a second spelling');
  assert.deepEqual(findingsOf('inconsistent-spelling', 'Han So-hee and Song Kang'), []);
});
