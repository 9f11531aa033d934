import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { NameIndex } from '../catalog/names.js';
import { buildLintKb, type LintKb } from './kb.js';
import { loadLintSources } from './lint.repository.js';

export async function loadLintKb(db: Kysely<Database>): Promise<LintKb> {
  return buildLintKb(await loadLintSources(db));
}

// One linter index per name index: the app rebuilds its NameIndex after every catalog write
// (AppContext.names.invalidate), so keying on it rebuilds this one at the same moments, and a
// dropped NameIndex lets its linter index go with it.
const byNameIndex = new WeakMap<NameIndex, Promise<LintKb>>();

/** The linter's knowledge base for the app's current name index, built once per index. */
export function lintKbFor(deps: { db: Kysely<Database>; names: { get(): Promise<NameIndex> } }): Promise<LintKb> {
  return deps.names.get().then((index) => {
    let kb = byNameIndex.get(index);
    if (!kb) {
      kb = loadLintKb(deps.db);
      byNameIndex.set(index, kb);
      kb.catch(() => byNameIndex.delete(index));
    }
    return kb;
  });
}
