import { distance } from 'fastest-levenshtein';
import { compact, foldCase, hasHangul, tokenize, withoutParticle } from './normalize.js';
import { SURNAME_SPELLINGS } from './romanizations.js';

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

const surnameGroups = new Map<string, string[]>();
for (const g of SURNAME_SPELLINGS) {
  for (const s of g.spellings) surnameGroups.set(s, [...new Set([...(surnameGroups.get(s) ?? []), ...g.spellings])]);
}

/**
 * The knowledge base's names in compact form (case, spaces and hyphens removed), with every
 * spelling a reader might type: aliases, swapped name order, romanization variants of the family
 * name, Hangul. Matching a query is a map lookup, then an edit-distance pass for typos.
 */
export class SearchLexicon {
  private readonly forms = new Map<string, { entity: LexiconEntity; how: MatchHow }[]>();
  private readonly words = new Map<string, LexiconEntity[]>();
  /** Every word of every name, for "did you mean". */
  readonly vocabulary = new Set<string>();

  constructor(sources: LexiconSources) {
    const people = new Map<number, LexiconEntity>();
    for (const p of sources.people) {
      const e: LexiconEntity = { type: 'person', id: p.id, slug: p.slug, name: p.display_name, nativeName: p.hangul_name };
      people.set(p.id, e);
      this.add(p.display_name, e, 'exact');
      if (p.hangul_name) this.add(p.hangul_name, e, 'exact');
      this.add(`${p.given_name} ${p.family_name}`, e, 'alias');
      const family = compact(p.family_name);
      for (const variant of surnameGroups.get(family) ?? []) {
        if (variant === family) continue;
        this.add(`${variant} ${p.given_name}`, e, 'variant');
        this.add(`${p.given_name} ${variant}`, e, 'variant');
      }
    }
    for (const a of sources.personAliases) {
      const e = people.get(a.person_id);
      if (!e) continue;
      this.add(a.alias, e, 'alias');
      const words = tokenize(a.alias);
      // "Song Gang" → also "Gang Song".
      if (words.length >= 2) this.add([...words.slice(1), words[0]].join(' '), e, 'alias');
    }
    const dramas = new Map<number, LexiconEntity>();
    for (const d of sources.dramas) {
      const e: LexiconEntity = { type: 'drama', id: d.id, slug: d.slug, name: d.title, nativeName: d.native_title };
      dramas.set(d.id, e);
      this.add(d.title, e, 'exact');
      if (d.native_title) this.add(d.native_title, e, 'exact');
    }
    for (const a of sources.dramaAliases) {
      const e = dramas.get(a.drama_id);
      if (e) this.add(a.alias, e, 'alias');
    }
  }

  private add(name: string, entity: LexiconEntity, how: MatchHow): void {
    const key = compact(name);
    if (!key) return;
    const list = this.forms.get(key) ?? [];
    const same = list.find((f) => f.entity.type === entity.type && f.entity.id === entity.id);
    if (same) {
      if (HOW_SCORE[how] > HOW_SCORE[same.how]) same.how = how;
    } else list.push({ entity, how });
    this.forms.set(key, list);
    for (const w of tokenize(name)) {
      this.vocabulary.add(w);
      const ws = this.words.get(w) ?? [];
      if (!ws.includes(entity)) ws.push(entity);
      this.words.set(w, ws);
    }
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
        const key = tokens.slice(i, i + n).join('');
        const hits = this.lookup(key, n);
        if (!hits.length) continue;
        for (const h of hits) out.push({ ...h, start: i, end: i + n });
        i += n;
        found = true;
      }
      if (!found) {
        for (const entity of this.words.get(tokens[i]!) ?? []) out.push({ entity, how: 'word', score: HOW_SCORE.word, start: i, end: i + 1 });
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
    return [...best.values()].sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name));
  }

  private lookup(key: string, words: number): { entity: LexiconEntity; how: MatchHow; score: number }[] {
    const exact = this.forms.get(key);
    if (exact) return exact.map((f) => ({ ...f, score: HOW_SCORE[f.how] }));
    // Typos only over a whole name of two or more words (or one long Latin word): a single short
    // word within one edit of a name is more often another word.
    const maxEdits = hasHangul(key) ? 0 : words >= 2 || key.length >= 8 ? maxEditsFor(key.length) : 0;
    if (!maxEdits) return [];
    let bestDistance = maxEdits + 1;
    let hits: { entity: LexiconEntity; how: MatchHow; score: number }[] = [];
    for (const [form, entries] of this.forms) {
      if (Math.abs(form.length - key.length) > maxEdits) continue;
      const d = distance(form, key);
      if (d > maxEdits || d > bestDistance) continue;
      const scored = entries.map((f) => ({ entity: f.entity, how: 'fuzzy' as const, score: HOW_SCORE.fuzzy - 0.05 * d }));
      if (d < bestDistance) {
        bestDistance = d;
        hits = scored;
      } else hits.push(...scored);
    }
    return hits;
  }

  /** The known word closest to `word` within a typo or two, for "did you mean". */
  closestWord(word: string): string | undefined {
    const w = foldCase(word);
    const maxEdits = maxEditsFor(w.length) || (w.length >= 4 ? 1 : 0);
    let best: string | undefined;
    let bestD = maxEdits + 1;
    for (const v of this.vocabulary) {
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
