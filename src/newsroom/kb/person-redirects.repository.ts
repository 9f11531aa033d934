import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

/** The slug of the person a merged-away person's old slug now leads to, if any. */
export async function findPersonRedirect(db: Kysely<Database>, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('person_redirects')
    .innerJoin('people', 'people.id', 'person_redirects.person_id')
    .select('people.slug')
    .where('person_redirects.old_slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.slug;
}
