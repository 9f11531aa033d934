import { distance } from 'fastest-levenshtein';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.js';
import type { Database } from '../db/database.js';
import { DomainError } from '../lib/errors.js';
import { SearchLexicon, type EntityMatch, type MatchHow } from './lexicon.js';
import { tokenize } from './normalize.js';
import { matchStoryText, similarTerms } from './search.fts.js';
import { listStoriesLinkedTo, loadLexiconSources, loadStoryCandidates, type StoryFilters } from './search.repository.js';
import { buildSnippet, type SnippetPart } from './snippet.js';

export type { StoryFilters } from './search.repository.js';

/** What a reader typed and which page of stories they want. */
export interface SearchQuery {
  q: string;
  /** 1-based page of stories. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface StoryHit {
  slug: string;
  kind: string;
  headline: string;
  /** The headline cut into parts, matched words marked. */
  headlineParts: SnippetPart[];
  dek: string;
  /** Text around the first match in the dek or body. */
  snippet: SnippetPart[];
  published_at: string | null;
  author_name: string | null;
  lead_image_url: string | null;
  lead_image_alt: string | null;
  /** Relevance with the recency boost; higher first. */
  score: number;
}

export interface EntityHit {
  type: 'person' | 'drama';
  slug: string;
  name: string;
  nativeName: string | null;
  /** How the query named it (exact, alias, romanization variant, typo, one word). */
  how: MatchHow;
}

export interface SearchResults {
  query: string;
  stories: { items: StoryHit[]; total: number; page: number; pageSize: number; hasNext: boolean };
  people: EntityHit[];
  dramas: EntityHit[];
  /** A corrected query when the one typed looks misspelled; null otherwise. */
  didYouMean: string | null;
}

export const MAX_QUERY_CHARS = 200;
const DEFAULT_PAGE_SIZE = 10;
// Candidates scored per query: plenty for ten pages, bounded for 100,000 stories.
const MAX_CANDIDATES = 500;
const MAX_ENTITIES_SHOWN = 8;
// A story's freshness halves its boost every RECENCY_HALF_LIFE_DAYS.
const RECENCY_HALF_LIFE_DAYS = 21;
const WEIGHT = { entity: 0.6, text: 0.3, recency: 0.25 };

const lexicons = new WeakMap<object, Promise<SearchLexicon>>();

/**
 * The lexicon of the knowledge base, built once per `version` object: the app passes its current
 * NameIndex, which it replaces after every catalog write, so a new name is searchable at once.
 */
export function lexiconFor(version: object, db: Kysely<Database>): Promise<SearchLexicon> {
  let p = lexicons.get(version);
  if (!p) {
    p = loadLexiconSources(db).then((s) => new SearchLexicon(s));
    p.catch(() => lexicons.delete(version));
    lexicons.set(version, p);
  }
  return p;
}

function validateFilters(f: StoryFilters): void {
  for (const key of ['from', 'to'] as const) {
    const v = f[key];
    if (v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))) throw new DomainError(`${key} must be a date as YYYY-MM-DD`, 400, key);
  }
  if (f.from && f.to && f.from > f.to) throw new DomainError('from must not be after to', 400, 'from');
}

/**
 * Searches stories, people and dramas at once. The query is first read against the knowledge
 * base (names in any order, spelling, romanization or script, within a typo), then stories are
 * found by their links to the entities named and by full text, and ranked by how well they match,
 * how exactly the name was typed, and how recent they are.
 */
export async function search(query: SearchQuery, filters: StoryFilters, deps: { db: Db; now: Date; lexicon: SearchLexicon }): Promise<SearchResults> {
  validateFilters(filters);
  const q = query.q.trim().slice(0, MAX_QUERY_CHARS);
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(50, Math.max(1, query.pageSize ?? DEFAULT_PAGE_SIZE));
  const tokens = tokenize(q);
  const empty: SearchResults = { query: q, stories: { items: [], total: 0, page, pageSize, hasNext: false }, people: [], dramas: [], didYouMean: null };
  if (!tokens.length) return empty;
  const nowIso = deps.now.toISOString();
  const db = deps.db.kysely;

  const matches = deps.lexicon.match(q);
  const named = matches.filter((m) => m.how !== 'word');
  const claimed = new Set(named.flatMap((m) => range(m.start, m.end)));
  const remainder = tokens.filter((_, i) => !claimed.has(i));

  const [text, remainderText, links] = await Promise.all([
    matchStoryText(deps.db, tokens, MAX_CANDIDATES),
    named.length && remainder.length ? matchStoryText(deps.db, remainder, MAX_CANDIDATES) : Promise.resolve(undefined),
    listStoriesLinkedTo(db, { people: idsOf(named, 'person'), dramas: idsOf(named, 'drama') }, nowIso, MAX_CANDIDATES),
  ]);
  // Linked stories count when they also hold the words that named no one ("song kang webtoon").
  const linked = links.filter((l) => !remainderText || remainderText.has(l.article_id));
  const ids = [...new Set([...linked.map((l) => l.article_id), ...text.keys()])];
  const rows = await loadStoryCandidates(db, ids, filters, nowIso);

  const maxText = Math.max(0, ...text.values());
  const spans = new Set(named.map((m) => `${m.start}:${m.end}`)).size;
  // Mark the names as the knowledge base writes them, and the other words as typed.
  const needles = [...remainder, ...named.flatMap((m) => [m.entity.name, m.entity.nativeName ?? ''])];
  const scored = rows.map((r) => {
    // Best match per span of the query that this story is linked to, averaged over the spans.
    const bySpan = new Map<string, number>();
    for (const m of named) {
      if (!linked.some((l) => l.article_id === r.id && l.type === m.entity.type && l.entity_id === m.entity.id)) continue;
      const k = `${m.start}:${m.end}`;
      bySpan.set(k, Math.max(bySpan.get(k) ?? 0, m.score));
    }
    const entityScore = spans ? [...bySpan.values()].reduce((a, b) => a + b, 0) / spans : 0;
    const textScore = maxText > 0 ? (text.get(r.id) ?? 0) / maxText : 0;
    const ageDays = r.published_at ? Math.max(0, (deps.now.getTime() - Date.parse(r.published_at)) / 86_400_000) : 365;
    const recency = Math.pow(0.5, ageDays / RECENCY_HALF_LIFE_DAYS);
    const score = WEIGHT.entity * entityScore + WEIGHT.text * textScore + WEIGHT.recency * recency;
    return { r, score };
  });
  scored.sort((a, b) => b.score - a.score || (b.r.published_at ?? '').localeCompare(a.r.published_at ?? ''));
  const pageRows = scored.slice((page - 1) * pageSize, page * pageSize);
  const items: StoryHit[] = pageRows.map(({ r, score }) => ({
    slug: r.slug, kind: r.kind, headline: r.headline, headlineParts: buildSnippet(r.headline, needles, 400), dek: r.dek,
    snippet: buildSnippet(`${r.dek} ${r.body_text}`.trim(), needles), published_at: r.published_at, author_name: r.author_name,
    lead_image_url: r.lead_image_url, lead_image_alt: r.lead_image_alt, score: Math.round(score * 1000) / 1000,
  }));

  const entityHits = (type: 'person' | 'drama') => (page === 1 ? matches.filter((m) => m.entity.type === type).slice(0, MAX_ENTITIES_SHOWN).map(toEntityHit) : []);
  const results: SearchResults = {
    query: q,
    stories: { items, total: scored.length, page, pageSize, hasNext: page * pageSize < scored.length },
    people: entityHits('person'),
    dramas: entityHits('drama'),
    didYouMean: null,
  };
  results.didYouMean = await suggest(q, tokens, matches, results, deps);
  return results;
}

function toEntityHit(m: EntityMatch): EntityHit {
  return { type: m.entity.type, slug: m.entity.slug, name: m.entity.name, nativeName: m.entity.nativeName, how: m.how };
}

/**
 * "Did you mean": a name typed with a typo becomes the name itself; when nothing at all was
 * found, each unknown word becomes the closest known word (names first, then story words).
 */
async function suggest(q: string, tokens: string[], matches: EntityMatch[], results: SearchResults, deps: { db: Db; lexicon: SearchLexicon }): Promise<string | null> {
  const fuzzy = matches.filter((m) => m.how === 'fuzzy');
  let words: string[] | undefined;
  if (fuzzy.length) {
    words = [...tokens];
    for (const m of [...fuzzy].sort((a, b) => b.start - a.start)) {
      if (words.slice(m.start, m.end).some((w) => w === '')) continue;
      words.splice(m.start, m.end - m.start, m.entity.name, ...Array<string>(m.end - m.start - 1).fill(''));
    }
  } else if (!results.stories.total && !results.people.length && !results.dramas.length) {
    words = [];
    for (const t of tokens) {
      const fromNames = deps.lexicon.closestWord(t);
      if (fromNames) {
        words.push(fromNames);
        continue;
      }
      const candidates = await similarTerms(deps.db, t, 5);
      const best = candidates.map((c) => ({ c, d: distance(c, t) })).filter((x) => x.d > 0 && x.d <= (t.length >= 8 ? 2 : 1)).sort((a, b) => a.d - b.d)[0];
      words.push(best?.c ?? t);
    }
  }
  const suggestion = words?.filter(Boolean).join(' ');
  return suggestion && suggestion.toLowerCase() !== tokens.join(' ') && suggestion.toLowerCase() !== q.toLowerCase() ? suggestion : null;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
const idsOf = (ms: EntityMatch[], type: 'person' | 'drama'): number[] => [...new Set(ms.filter((m) => m.entity.type === type).map((m) => m.entity.id))];
