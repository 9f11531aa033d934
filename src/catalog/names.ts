import { addTo, appendTo, listOf, type OneOrMany } from '../lib/one-or-many.js';
import type { NameSources } from './catalog.repository.js';

/** A knowledge-base entity that a name in a text can point to. */
export interface EntityRef {
  type: 'person' | 'drama' | 'role';
  id: number;
  /** The entity's own name (display name, title or character name). */
  name: string;
  /** Page the name links to. */
  href: string;
  /** For a role: the actor and the drama. */
  personId?: number;
  dramaId?: number;
}

/** One place in a text where a known name appears. */
export interface Mention {
  /** UTF-16 offsets into the text searched. */
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Every entity that name can mean; more than one person means an editor must settle it. */
  candidates: EntityRef[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HANGUL = /\p{Script=Hangul}/u;

// What may follow a Hangul name inside a word: case particles and honorifics, up to two stacked
// (송강에게는). Anything else makes it a longer word: 비 (the singer Rain) is not found in 비빔밥,
// nor 송강 in 송강남. Longest first, so the alternation tries 에게 before 에.
const HANGUL_PARTICLES = ['에게서', '에서는', '에게', '한테', '께서', '에서', '으로', '이랑', '하고', '처럼', '보다', '까지', '부터', '이나', '이고', '이며', '이다', '이야',
  '은', '는', '이', '가', '을', '를', '의', '와', '과', '도', '만', '께', '에', '로', '랑', '나', '고', '며', '님', '씨', '야', '아'];
/** Sticky: at a position, does a Hangul name end here (particles allowed) or another name (none)? */
const HANGUL_TAIL = new RegExp(`(?:${HANGUL_PARTICLES.join('|')}){0,2}(?![\\p{L}\\p{N}])`, 'uy');
const WORD_END = /(?![\p{L}\p{N}])/uy;
const SPACE = /\s/;

const sameEntity = (a: EntityRef, b: EntityRef): boolean => a.type === b.type && a.id === b.id;

/** The code point that ends just before `i` (a surrogate pair counts as one). */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/**
 * Where the rest of the name `surface` (its words joined by single spaces; its first word, of
 * `firstLength` code units, ends at `pos` in `text`) ends in `text`, or -1.
 * Between words: any whitespace with at most one line break (a name may be wrapped over a line,
 * but a blank line ends a paragraph, so "…with Song" / "Kang said…" in two paragraphs is not one).
 * After the last word: no further letter or digit, except Hangul particles after a Hangul name.
 */
function matchRest(text: string, pos: number, surface: string, firstLength: number): number {
  let k = pos;
  for (let w = firstLength; w < surface.length; ) {
    const gapStart = k;
    let breaks = 0;
    while (k < text.length && SPACE.test(text[k]!)) if (text[k++] === '\n' && ++breaks > 1) return -1;
    if (k === gapStart) return -1;
    const next = surface.indexOf(' ', w + 1);
    const wordEnd = next < 0 ? surface.length : next;
    for (let c = w + 1; c < wordEnd; c++, k++) if (text.charCodeAt(k) !== surface.charCodeAt(c)) return -1;
    w = wordEnd;
  }
  const tail = HANGUL.test(surface.at(-1) ?? '') ? HANGUL_TAIL : WORD_END;
  tail.lastIndex = k;
  return tail.test(text) ? k : -1;
}

/**
 * Finds the names of the knowledge base in a text. Matching is case-sensitive (the linter,
 * not the linker, deals with "Kang song"), spans any whitespace between the words of a name
 * (so a name broken over a line still counts) and stops at letter boundaries, so "Song Kang's"
 * is found and "Kangaroo" is not. A Hangul name may carry a particle (송강은, 한소희가).
 */
export class NameIndex {
  /** Every entity a name can mean (most names mean exactly one). */
  private readonly bySurface = new Map<string, OneOrMany<EntityRef>>();
  // Names by their first word, longest name first. A big knowledge base (tens of thousands of
  // names) is matched by a lookup per word start, not one regular expression of every name, which
  // gets too large to compile and slower with every name added. Names are kept as their one
  // string (no word lists or objects per name): at 70,000 names that saved ~10 MB of heap.
  private readonly byFirstWord = new Map<string, OneOrMany<string>>();
  /** Code points that begin a name: only there can a name start. */
  private readonly firstCodePoints = new Set<number>();
  private longestFirstWord = 0;

  constructor(sources: NameSources) {
    const add = (surface: string | null | undefined, ref: EntityRef) => {
      const s = surface?.trim().replace(/\s+/g, ' ');
      if (!s) return;
      addTo(this.bySurface, s, ref, sameEntity);
    };
    const people = new Map(sources.people.map((p) => [p.id, p]));
    const dramas = new Map(sources.dramas.map((d) => [d.id, d]));
    for (const p of sources.people) {
      const ref: EntityRef = { type: 'person', id: p.id, name: p.display_name, href: `/people/${p.slug}` };
      add(p.display_name, ref);
      add(p.hangul_name, ref);
    }
    for (const a of sources.personAliases) {
      const p = people.get(a.person_id);
      if (p) add(a.alias, { type: 'person', id: p.id, name: p.display_name, href: `/people/${p.slug}` });
    }
    for (const d of sources.dramas) {
      const ref: EntityRef = { type: 'drama', id: d.id, name: d.title, href: `/dramas/${d.slug}` };
      add(d.title, ref);
      add(d.native_title, ref);
    }
    for (const a of sources.dramaAliases) {
      const d = dramas.get(a.drama_id);
      if (d) add(a.alias, { type: 'drama', id: d.id, name: d.title, href: `/dramas/${d.slug}` });
    }
    const roles = new Map(sources.roles.map((r) => [r.id, r]));
    const roleRef = (r: (typeof sources.roles)[number]): EntityRef | null => {
      const d = dramas.get(r.drama_id);
      if (!d) return null;
      return { type: 'role', id: r.id, name: r.character_name, href: `/dramas/${d.slug}#role-${r.id}`, personId: r.person_id, dramaId: r.drama_id };
    };
    for (const r of sources.roles) {
      const ref = roleRef(r);
      if (ref) add(r.character_name, ref);
    }
    for (const a of sources.roleAliases) {
      const r = roles.get(a.role_id);
      const ref = r && roleRef(r);
      if (ref) add(a.alias, ref);
    }

    for (const surface of this.bySurface.keys()) {
      const space = surface.indexOf(' ');
      const first = space < 0 ? surface : surface.slice(0, space);
      appendTo(this.byFirstWord, first, surface);
      this.firstCodePoints.add(first.codePointAt(0)!);
      this.longestFirstWord = Math.max(this.longestFirstWord, first.length);
    }
    // Longest names first, so "Park Jae Eon" wins over a shorter name inside it.
    for (const names of this.byFirstWord.values()) if (typeof names !== 'string') names.sort((a, b) => b.length - a.length);
  }

  /**
   * Every mention in `text`, in order, without overlaps. `markedAsTitle` says the whole text sits
   * in emphasis or quotes (as a drama title in Markdown does), so a one-word title counts anywhere.
   */
  find(text: string, options: { markedAsTitle?: boolean } = {}): Mention[] {
    const out: Mention[] = [];
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      // A name starts only where no letter or digit comes just before it.
      if (!this.firstCodePoints.has(cp) || LETTER_OR_DIGIT.test(charBefore(text, i))) {
        i += width;
        continue;
      }
      // Every first word that the text here begins with; of the names that match, the longest.
      let best: { surface: string; end: number } | undefined;
      for (let j = i + 1; j <= text.length && j - i <= this.longestFirstWord && !SPACE.test(text[j - 1]!); j++) {
        const names = this.byFirstWord.get(text.slice(i, j));
        if (names === undefined) continue;
        for (let n = 0, count = typeof names === 'string' ? 1 : names.length; n < count; n++) {
          const surface = typeof names === 'string' ? names : names[n]!;
          if (best && surface.length <= best.surface.length) break;
          const end = matchRest(text, j, surface, j - i);
          if (end >= 0) best = { surface, end };
        }
      }
      if (!best) {
        i += width;
        continue;
      }
      const written = text.slice(i, best.end);
      const candidates = listOf(this.bySurface.get(best.surface));
      if (options.markedAsTitle || !isWeakAtSentenceStart(written, text, i)) out.push({ start: i, end: best.end, text: written, candidates });
      i = best.end;
    }
    return out;
  }

  /** How many distinct names it knows. */
  get size(): number {
    return this.bySurface.size;
  }

  /** The entities a name can mean, or an empty list. */
  lookup(name: string): EntityRef[] {
    return listOf(this.bySurface.get(name.trim().replace(/\s+/g, ' ')));
  }
}

/**
 * A one-word title such as "Nevertheless" is also an ordinary word. At the start of a sentence it
 * is far more often the word than the drama, so it only counts there when marked as a title
 * (italics or quotes), as style guides ask for drama titles anyway.
 */
function isWeakAtSentenceStart(written: string, text: string, start: number): boolean {
  if (/\s/.test(written) || HANGUL.test(written)) return false;
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[*_"“‘']$/.test(before)) return false;
  let i = start - 1;
  let lineBreaks = 0;
  for (; i >= 0 && /\s/.test(text[i]!); i--) if (text[i] === '\n') lineBreaks++;
  // The start of the text or of a paragraph (a blank line before) starts a sentence too.
  if (i < 0 || lineBreaks >= 2) return true;
  const ch = text[i]!;
  if (/[.!?:]/.test(ch)) return true;
  // "# Nevertheless" heading or "- Nevertheless" list item start a sentence too.
  if (/[#>\-]/.test(ch) && (i === 0 || text[i - 1] === '\n' || text[i - 1] === ' ')) return !LETTER_OR_DIGIT.test(text[i - 1] ?? '');
  return false;
}
