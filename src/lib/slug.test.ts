import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from './slug.js';

test('slugs are lowercase ASCII words joined by hyphens', () => {
  assert.equal(slugify('Han So Hee'), 'han-so-hee');
  assert.equal(slugify('Nevertheless'), 'nevertheless');
  assert.equal(slugify('When the Devil Calls Your Name'), 'when-the-devil-calls-your-name');
  assert.equal(slugify("Watch: Song Kang's  care, on set!"), 'watch-song-kangs-care-on-set');
  assert.equal(slugify('Han So-hee'), 'han-so-hee');
  assert.equal(slugify('Beyoncé'), 'beyonce');
  assert.equal(slugify('알고있지만'), '');
});
