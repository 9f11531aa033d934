import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, fixesOf } from '../test-support.js';

test('role-as: an actor "like" their character → "as", in this drama or another', () => {
  assert.deepEqual(fixesOf('role-as', 'Han So Hee like Yoo Na Bi'), ['like → as']);
  assert.deepEqual(fixesOf('role-as', 'Song Kang like Park Jae Uhn'), ['like → as'], 'a role alias');
  assert.deepEqual(fixesOf('role-as', 'Song Kang like Hwang Sun Oh in Love Alarm'), ['like → as']);
  assert.deepEqual(fixesOf('role-as', 'Kang song like Park Jae Eon'), ['like → as'], 'after a misordered name');
  assert.match(findingsOf('role-as', 'Han So Hee like Yoo Na Bi')[0]!.message, /Han So Hee as Yoo Na Bi/);
});

test('role-as: near misses stay silent', () => {
  assert.deepEqual(findingsOf('role-as', 'Han So Hee as Yoo Na Bi'), []);
  assert.deepEqual(findingsOf('role-as', 'Han So Hee, like Yoo Na Bi, loves sculpture.'), [], 'a comparison');
  assert.deepEqual(findingsOf('role-as', 'Song Kang like Yoo Na Bi'), [], 'not his character');
  assert.deepEqual(findingsOf('role-as', 'Han So Hee like Song Kang'), [], 'two people');
});
