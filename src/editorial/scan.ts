import { distance } from 'fastest-levenshtein';
import { entitiesOf, wildcardKey, type KbEntity, type KbName, type LintKb } from './kb.js';
import { areRomanizationVariants, isRomanizedSyllable } from './romanization.js';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  hangul: boolean;
  capitalized: boolean;
}

/** How a run of words in the text matched a known name. */
export type MatchKind =
  | 'exact' // written as stored
  | 'case' // the words of a stored spelling, with other letter case
  | 'order' // a person's words with the family name last ("Kang song")
  | 'spelling' // one word off: a romanization variant or one letter
  | 'punctuation'; // the words of a name with a stray "." or "," between two of them

/** A known name found in the text (possibly misspelt), with the entities it points to. */
export interface NameMatch {
  kind: MatchKind;
  /** Offsets into the source; `written` is the source between them. */
  start: number;
  end: number;
  written: string;
  /** The spellings it matched (one per entity that has it). */
  names: KbName[];
  entities: KbEntity[];
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const HANGUL = /\p{Script=Hangul}/u;
const UPPER = /^\p{Lu}/u;
// Between the words of one name: spaces and emphasis markers, at most one line break; or a hyphen.
const NAME_GAP = /^(?:[ \t*_]*\n?[ \t*_]*|-)$/;
const PUNCT_GAP = /^[.,][ \t]+$/;

export function tokenize(masked: string): Token[] {
  const out: Token[] = [];
  for (const m of masked.matchAll(TOKEN)) {
    const text = m[0];
    out.push({ text, lower: text.toLowerCase(), start: m.index, end: m.index + text.length, hangul: HANGUL.test(text), capitalized: UPPER.test(text) });
  }
  return out;
}

/** Markup and line breaks out, spaces collapsed: "**Song**\nKang" is written "Song Kang". */
export function normalizeWritten(s: string): string {
  return s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Finds known names in the masked text, longest first and without overlaps: exact spellings,
 * then (at the same length) other letter case, a stray punctuation mark, swapped order, and one
 * misspelt word. A known name that runs on into another name-like word ("Song Kang Ho") is a
 * longer, unknown name and is left alone.
 */
export function findNames(source: string, masked: string, tokens: Token[], kb: LintKb): NameMatch[] {
  const gaps = tokens.map((t, i) => (i + 1 < tokens.length ? masked.slice(t.end, tokens[i + 1]!.start) : ''));
  const kinds = gaps.map(gapKind);
  const { firstWords, fuzzyWords } = statsOf(kb);
  const out: NameMatch[] = [];
  let matchedUpTo = 0;
  let i = 0;
  while (i < tokens.length) {
    const match = matchAt(i);
    if (match && match !== 'skip') {
      out.push(match);
      i = matchedUpTo = match.endToken;
    } else i++;
  }
  return out;

  function matchAt(i: number): NameMatch | null | 'skip' {
    const first = tokens[i]!;
    // Most words of a story start no name: lowercase and not the first word of a known one.
    if (first.hangul || (!first.capitalized && !firstWords.has(first.lower))) return null;
    // How far a name starting here can reach: name gaps, at most one stray punctuation mark.
    let reach = 1;
    for (let punct = 0; reach < kb.maxWords && i + reach < tokens.length && !tokens[i + reach]!.hangul; reach++) {
      const kind = kinds[i + reach - 1]!;
      if (kind === 'other' || (kind === 'punct' && ++punct > 1)) break;
    }
    for (let n = reach; n >= 1; n--) {
      const window = tokens.slice(i, i + n);
      const key = window.map((t) => t.lower).join(' ');
      let punctuation = 0;
      for (let k = 0; k < n - 1; k++) if (kinds[i + k] === 'punct') punctuation++;
      const make = (kind: MatchKind, names: KbName[]): NameMatch => {
        const start = window[0]!.start;
        const end = window[n - 1]!.end;
        return { kind, start, end, written: source.slice(start, end), names, entities: entitiesOf(names), firstToken: i, endToken: i + n };
      };
      if (punctuation === 1) {
        // "Song. Kang": only the exact letters of a person's name, so "a song. Kang ..." is prose.
        const names = (kb.byKey.get(key) ?? []).filter((nm) => nm.entity.type === 'person' && nm.surface.split(/[\s-]+/).join(' ') === window.map((t) => t.text).join(' '));
        if (names.length && !runsOn(i + n)) return make('punctuation', names);
        continue;
      }
      const written = normalizeWritten(source.slice(window[0]!.start, window[n - 1]!.end));
      const known = kb.byKey.get(key);
      if (known) {
        const exact = known.filter((nm) => nm.surface === written);
        if (n === 1 && !exact.length) continue; // "nevertheless" the word, not the drama
        if (known.some((nm) => nm.entity.type !== 'drama') && (runsOn(i + n) || runsOnBefore(i))) return 'skip';
        if (exact.length) return make('exact', exact);
        const people = known.filter((nm) => nm.entity.type !== 'drama');
        if (people.length && isWrongCase(written, people)) return make('case', people);
        return make('exact', known);
      }
      if (n < 2) continue;
      const reversed = kb.byReversedKey.get(key);
      if (reversed && window[0]!.capitalized && !runsOn(i + n) && !runsOnBefore(i)) return make('order', reversed);
      const near = n <= fuzzyWords ? nearMiss(i, n) : null;
      if (near && !runsOn(i + n) && !runsOnBefore(i)) return make('spelling', near);
    }
    return null;
  }


  /** The token at `j` continues a name: a capitalized syllable joined by a name gap. */
  function runsOn(j: number): boolean {
    const next = tokens[j];
    return !!next && next.capitalized && kinds[j - 1] === 'name' && isRomanizedSyllable(next.text) && !kb.byKey.has(next.lower);
  }
  function runsOnBefore(i: number): boolean {
    if (i - 1 < matchedUpTo) return false; // the end of the name just found: two names in a row
    const prev = tokens[i - 1];
    // A family name before: "Park Song Kang". Only a capitalized syllable mid-sentence counts.
    return !!prev && prev.capitalized && kinds[i - 1] === 'name' && isRomanizedSyllable(prev.text) && !kb.byKey.has(prev.lower) && !/[.!?:]\s*$/.test(masked.slice(Math.max(0, prev.start - 2), prev.start));
  }

  /** One word of a person's or role's name misspelt; capitalized words only, so prose is left alone. */
  function nearMiss(i: number, n: number): KbName[] | null {
    // Every word capitalized, except after a hyphen ("Yan Hye-ji").
    for (let k = 0; k < n; k++) if (!tokens[i + k]!.capitalized && !(k > 0 && gaps[i + k - 1] === '-')) return null;
    const words = tokens.slice(i, i + n).map((t) => t.lower);
    let best: { cost: number; names: KbName[] } | null = null;
    for (let k = 0; k < words.length; k++) {
      for (const { name } of kb.byWildcard.get(wildcardKey(words, k)) ?? []) {
        const cost = wordCost(words[k]!, name.words[k]!, words.length);
        if (cost === null) continue;
        if (!best || cost < best.cost) best = { cost, names: [name] };
        else if (cost === best.cost && !best.names.includes(name)) best.names.push(name);
      }
    }
    if (!best) return null;
    // Two different entities equally near: the linter cannot say which one was meant.
    return entitiesOf(best.names).length === 1 ? best.names : null;
  }
}

function gapKind(gap: string): 'name' | 'punct' | 'other' {
  if (gap !== '' && NAME_GAP.test(gap)) return 'name';
  if (PUNCT_GAP.test(gap)) return 'punct';
  return 'other';
}

// First words of every known spelling (straight and reversed), and the most words a near miss
// can have, per knowledge base.
const statsCache = new WeakMap<LintKb, { firstWords: Set<string>; fuzzyWords: number }>();
function statsOf(kb: LintKb): { firstWords: Set<string>; fuzzyWords: number } {
  let stats = statsCache.get(kb);
  if (!stats) {
    const firstWords = new Set([...kb.byKey.keys(), ...kb.byReversedKey.keys()].map((k) => k.split(' ')[0]!));
    const fuzzyWords = Math.max(0, ...[...kb.byWildcard.keys()].map((k) => k.split(' ').length));
    stats = { firstWords, fuzzyWords };
    statsCache.set(kb, stats);
  }
  return stats;
}

/** Cost of reading `written` as `known`, or null when it is too far to be a slip. */
function wordCost(written: string, known: string, wordsInName: number): number | null {
  if (written === known) return null;
  if (areRomanizationVariants(written, known)) return 0.5;
  // One letter off, only in names of three words or more: two-word names are too short to tell
  // a slip from another person (Song Kang / Sung Kang).
  if (wordsInName >= 3 && Math.max(written.length, known.length) >= 3 && distance(written, known) === 1) return 1;
  return null;
}

/**
 * Case differs from every stored spelling. All capitals (a headline style) and a capital after a
 * hyphen ("Jae-Eon", a common house style) are not errors.
 */
function isWrongCase(written: string, known: KbName[]): boolean {
  if (written === written.toUpperCase()) return false;
  const soft = (s: string) => s.replace(/-(\p{L})/gu, (_, c: string) => `-${c.toLowerCase()}`);
  if (known.some((nm) => soft(nm.surface) === soft(written))) return false;
  // A name made of English words is prose when all lowercase; a Korean name is not.
  return /\p{Lu}/u.test(written) || known.some((nm) => nm.words.every(isRomanizedSyllable));
}
