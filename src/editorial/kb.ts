import type { LintSources } from './lint.repository.js';

/** Which pronouns a person uses, reduced to what the pronoun rule compares. */
export type PronounSet = 'he' | 'she' | 'they';

/** A person, role or drama of the knowledge base, as the linter sees it. */
export interface KbEntity {
  type: 'person' | 'role' | 'drama';
  id: number;
  /** Display name, character name or title. */
  name: string;
  href: string;
  /** For a role: who played it, in which drama. */
  personId?: number;
  dramaId?: number;
  dramaTitle?: string;
}

/** One spelling of an entity's name. */
export interface KbName {
  /** As stored, whitespace collapsed: "Han So-hee". */
  surface: string;
  /** Lowercase words, markup and hyphens dropped: "han so hee". */
  key: string;
  words: string[];
  entity: KbEntity;
  /** A stored alias rather than the display name. */
  isAlias: boolean;
}

export interface KbPerson {
  id: number;
  name: string;
  pronouns: PronounSet | null;
  /** As stored, for messages: "she/her". */
  pronounsText: string | null;
  roles: KbEntity[];
}

/** The knowledge base, indexed once for linting many texts. */
export interface LintKb {
  /** Every spelling by its lowercase word key (Latin script only). */
  byKey: Map<string, KbName[]>;
  /** People's spellings keyed by their words with the family name moved last ("kang song"). */
  byReversedKey: Map<string, KbName[]>;
  /** People's and roles' spellings keyed with one word left out ("yang * ji"), for near misses. */
  byWildcard: Map<string, { name: KbName; missing: number }[]>;
  people: Map<number, KbPerson>;
  roles: Map<number, KbEntity>;
  /** Most words in any name: the longest window the scanner tries. */
  maxWords: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const HANGUL = /\p{Script=Hangul}/u;

export function wordsOf(s: string): string[] {
  return (s.toLowerCase().match(WORD) ?? []) as string[];
}

export function parsePronouns(text: string | null): PronounSet | null {
  const first = text?.trim().toLowerCase().split(/[\s/,]+/)[0];
  if (first === 'he' || first === 'she' || first === 'they') return first;
  return null;
}

/** Builds the indexes the rules look names up in; linear in the size of the knowledge base. */
export function buildLintKb(sources: LintSources): LintKb {
  const kb: LintKb = { byKey: new Map(), byReversedKey: new Map(), byWildcard: new Map(), people: new Map(), roles: new Map(), maxWords: 1 };
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const pronouns = new Map(sources.pronouns.map((p) => [p.id, p.pronouns]));
  const dramas = new Map(sources.dramas.map((d) => [d.id, d]));

  const add = (surfaceRaw: string | null, entity: KbEntity, isAlias: boolean) => {
    const surface = surfaceRaw?.trim().replace(/\s+/g, ' ');
    if (!surface || HANGUL.test(surface)) return;
    const words = wordsOf(surface);
    if (words.length === 0) return;
    const name: KbName = { surface, key: words.join(' '), words, entity, isAlias };
    push(kb.byKey, name.key, name);
    kb.maxWords = Math.max(kb.maxWords, words.length);
    if (entity.type === 'drama' || words.length < 2) return;
    if (entity.type === 'person') push(kb.byReversedKey, [...words.slice(1), words[0]].join(' '), name);
    for (let k = 0; k < words.length; k++) push(kb.byWildcard, wildcardKey(words, k), { name, missing: k });
  };

  for (const p of sources.people) {
    const entity: KbEntity = { type: 'person', id: p.id, name: p.display_name, href: `/people/${p.slug}` };
    const text = pronouns.get(p.id) ?? null;
    kb.people.set(p.id, { id: p.id, name: p.display_name, pronouns: parsePronouns(text), pronounsText: text, roles: [] });
    add(p.display_name, entity, false);
  }
  const peopleById = new Map(sources.people.map((p) => [p.id, p]));
  for (const a of sources.personAliases) {
    const p = peopleById.get(a.person_id);
    if (p) add(a.alias, { type: 'person', id: p.id, name: p.display_name, href: `/people/${p.slug}` }, true);
  }
  for (const d of sources.dramas) add(d.title, { type: 'drama', id: d.id, name: d.title, href: `/dramas/${d.slug}` }, false);
  for (const a of sources.dramaAliases) {
    const d = dramas.get(a.drama_id);
    if (d) add(a.alias, { type: 'drama', id: d.id, name: d.title, href: `/dramas/${d.slug}` }, true);
  }
  for (const r of sources.roles) {
    const d = dramas.get(r.drama_id);
    if (!d) continue;
    const entity: KbEntity = { type: 'role', id: r.id, name: r.character_name, href: `/dramas/${d.slug}#role-${r.id}`, personId: r.person_id, dramaId: d.id, dramaTitle: d.title };
    kb.roles.set(r.id, entity);
    kb.people.get(r.person_id)?.roles.push(entity);
    add(r.character_name, entity, false);
  }
  for (const a of sources.roleAliases) {
    const role = kb.roles.get(a.role_id);
    if (role) add(a.alias, role, true);
  }
  return kb;
}

export function wildcardKey(words: readonly string[], missing: number): string {
  return words.map((w, i) => (i === missing ? '*' : w)).join(' ');
}

/** The distinct entities among some spellings. */
export function entitiesOf(names: readonly KbName[]): KbEntity[] {
  const out = new Map<string, KbEntity>();
  for (const n of names) out.set(`${n.entity.type}:${n.entity.id}`, n.entity);
  return [...out.values()];
}
