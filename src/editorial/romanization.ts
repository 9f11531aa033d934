// Spellings of one Korean syllable that writers mix up. The family-name groups come from
// /work/shared/testdata/names/surname-romanizations.json (passport and census sources cited
// there); the given-name syllables and the few surnames missing there (Yang/Yan, Han/Hahn, ...)
// are the confusions machine translation and fan romanization produce most.
// Left out on purpose: one-letter spellings ("I" for Lee, "O" for Oh), which are ordinary words.

const SURNAME_GROUPS: string[][] = [
  ['kim', 'gim', 'ghim', 'kin'],
  ['lee', 'yi', 'ri', 'rhee', 'rhie', 'reeh', 'yie', 'li', 'ye'],
  ['park', 'pak', 'bak', 'bahk', 'pahk', 'back', 'bark'],
  ['choi', 'choe', 'chey', 'chwe', 'chye', 'tsoi'],
  ['jung', 'jeong', 'chung', 'joung', 'cheong', 'chong', 'jeoung', 'jeung', 'choung', 'jong', 'cheung', 'juong', 'jeng', 'chyung', 'jaung', 'jueng'],
  ['kang', 'gang', 'khang', 'kahng', 'ghang'],
  ['ko', 'go', 'koh', 'goh', 'kho', 'gho'],
  ['koo', 'ku', 'gu', 'goo', 'kuh', 'khu'],
  ['kwak', 'gwak', 'kwag', 'kwack', 'gwag'],
  ['kwon', 'gwon', 'kweon', 'kwun', 'gweon'],
  ['kong', 'gong', 'kohng', 'ghong'],
  ['kyung', 'gyeong', 'kyoung', 'kyeong'],
  ['cho', 'jo', 'joe'],
  ['yoon', 'yun', 'youn'],
  ['jang', 'chang'],
  ['lim', 'im', 'rim', 'yim'],
  // Not in the shared file: confusions seen in machine-spun copy.
  ['yang', 'yan'],
  ['han', 'hahn'],
  ['song', 'soung'],
  ['yoo', 'yu', 'you', 'ryu'],
  ['oh', 'ohh'],
  ['seo', 'suh', 'seoh', 'sur'],
  ['shin', 'sin', 'shinn'],
  ['moon', 'mun'],
  ['hwang', 'whang'],
  ['jeon', 'jun', 'chun', 'jeun'],
  ['baek', 'paek', 'baik', 'paik'],
  ['son', 'sohn'],
  ['ahn', 'an'],
  ['noh', 'roh', 'no'],
];

// Given-name syllables: the Revised Romanization form next to the older and the fan spellings.
const SYLLABLE_GROUPS: string[][] = [
  ['eon', 'uhn', 'un'],
  ['hee', 'hui', 'hi', 'heui'],
  ['ji', 'jee', 'chi'],
  ['a', 'ah'],
  ['hyuk', 'hyeok', 'hyuck'],
  ['hyun', 'hyeon', 'hyon'],
  ['gwi', 'kwi', 'gui'],
  ['woo', 'wu', 'u'],
  ['soo', 'su'],
  ['joo', 'ju'],
  ['sun', 'seon'],
  ['young', 'yeong', 'yung'],
  ['sung', 'seong'],
  ['sook', 'suk'],
  ['jin', 'jeen'],
  ['bin', 'been'],
  ['jae', 'jay', 'je'],
  ['seol', 'sul'],
  ['bi', 'bee'],
  ['na', 'nah'],
  ['min', 'meen'],
  ['ho', 'hoh'],
  ['tae', 'tai', 'te'],
];

const groupsOf = new Map<string, Set<number>>();
[...SURNAME_GROUPS, ...SYLLABLE_GROUPS].forEach((group, n) => {
  for (const spelling of group) {
    const set = groupsOf.get(spelling) ?? new Set<number>();
    set.add(n);
    groupsOf.set(spelling, set);
  }
});

/** True when two lowercase words are spellings of one syllable (Yang/Yan, Jung/Jeong, Lee/Yi). */
export function areRomanizationVariants(a: string, b: string): boolean {
  if (a === b) return false;
  const ga = groupsOf.get(a);
  const gb = groupsOf.get(b);
  if (!ga || !gb) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}

// One romanized Korean syllable: an initial, a vowel cluster, and an optional final consonant.
const SYLLABLE = /^(?:ch|kk|tt|pp|ss|jj|sh|gh|kh|[bcdghjklmnprstwy])?(?:[aeiouwy]{1,3})h?(?:ng|n|k|l|m|p|t|r)?$/;

/** Looks like one or two romanized Korean syllables ("Ho", "Jae", "Hyuk", "Sohee"): a name part. */
export function isRomanizedSyllable(word: string): boolean {
  const w = word.toLowerCase();
  if (SYLLABLE.test(w)) return true;
  // Two syllables run together (Sohee, Jieun): split once where both halves are syllables.
  for (let i = 1; i < w.length; i++) if (SYLLABLE.test(w.slice(0, i)) && SYLLABLE.test(w.slice(i))) return true;
  return false;
}
