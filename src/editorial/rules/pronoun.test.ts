import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoArticles } from '../../demo/demo.data.js';
import { findingsOf } from '../test-support.js';

test('pronoun: disagrees with the person it most likely refers to, at info level with a confidence', () => {
  const [f] = findingsOf('pronoun', 'Song Kang arrived early. She rehearsed the scene twice.');
  assert.equal(f?.text, 'She');
  assert.equal(f?.severity, 'info');
  assert.ok(f!.confidence! >= 0.6 && f!.confidence! <= 0.9, String(f?.confidence));
  assert.match(f!.message, /Song Kang, who uses he\/him \(confidence 0\.\d+\)/);
  assert.deepEqual(findingsOf('pronoun', 'Yang Hye Ji waved at the crew and grabbed his coat.').map((x) => x.text), ['his']);
});

test('pronoun: near misses stay silent', () => {
  assert.deepEqual(findingsOf('pronoun', 'Song Kang arrived early. He rehearsed.'), []);
  assert.deepEqual(findingsOf('pronoun', 'Han So Hee tripped. Song Kang asked if she was hurt.'), [], 'someone earlier fits');
  assert.deepEqual(findingsOf('pronoun', 'Song Kang thanked the actress. She laughed.'), [], 'a gendered noun between');
  assert.deepEqual(findingsOf('pronoun', 'Song Kang said: "she is the best."'), [], 'inside a quotation');
  assert.deepEqual(findingsOf('pronoun', 'Lee Tae Hee smiled. She waved.'), [], 'no pronouns recorded');
  assert.deepEqual(findingsOf('pronoun', 'Song Kang arrived.\n\nLater that week the director said she was happy.'), [], 'another paragraph, no name in it');
  for (const a of demoArticles) assert.deepEqual(findingsOf('pronoun', a.body), [], a.slug);
});
