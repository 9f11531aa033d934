import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameIndex } from './names.js';
import type { NameSources } from './catalog.repository.js';

const sources: NameSources = {
  people: [
    { id: 1, slug: 'han-so-hee', display_name: 'Han So Hee', hangul_name: '한소희' },
    { id: 2, slug: 'song-kang', display_name: 'Song Kang', hangul_name: '송강' },
    { id: 3, slug: 'kim-ji-won', display_name: 'Kim Ji Won', hangul_name: null },
    { id: 4, slug: 'kim-ji-won-2', display_name: 'Kim Ji Won', hangul_name: null },
  ],
  personAliases: [{ person_id: 1, alias: 'Han So-hee' }],
  dramas: [{ id: 10, slug: 'nevertheless', title: 'Nevertheless', native_title: '알고있지만' }],
  dramaAliases: [],
  roles: [{ id: 20, person_id: 2, drama_id: 10, character_name: 'Park Jae Eon' }],
  roleAliases: [{ role_id: 20, alias: 'Park Jae Uhn' }],
};
const index = new NameIndex(sources);
const names = (text: string) => index.find(text).map((m) => `${m.text.replace(/\s+/g, ' ')}→${m.candidates.map((c) => `${c.type}:${c.id}`).join('|')}`);

test('finds multi-word names, possessives and aliases', () => {
  assert.deepEqual(names("Song Kang's co-star Han So-hee"), ['Song Kang→person:2', 'Han So-hee→person:1']);
});

test('a name broken over a line still counts', () => {
  assert.deepEqual(names('with Song\nKang on set'), ['Song Kang→person:2']);
});

test('Hangul names are found, with particles attached', () => {
  assert.deepEqual(names('송강은 한소희와 함께'), ['송강→person:2', '한소희→person:1']);
  assert.deepEqual(names('드라마 알고있지만'), ['알고있지만→drama:10']);
});

test('character names and their aliases point to the role', () => {
  assert.deepEqual(names('as Park Jae Uhn'), ['Park Jae Uhn→role:20']);
});

test('no match inside longer words, and case matters', () => {
  assert.deepEqual(names('Songkang Kangaroo song kang'), []);
});

test('a one-word title at the start of a sentence is the ordinary word unless marked', () => {
  assert.deepEqual(names('Nevertheless, she stayed.'), []);
  assert.deepEqual(names('It was fine. Nevertheless the crew waited.'), []);
  assert.deepEqual(names('She loved *Nevertheless* and it shows.'), ['Nevertheless→drama:10']);
  assert.deepEqual(names('fans of Nevertheless know'), ['Nevertheless→drama:10']);
  assert.deepEqual(index.find('Nevertheless', { markedAsTitle: true }).length, 1);
});

test('two people with one name give one mention with both candidates', () => {
  const found = index.find('Kim Ji Won arrived');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.candidates.map((c) => c.id).sort(), [3, 4]);
});

// Hardening: the hard cases of issue 5 (possessives, markup, common words, namesakes).

test('a curly-apostrophe possessive is the name, as is the straight one', () => {
  assert.deepEqual(names('Song Kang’s smile and Han So Hee’s'), ['Song Kang→person:2', 'Han So Hee→person:1']);
  assert.deepEqual(names('Park Jae Uhn’s studio'), ['Park Jae Uhn→role:20']);
});

test('a name wraps over one line but not over a paragraph break', () => {
  assert.deepEqual(names('with Song\r\nKang'), ['Song Kang→person:2']);
  assert.deepEqual(names('a song by Song\n\nKang was not there'), []);
});

test('a title that is a common word: lowercase never counts, a new paragraph starts a sentence', () => {
  assert.deepEqual(names('nevertheless, the crew stayed'), []);
  assert.deepEqual(names('The shoot ran late\n\nNevertheless the crew stayed'), []);
  assert.deepEqual(names('The shoot ran late\n\n*Nevertheless* airs Saturdays'), ['Nevertheless→drama:10']);
});

test('a person whose name is a common word (the singer Rain) is found only as a name', () => {
  const withRain = new NameIndex({ ...sources, people: [...sources.people, { id: 5, slug: 'rain', display_name: 'Rain', hangul_name: '비' }] });
  const found = (text: string) => withRain.find(text).map((m) => m.text);
  assert.deepEqual(found('the rain stopped filming, and Rain stayed dry'), ['Rain']);
  assert.deepEqual(found('Rain stopped filming.'), [], 'at the start of a sentence the word wins');
  assert.deepEqual(found('Rainbow and Raining'), []);
});

test('names split by Markdown markup are not found in the source, only in its plain text', () => {
  // The linker also reads markdownToLinkText(body); see linking.test.ts.
  assert.deepEqual(names('**Song** Kang and Song *Kang*'), []);
});

test('a Hangul name takes particles, stacked too, but is not found inside a longer word', () => {
  assert.deepEqual(names('송강에게는 한소희의 응원이'), ['송강→person:2', '한소희→person:1']);
  assert.deepEqual(names('송강남 거리에서'), []);
  const withRain = new NameIndex({ ...sources, people: [{ id: 5, slug: 'rain', display_name: 'Rain', hangul_name: '비' }] });
  assert.deepEqual(withRain.find('비빔밥을 먹는 비는').map((m) => m.start), [8]);
});

test('a knowledge base of 60,000 names still links, longest name first (one big regular expression of them did not compile)', () => {
  const people = Array.from({ length: 30_000 }, (_, i) => ({ id: 1000 + i, slug: `p-${i}`, display_name: `Person Number${i} Park`, hangul_name: null }));
  const roles = Array.from({ length: 30_000 }, (_, i) => ({ id: 100_000 + i, person_id: 1000 + i, drama_id: 10, character_name: `Role Number${i}` }));
  const big = new NameIndex({ ...sources, people: [...sources.people, ...people], roles: [...sources.roles, ...roles] });
  const found = big.find('Song Kang met Person Number29999 Park, who plays Role Number7, then *Nevertheless* aired.').map((m) => `${m.text}→${m.candidates.map((c) => `${c.type}:${c.id}`).join('|')}`);
  assert.deepEqual(found, ['Song Kang→person:2', 'Person Number29999 Park→person:30999', 'Role Number7→role:100007', 'Nevertheless→drama:10']);
});
