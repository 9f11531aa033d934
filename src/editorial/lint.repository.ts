import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { loadNameSources, type NameSources } from '../catalog/catalog.repository.js';

/** What the linter's knowledge base is built from: the linker's name sources plus pronouns. */
export type LintSources = NameSources & { pronouns: { id: number; pronouns: string | null }[] };

export async function loadLintSources(db: Kysely<Database>): Promise<LintSources> {
  const [names, pronouns] = await Promise.all([
    loadNameSources(db),
    db.selectFrom('people').select(['id', 'pronouns']).where('pronouns', 'is not', null).execute(),
  ]);
  return { ...names, pronouns };
}
