import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRange } from './range.js';

const SIZE = 1000;

test('first bytes, open-ended and suffix ranges', () => {
  assert.deepEqual(decideRange('bytes=0-99', SIZE), { kind: 'partial', start: 0, end: 99 });
  assert.deepEqual(decideRange('bytes=0-0', SIZE), { kind: 'partial', start: 0, end: 0 });
  assert.deepEqual(decideRange('bytes=900-', SIZE), { kind: 'partial', start: 900, end: 999 });
  assert.deepEqual(decideRange('bytes=-100', SIZE), { kind: 'partial', start: 900, end: 999 });
  assert.deepEqual(decideRange('bytes=-5000', SIZE), { kind: 'partial', start: 0, end: 999 }, 'a suffix longer than the file is the whole file');
  assert.deepEqual(decideRange('bytes=500-5000', SIZE), { kind: 'partial', start: 500, end: 999 }, 'an end past the file is clamped');
});

test('a range that starts past the end, or an empty suffix, is unsatisfiable', () => {
  assert.deepEqual(decideRange('bytes=1000-', SIZE), { kind: 'unsatisfiable' });
  assert.deepEqual(decideRange('bytes=5000-6000', SIZE), { kind: 'unsatisfiable' });
  assert.deepEqual(decideRange('bytes=-0', SIZE), { kind: 'unsatisfiable' });
  assert.deepEqual(decideRange('bytes=0-', 0), { kind: 'unsatisfiable' });
});

test('malformed headers are ignored (whole file), as RFC 7233 §3.1 says', () => {
  for (const header of ['bytes=abc', 'bytes=500-100', 'items=0-10', 'bytes=', 'bytes=-', '0-10', 'bytes=1-2-3', 'bytes=0x10-20']) {
    assert.deepEqual(decideRange(header, SIZE), { kind: 'full' }, header);
  }
  assert.deepEqual(decideRange(undefined, SIZE), { kind: 'full' });
});

test('several ranges are answered with the whole file', () => {
  assert.deepEqual(decideRange('bytes=0-9, 20-29', SIZE), { kind: 'full' });
  assert.deepEqual(decideRange('bytes=0-9,-5', SIZE), { kind: 'full' });
});
