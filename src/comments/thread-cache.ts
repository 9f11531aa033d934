// The rendered comment thread of a story page, kept between renders. A story with hundreds of
// comments spends most of an uncached render (a reader with a personal cookie: a vote, saved name)
// on reading, formatting and rendering the same thread again; here it is rendered once per change.
//
// An entry is used only while both of these still hold, checked on every render:
// - no purge has named the story since it was rendered: every visible comment change calls
//   commentsChanged() (src/comments/freshness.ts), whose purge reaches every process (cluster IPC,
//   Redis) and is heard here through onLocalPurge;
// - the story's comments look the same in storage: the same count, newest id and latest
//   updated_at (every change to a comment sets updated_at). This catches writes that reach no
//   purge bus, e.g. the CLI run against the database of a server without Redis.
// Only what every reader sees is kept: a reader whose own comment on the story awaits moderation
// gets the thread rendered for them (src/comments/comments.page.tsx).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { onLocalPurge } from '../cache/purge.js';
import type { PublicComment } from './comments.repository.js';

/** Counts of a story's comments, and a signature that changes with any change to them. */
export interface ThreadFacts {
  approved: number;
  approvedTopLevel: number;
  signature: string;
}

/** One query for the header count, the paging count and the signature. */
export async function threadFacts(db: Kysely<Database>, articleId: number): Promise<ThreadFacts> {
  const result = await sql<{ n: number | string; approved: number | string | null; top: number | string | null; last_id: number | string | null; changed: string | null }>`
    select count(*) as n,
      sum(case when status = 'approved' then 1 else 0 end) as approved,
      sum(case when status = 'approved' and parent_id is null then 1 else 0 end) as top,
      max(id) as last_id,
      max(updated_at) as changed
    from comments where article_id = ${articleId}`.execute(db);
  const r = result.rows[0];
  return {
    approved: Number(r?.approved ?? 0),
    approvedTopLevel: Number(r?.top ?? 0),
    signature: `${Number(r?.n ?? 0)}/${Number(r?.last_id ?? 0)}/${r?.changed ?? ''}`,
  };
}

/** Ids among `ids` of the reader's comments on this story that still await moderation. */
export async function ownPendingOn(db: Kysely<Database>, articleId: number, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('comments').select('id').where('article_id', '=', articleId).where('status', '=', 'pending').where('id', 'in', ids).execute();
  return rows.map((r) => Number(r.id));
}

export interface CachedThread {
  /** The thread's HTML as UTF-8: spliced into the page as bytes, never turned back into a string. */
  html: Buffer;
  picks: PublicComment[];
}

interface Entry extends CachedThread {
  version: string;
  bytes: number;
}

/** Most bytes of thread HTML kept per database (a 500-comment page is about 0.5 MB). */
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 2000;

// Per database (tests run several apps in one process), in least-recently-used order.
const caches = new WeakMap<object, { entries: Map<string, Entry>; bytes: number }>();

// A story's generation moves on with every purge that names it; a counter shared by all stories,
// so that a generation never repeats. A story never purged is at `floor`. The map is bounded: when
// it is full it is emptied and the floor raised past every generation handed out, so every story
// moves on at once (each cached thread is rendered again once) and no generation ever goes back.
export const MAX_GENERATIONS = 50_000;
let counter = 0;
let floor = 0;
const generations = new Map<number, number>();
onLocalPurge((tags) => {
  for (const tag of tags) {
    if (tag.startsWith('article:')) {
      const id = Number(tag.slice('article:'.length));
      if (!Number.isInteger(id)) continue;
      if (generations.size >= MAX_GENERATIONS && !generations.has(id)) {
        generations.clear();
        floor = ++counter;
      }
      generations.set(id, ++counter);
    }
  }
});

/** The story's purge generation; read it before reading the comments the entry is built from. */
export function threadGeneration(articleId: number): number {
  return generations.get(articleId) ?? floor;
}

/** How many stories have a generation of their own (for tests). */
export function trackedGenerations(): number {
  return generations.size;
}

/** What decides the HTML of one page of the thread, apart from the comments themselves. */
export interface ThreadKey {
  articleId: number;
  slug: string;
  page: number;
  perPage: number;
  threadDepth: number;
  open: boolean;
}

function keyOf(k: ThreadKey): string {
  return `${k.articleId}|${k.page}|${k.perPage}|${k.threadDepth}|${k.open ? 1 : 0}|${k.slug}`;
}

export function getCachedThread(db: object, key: ThreadKey, version: string): CachedThread | undefined {
  const cache = caches.get(db);
  const k = keyOf(key);
  const entry = cache?.entries.get(k);
  if (!cache || !entry) return undefined;
  cache.entries.delete(k);
  if (entry.version !== version) {
    cache.bytes -= entry.bytes;
    return undefined;
  }
  cache.entries.set(k, entry);
  return entry;
}

export function putCachedThread(db: object, key: ThreadKey, version: string, thread: CachedThread): void {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), bytes: 0 }));
  const k = keyOf(key);
  const old = cache.entries.get(k);
  if (old) {
    cache.entries.delete(k);
    cache.bytes -= old.bytes;
  }
  const bytes = thread.html.length + thread.picks.reduce((n, p) => n + p.body.length * 2 + 200, 0);
  if (bytes > MAX_BYTES / 4) return;
  cache.entries.set(k, { ...thread, version, bytes });
  cache.bytes += bytes;
  for (const [oldKey, e] of cache.entries) {
    if (cache.bytes <= MAX_BYTES && cache.entries.size <= MAX_ENTRIES) break;
    cache.entries.delete(oldKey);
    cache.bytes -= e.bytes;
  }
}
