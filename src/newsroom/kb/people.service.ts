// Knowledge-base edits from the newsroom: a person's names, and merging two records of one person.
// Each write logs to the editorial log in its transaction; the caller then invalidates the name index.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../../lib/errors.js';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { entityChangedTags, purge } from '../../cache/purge.js';

type Deps = { db: Kysely<Database>; clock: Clock; user: StaffPrincipal };

export interface PersonEdit {
  displayName: string;
  hangulName: string;
  bio: string;
  /** Other spellings, one per entry. */
  aliases: string[];
}

export async function updatePerson(input: { id: number; edit: PersonEdit }, deps: Deps): Promise<void> {
  const e = input.edit;
  if (!e.displayName.trim()) throw new DomainError('The name must not be empty.', 400, 'displayName');
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('people').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new DomainError('No person has that id.', 404);
    await trx.updateTable('people').set({ display_name: e.displayName.trim(), hangul_name: e.hangulName.trim() || null, bio: e.bio.trim(), updated_at: now }).where('id', '=', input.id).execute();
    await trx.deleteFrom('person_aliases').where('person_id', '=', input.id).execute();
    const aliases = [...new Set(e.aliases.map((a) => a.trim()).filter(Boolean))];
    if (aliases.length) await trx.insertInto('person_aliases').values(aliases.map((alias) => ({ person_id: input.id, alias }))).execute();
    await trx.insertInto('editorial_log').values({ staff_user_id: deps.user.id, actor: deps.user.email, action: 'person.update', target_type: 'person', target_id: input.id, detail: JSON.stringify({ before: { displayName: before.display_name, hangulName: before.hangul_name, bio: before.bio }, after: e }), created_at: now }).execute();
  });
  purge(entityChangedTags('person', input.id));
}

/**
 * Merges `fromId` into `intoId` (two records that turn out to be one person): every article link,
 * role and alias of the one moves to the other, the old name stays as an alias, then the old
 * record goes. Links both had are kept once.
 */
export async function mergePeople(input: { fromId: number; intoId: number }, deps: Deps): Promise<void> {
  if (input.fromId === input.intoId) throw new DomainError('Choose two different people to merge.', 400);
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const from = await trx.selectFrom('people').selectAll().where('id', '=', input.fromId).executeTakeFirst();
    const into = await trx.selectFrom('people').selectAll().where('id', '=', input.intoId).executeTakeFirst();
    if (!from || !into) throw new DomainError('Both people must exist.', 404);
    const articles = await trx.selectFrom('article_people').select('article_id').where('person_id', '=', from.id).execute();
    for (const a of articles) await trx.insertInto('article_people').values({ article_id: a.article_id, person_id: into.id }).onConflict((oc) => oc.doNothing()).execute();
    const roles = await trx.selectFrom('roles').selectAll().where('person_id', '=', from.id).execute();
    for (const r of roles) {
      const same = await trx.selectFrom('roles').select('id').where('person_id', '=', into.id).where('drama_id', '=', r.drama_id).where('character_name', '=', r.character_name).executeTakeFirst();
      if (!same) {
        await trx.updateTable('roles').set({ person_id: into.id }).where('id', '=', r.id).execute();
        continue;
      }
      // The same role twice: keep one, with the links and aliases of both.
      for (const l of await trx.selectFrom('article_roles').select('article_id').where('role_id', '=', r.id).execute()) {
        await trx.insertInto('article_roles').values({ article_id: l.article_id, role_id: same.id }).onConflict((oc) => oc.doNothing()).execute();
      }
      for (const al of await trx.selectFrom('role_aliases').select('alias').where('role_id', '=', r.id).execute()) {
        await trx.insertInto('role_aliases').values({ role_id: same.id, alias: al.alias }).onConflict((oc) => oc.doNothing()).execute();
      }
      await trx.deleteFrom('roles').where('id', '=', r.id).execute();
    }
    const aliases = (await trx.selectFrom('person_aliases').select('alias').where('person_id', '=', from.id).execute()).map((a) => a.alias);
    for (const alias of new Set([...aliases, from.display_name].filter((a) => a !== into.display_name))) {
      await trx.insertInto('person_aliases').values({ person_id: into.id, alias }).onConflict((oc) => oc.doNothing()).execute();
    }
    // The removed record's page, and any pages merged into it before, now lead to the kept one.
    await trx.updateTable('person_redirects').set({ person_id: into.id }).where('person_id', '=', from.id).execute();
    await trx.insertInto('person_redirects').values({ old_slug: from.slug, person_id: into.id, created_at: now }).onConflict((oc) => oc.column('old_slug').doUpdateSet({ person_id: into.id, created_at: now })).execute();
    await trx.deleteFrom('people').where('id', '=', from.id).execute();
    await trx.insertInto('editorial_log').values({ staff_user_id: deps.user.id, actor: deps.user.email, action: 'person.merge', target_type: 'person', target_id: into.id, detail: JSON.stringify({ merged: { id: from.id, slug: from.slug, displayName: from.display_name }, articles: articles.length, roles: roles.length }), created_at: now }).execute();
  });
  purge([...entityChangedTags('person', input.intoId), ...entityChangedTags('person', input.fromId), `person:${input.fromId}`]);
}
