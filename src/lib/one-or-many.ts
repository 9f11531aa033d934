// Map values for large in-memory indexes (the search lexicon, the entity-linking name index): most
// keys name exactly one thing, so a key holds that one item and becomes an array only when a
// second arrives. At 1M stories that saved an array per name, several MB of heap. T is never
// itself an array.

export type OneOrMany<T> = T | T[];

/** The items under a key, as a list (the stored array itself, or a new one-item array). */
export function listOf<T>(value: OneOrMany<T> | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Appends `item` under `key`; the caller knows it is not there yet. An array grows in place. */
export function appendTo<K, T>(map: Map<K, OneOrMany<T>>, key: K, item: T): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, item);
  else if (Array.isArray(known)) known.push(item);
  else map.set(key, [known, item]);
}

/** Adds `item` under `key` unless an item there is the same (`isSame`; by default the same value). */
export function addTo<K, T>(map: Map<K, OneOrMany<T>>, key: K, item: T, isSame?: (a: T, b: T) => boolean): void {
  const known = listOf(map.get(key));
  if (!(isSame ? known.some((k) => isSame(k, item)) : known.includes(item))) appendTo(map, key, item);
}
