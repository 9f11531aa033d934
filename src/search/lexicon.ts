import { distance } from 'fastest-levenshtein';
import { compact, foldCase, hasHangul, tokenize, withoutParticle } from './normalize.js';
import { SURNAME_SPELLINGS } from './romanizations.js';
import { addTo, appendTo, listOf, type OneOrMany } from '../lib/one-or-many.js';

/** A person or drama the lexicon knows by name. */
export interface LexiconEntity {
  type: 'person' | 'drama';
  id: number;
  slug: string;
  /** Display name or title. */
  name: string;
  /** Hangul name or native title. */
  nativeName: string | null;
}

/** How a query's words named an entity, best first. */
export type MatchHow = 'exact' | 'alias' | 'variant' | 'fuzzy' | 'word';
const HOW_SCORE: Record<MatchHow, number> = { exact: 1, alias: 0.95, variant: 0.85, fuzzy: 0.7, word: 0.4 };

export interface EntityMatch {
  entity: LexiconEntity;
  how: MatchHow;
  /** 0..1; exact names score highest, then aliases, romanization variants, typos, single words. */
  score: number;
  /** Query tokens [start, end) that named it. */
  start: number;
  end: number;
}

export interface LexiconSources {
  people: { id: number; slug: string; display_name: string; family_name: string; given_name: string; hangul_name: string | null }[];
  personAliases: { person_id: number; alias: string }[];
  dramas: { id: number; slug: string; title: string; native_title: string | null }[];
  dramaAliases: { drama_id: number; alias: string }[];
}

// Longest run of query words tried as one name ("Park Jae Eon" is 3; 5 leaves room for titles).
const MAX_NAME_WORDS = 5;
/** Edits allowed between a typed name and a known one, by the length of the typed name. */
const maxEditsFor = (length: number): number => (length >= 10 ? 2 : length >= 5 ? 1 : 0);

/** The letters of a word as 32 bits (a–z one each; any other character shares the last six). */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    bits |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return bits;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// One collator for every sort: String#localeCompare builds one per call.
const compareNames = new Intl.Collator('en').compare;

const surnameGroups = new Map<string, string[]>();
for (const g of SURNAME_SPELLINGS) {
  for (const s of g.spellings) surnameGroups.set(s, [...new Set([...(surnameGroups.get(s) ?? []), ...g.spellings])]);
}

/**
 * Who a compact form names: the entity's index × 2, plus 1 when the form is an alias rather than
 * the entity's own name (one number per entity; 20,000 people made ~170,000 forms).
 */
/**
 * The knowledge base's names in compact form (case, spaces and hyphens removed), with the
 * spellings a reader might type: aliases, swapped name order, Hangul. A family name spelled
 * another way ("Yi", "Rhee" for Lee) is tried at lookup time instead of being stored for every
 * person. Matching a query is a map lookup, then an edit-distance pass for typos.
 */
export class SearchLexicon {
  private readonly entities: LexiconEntity[] = [];
  private readonly forms = new Map<string, OneOrMany<number>>();
  /** The forms by length, for the typo pass, each with the set of its letters (letterSet). */
  private readonly formsByLength: { form: string; letters: number }[][] = [];
  /** Every word of every name (the "did you mean" vocabulary) and who it is part of. */
  private readonly words = new Map<string, OneOrMany<number>>();

  constructor(sources: LexiconSources) {
    const people = new Map<number, number>();
    for (const p of sources.people) {
      const e = this.entity({ type: 'person', id: p.id, slug: p.slug, name: p.display_name, nativeName: p.hangul_name });
      people.set(p.id, e);
      this.add(p.display_name, e, false);
      if (p.hangul_name) this.add(p.hangul_name, e, false);
      this.add(`${p.given_name} ${p.family_name}`, e, true);
    }
    for (const a of sources.personAliases) {
      const e = people.get(a.person_id);
      if (e === undefined) continue;
      this.add(a.alias, e, true);
      const words = tokenize(a.alias);
      // "Song Gang" → also "Gang Song".
      if (words.length >= 2) this.add([...words.slice(1), words[0]].join(' '), e, true);
    }
    const dramas = new Map<number, number>();
    for (const d of sources.dramas) {
      const e = this.entity({ type: 'drama', id: d.id, slug: d.slug, name: d.title, nativeName: d.native_title });
      dramas.set(d.id, e);
      this.add(d.title, e, false);
      if (d.native_title) this.add(d.native_title, e, false);
    }
    for (const a of sources.dramaAliases) {
      const e = dramas.get(a.drama_id);
      if (e !== undefined) this.add(a.alias, e, true);
    }
  }

  /** How many compact forms and words it knows (for the bench). */
  get size(): { forms: number; words: number } {
    return { forms: this.forms.size, words: this.words.size };
  }

  private entity(e: LexiconEntity): number {
    return this.entities.push(e) - 1;
  }

  private add(name: string, entity: number, alias: boolean): void {
    const key = compact(name);
    if (!key) return;
    const code = entity * 2 + (alias ? 1 : 0);
    if (!this.forms.has(key)) (this.formsByLength[key.length] ??= []).push({ form: key, letters: letterSet(key) });
    const codes = listOf(this.forms.get(key));
    const same = codes.findIndex((c) => c >> 1 === entity);
    if (same < 0) appendTo(this.forms, key, code);
    // The entity's own name outranks an alias spelled the same (a stored array changes in place).
    else if (!alias) {
      if (codes.length > 1) codes[same] = code;
      else this.forms.set(key, code);
    }
    for (const w of tokenize(name)) addTo(this.words, w, entity);
  }

  private named(code: number, how?: MatchHow): { entity: LexiconEntity; how: MatchHow; score: number } {
    const h = how ?? (code & 1 ? 'alias' : 'exact');
    return { entity: this.entities[code >> 1]!, how: h, score: HOW_SCORE[h] };
  }

  /**
   * The entities a query names. Runs of words are tried longest first from each position, so
   * "song kang nevertheless" names Song Kang and Nevertheless; a run that names nothing exactly
   * may still name someone within a typo or two ("yan hye ji"). Words no name claims may still
   * be one word of a name ("hee"), which counts for little.
   */
  match(query: string): EntityMatch[] {
    const tokens = tokenize(query).map((t) => (this.forms.has(t) ? t : (withoutParticle(t) ?? t)));
    const out: EntityMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      let found = false;
      for (let n = Math.min(MAX_NAME_WORDS, tokens.length - i); n >= 1 && !found; n--) {
        const hits = this.lookup(tokens.slice(i, i + n));
        if (!hits.length) continue;
        for (const h of hits) out.push({ ...h, start: i, end: i + n });
        i += n;
        found = true;
      }
      if (!found) {
        for (const e of listOf(this.words.get(tokens[i]!))) out.push({ entity: this.entities[e]!, how: 'word', score: HOW_SCORE.word, start: i, end: i + 1 });
        i++;
      }
    }
    // One entry per entity, its best match.
    const best = new Map<string, EntityMatch>();
    for (const m of out) {
      const key = `${m.entity.type}:${m.entity.id}`;
      const prev = best.get(key);
      if (!prev || m.score > prev.score) best.set(key, m);
    }
    return [...best.values()].sort((a, b) => b.score - a.score || compareNames(a.entity.name, b.entity.name));
  }

  private lookup(tokens: string[]): { entity: LexiconEntity; how: MatchHow; score: number }[] {
    const key = tokens.join('');
    const exact = this.forms.get(key);
    if (exact !== undefined) return listOf(exact).map((c) => this.named(c));
    const variants = this.surnameVariants(tokens);
    if (variants.length) return variants;
    // Typos only over a whole name of two or more words (or one long Latin word): a single short
    // word within one edit of a name is more often another word.
    const maxEdits = hasHangul(key) ? 0 : tokens.length >= 2 || key.length >= 8 ? maxEditsFor(key.length) : 0;
    if (!maxEdits) return [];
    let bestDistance = maxEdits + 1;
    let hits: { entity: LexiconEntity; how: MatchHow; score: number }[] = [];
    const letters = letterSet(key);
    for (let length = Math.max(1, key.length - maxEdits); length <= key.length + maxEdits; length++) {
      for (const { form, letters: formLetters } of this.formsByLength[length] ?? []) {
        // Each edit brings in at most one letter the other lacks: a cheap bound before the real distance.
        if (bitCount(letters & ~formLetters) > maxEdits || bitCount(formLetters & ~letters) > maxEdits) continue;
        const d = distance(form, key);
        if (d > maxEdits || d > bestDistance) continue;
        const scored = listOf(this.forms.get(form)).map((c) => ({ ...this.named(c, 'fuzzy'), score: HOW_SCORE.fuzzy - 0.05 * d }));
        if (d < bestDistance) {
          bestDistance = d;
          hits = scored;
        } else hits.push(...scored);
      }
    }
    return hits;
  }

  /**
   * People named with their family name spelled another way, first or last: "Yi Ho Jung" and
   * "Ho Jung Rhee" for Lee Ho Jung (every spelling of the same Hangul family name counts).
   */
  private surnameVariants(tokens: string[]): { entity: LexiconEntity; how: MatchHow; score: number }[] {
    if (tokens.length < 2) return [];
    const found = new Map<number, { entity: LexiconEntity; how: MatchHow; score: number }>();
    for (const at of [0, tokens.length - 1]) {
      const typed = tokens[at]!;
      const rest = tokens.filter((_, i) => i !== at).join('');
      for (const spelling of surnameGroups.get(typed) ?? []) {
        if (spelling === typed) continue;
        for (const c of listOf(this.forms.get(at === 0 ? spelling + rest : rest + spelling))) {
          const named = this.named(c, 'variant');
          if (named.entity.type === 'person') found.set(c >> 1, named);
        }
      }
    }
    return [...found.values()];
  }

  /** The known word closest to `word` within a typo or two, for "did you mean". */
  closestWord(word: string): string | undefined {
    const w = foldCase(word);
    const maxEdits = maxEditsFor(w.length) || (w.length >= 4 ? 1 : 0);
    let best: string | undefined;
    let bestD = maxEdits + 1;
    for (const v of this.words.keys()) {
      if (Math.abs(v.length - w.length) > maxEdits) continue;
      const d = distance(v, w);
      if (d > 0 && d < bestD) {
        best = v;
        bestD = d;
      }
    }
    return best;
  }
}
