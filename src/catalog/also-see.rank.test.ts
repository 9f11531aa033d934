import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALSO_SEE_LIMIT, MAX_PER_PERSON, rankAlsoSee, type AlsoSeeCandidate, type AlsoSeeOverride } from './also-see.rank.js';

// A small graph shaped like the demo: Song Kang (1) and Han So Hee (2) in Nevertheless (10).
const role = (personId: number, dramaId: number, billing: AlsoSeeCandidate['billing'], year: number | null, extra: Partial<AlsoSeeCandidate> = {}): AlsoSeeCandidate => ({
  personId,
  personSlug: `p${personId}`,
  personName: personId === 1 ? 'Song Kang' : personId === 2 ? 'Han So Hee' : `Person ${personId}`,
  dramaId,
  dramaSlug: `d${dramaId}`,
  dramaTitle: `Drama ${dramaId}`,
  nativeTitle: null,
  year,
  networkName: null,
  posterUrl: null,
  character: `C${personId}-${dramaId}`,
  billing,
  billingOrder: 1,
  ...extra,
});
const demo = [
  role(1, 10, 'main', 2021),
  role(1, 11, 'supporting', 2019, { dramaTitle: 'When the Devil Calls Your Name' }), // Luka
  role(1, 12, 'main', 2019), // Love Alarm
  role(1, 13, 'main', 2020), // Sweet Home
  role(2, 10, 'main', 2021),
  role(2, 14, 'main', 2021), // My Name
  role(2, 15, 'supporting', 2020), // The World of the Married
];
const rank = (overrides: AlsoSeeOverride[] = [], candidates = demo, named = [1, 2], story = [10]) =>
  rankAlsoSee({ candidates, namedPersonIds: new Set(named), storyDramaIds: new Set(story), overrides });
const lines = (entries: ReturnType<typeof rank>) => entries.map((e) => `${e.people.map((p) => p.id).join('+')}@${e.drama.dramaId}${e.pinned ? '*' : ''}`);

test('never the drama of the story; main roles and recent years first; people take turns', () => {
  // Turn 1: each person's best (My Name 2021 main, Sweet Home 2020 main); turn 2: Love Alarm
  // (main) before The World of the Married (supporting); turn 3: Song Kang's supporting role.
  assert.deepEqual(lines(rank()), ['2@14', '1@13', '1@12', '2@15', '1@11']);
});

test('the demo box offers When the Devil Calls Your Name for Song Kang', () => {
  const entry = rank().find((e) => e.drama.dramaTitle === 'When the Devil Calls Your Name');
  assert.ok(entry, 'within the limit');
  assert.deepEqual(entry.people.map((p) => p.name), ['Song Kang']);
  assert.equal(ALSO_SEE_LIMIT >= 5, true);
});

test('one person gets at most MAX_PER_PERSON entries, and the box at most ALSO_SEE_LIMIT', () => {
  const prolific = Array.from({ length: 10 }, (_, i) => role(1, 100 + i, 'main', 2000 + i));
  const others = Array.from({ length: 10 }, (_, i) => role(3 + i, 200 + i, 'main', 2010));
  assert.equal(rank([], prolific, [1]).length, MAX_PER_PERSON);
  assert.deepEqual(lines(rank([], prolific, [1])), ['1@109', '1@108', '1@107']);
  const many = rank([], [...prolific, ...others], [1, ...others.map((o) => o.personId)]);
  assert.equal(many.length, ALSO_SEE_LIMIT);
});

test('a drama two people of the story share is one entry naming both', () => {
  const shared = [...demo, role(2, 13, 'supporting', 2020)];
  const entry = rank([], shared).find((e) => e.drama.dramaId === 13)!;
  assert.deepEqual(entry.people.map((p) => p.name), ['Song Kang', 'Han So Hee']);
  assert.equal(rank([], shared).filter((e) => e.drama.dramaId === 13).length, 1);
});

test('people the story does not name are not suggested', () => {
  assert.deepEqual(lines(rank([], demo, [2])), ['2@14', '2@15']);
});

test('a second role of one person in one drama does not make a second entry', () => {
  const twice = [...demo, role(1, 13, 'cameo', 2020, { character: 'Passer-by' })];
  const entry = rank([], twice).filter((e) => e.drama.dramaId === 13);
  assert.equal(entry.length, 1);
  assert.equal(entry[0]!.people[0]!.billing, 'main');
});

test('pins come first in their order, hides disappear, and the rest keeps its order', () => {
  const overrides: AlsoSeeOverride[] = [
    { personId: 1, dramaId: 11, action: 'pin', position: 1 },
    { personId: 2, dramaId: 15, action: 'pin', position: 2 },
    { personId: 1, dramaId: 13, action: 'hide', position: 0 },
  ];
  assert.deepEqual(lines(rank(overrides)), ['1@11*', '2@15*', '2@14', '1@12']);
});

test('a pin may name someone the story does not; pins of the story drama are ignored', () => {
  const withGuest = [...demo, role(7, 30, 'cameo', 2022)];
  const entries = rank([{ personId: 7, dramaId: 30, action: 'pin', position: 1 }, { personId: 1, dramaId: 10, action: 'pin', position: 2 }], withGuest);
  assert.equal(lines(entries)[0], '7@30*');
  assert.ok(!entries.some((e) => e.drama.dramaId === 10));
});

test('a person with no year sorts after dated works; no candidates, no box', () => {
  assert.deepEqual(lines(rank([], [role(1, 40, 'main', null), role(1, 41, 'main', 2001)], [1], [])), ['1@41', '1@40']);
  assert.deepEqual(rank([], [], [1, 2]), []);
});
