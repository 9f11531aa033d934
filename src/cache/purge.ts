// The one purge function. Services call it explicitly after a write that changes what pages show
// (a story saved or published, a comment approved, a person or drama edited, a schedule changed),
// naming the tags of what changed. Every page cache of this process listens (src/cache/page-cache
// registers itself), and with REDIS_URL the purge is also broadcast to the other processes
// (src/cache/purge-bus.ts). Nothing else purges: no hooks in the storage layer.

/** A tag names one thing a page depends on: `article:12`, `person:3`, `drama:1`, `home`, `schedule`. */
export type CacheTag = string;

type Listener = (tags: CacheTag[]) => void;
// Caches of this process, and broadcasters that carry a purge to other processes.
const caches = new Set<Listener>();
const broadcasters = new Set<Listener>();

/** Registers a cache of this process to hear every purge; returns the function that unregisters it. */
export function onLocalPurge(listener: Listener): () => void {
  caches.add(listener);
  return () => caches.delete(listener);
}

/** Registers a broadcaster (Redis, cluster IPC) for purges made in this process. */
export function onPurge(listener: Listener): () => void {
  broadcasters.add(listener);
  return () => broadcasters.delete(listener);
}

/** Drops every cached page that depends on any of `tags`, here and in every other process. */
export function purge(tags: CacheTag[]): void {
  if (tags.length === 0) return;
  for (const cache of caches) cache(tags);
  for (const broadcast of broadcasters) broadcast(tags);
}

/** Applies a purge that another process made, without sending it on again. */
export function applyRemotePurge(tags: CacheTag[]): void {
  for (const cache of caches) cache(tags);
}

// Two families of tags keep purges exact. `article:N`, `person:N`, `drama:N`, `home` and
// `schedule` name pages; `kb:person:N` and `kb:drama:N` name knowledge-base facts that many pages
// show (a person's name chip and "Also see" works on every story that names them).

/** What a story page depends on: the story, and the people and dramas it shows. */
export function articlePageTags(articleId: number, personIds: number[], dramaIds: number[]): CacheTag[] {
  return [`article:${articleId}`, ...personIds.map((id) => `kb:person:${id}`), ...dramaIds.map((id) => `kb:drama:${id}`)];
}

/** What a person's page depends on: the person (and their works), and the stories listed there. */
export function personPageTags(personId: number): CacheTag[] {
  return [`person:${personId}`, `kb:person:${personId}`];
}

/** What a drama's page depends on: the drama, its cast and schedule, and the stories listed there. */
export function dramaPageTags(dramaId: number): CacheTag[] {
  return [`drama:${dramaId}`, `kb:drama:${dramaId}`];
}

/** To purge after a story is saved, published or unpublished, or its comments change. */
export function articleChangedTags(articleId: number, related: { personIds?: number[]; dramaIds?: number[] } = {}): CacheTag[] {
  return [
    `article:${articleId}`,
    // Lists of stories: the front page, and the person and drama pages that list this one.
    'home',
    ...(related.personIds ?? []).map((id) => `person:${id}`),
    ...(related.dramaIds ?? []).map((id) => `drama:${id}`),
  ];
}

/** To purge after a person or drama of the knowledge base is edited (names, roles, schedule). */
export function entityChangedTags(type: 'person' | 'drama', id: number): CacheTag[] {
  return [`kb:${type}:${id}`, ...(type === 'drama' ? ['schedule'] : [])];
}
