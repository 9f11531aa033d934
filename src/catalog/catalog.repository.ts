import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

type Q = Kysely<Database>;

export async function findPersonBySlug(db: Q, slug: string) {
  return db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listPersonAliases(db: Q, personId: number): Promise<string[]> {
  const rows = await db.selectFrom('person_aliases').select('alias').where('person_id', '=', personId).orderBy('id').execute();
  return rows.map((r) => r.alias);
}

/** A person's works: each role with its drama, newest drama first. */
export async function listRolesOfPerson(db: Q, personId: number) {
  return db
    .selectFrom('roles')
    .innerJoin('dramas', 'dramas.id', 'roles.drama_id')
    .leftJoin('networks', 'networks.id', 'dramas.network_id')
    .select([
      'roles.id as role_id',
      'roles.character_name',
      'roles.billing',
      'dramas.id as drama_id',
      'dramas.slug as drama_slug',
      'dramas.title as drama_title',
      'dramas.year',
      'networks.name as network_name',
    ])
    .where('roles.person_id', '=', personId)
    .orderBy('dramas.year', 'desc')
    .orderBy('roles.billing_order')
    .execute();
}

export async function findDramaBySlug(db: Q, slug: string) {
  return db
    .selectFrom('dramas')
    .leftJoin('networks', 'networks.id', 'dramas.network_id')
    .selectAll('dramas')
    .select(['networks.name as network_name', 'networks.slug as network_slug', 'networks.time_zone as network_time_zone'])
    .where('dramas.slug', '=', slug)
    .executeTakeFirst();
}

export async function listDramaAliases(db: Q, dramaId: number): Promise<string[]> {
  const rows = await db.selectFrom('drama_aliases').select('alias').where('drama_id', '=', dramaId).orderBy('id').execute();
  return rows.map((r) => r.alias);
}

/** Cast list in billing order. */
export async function listCast(db: Q, dramaId: number) {
  return db
    .selectFrom('roles')
    .innerJoin('people', 'people.id', 'roles.person_id')
    .select([
      'roles.id as role_id',
      'roles.character_name',
      'roles.billing',
      'roles.billing_order',
      'people.id as person_id',
      'people.slug as person_slug',
      'people.display_name',
      'people.hangul_name',
    ])
    .where('roles.drama_id', '=', dramaId)
    .orderBy('roles.billing_order')
    .orderBy('people.display_name')
    .execute();
}

export async function listRoleAliases(db: Q, roleIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (roleIds.length === 0) return out;
  const rows = await db.selectFrom('role_aliases').select(['role_id', 'alias']).where('role_id', 'in', roleIds).orderBy('id').execute();
  for (const r of rows) out.set(r.role_id, [...(out.get(r.role_id) ?? []), r.alias]);
  return out;
}

export async function listPlatforms(db: Q, dramaId: number) {
  return db.selectFrom('drama_platforms').select(['platform', 'url']).where('drama_id', '=', dramaId).orderBy('platform').execute();
}

export async function listSlots(db: Q, dramaId: number) {
  return db.selectFrom('schedule_slots').select(['weekday', 'local_time']).where('drama_id', '=', dramaId).orderBy('weekday').orderBy('local_time').execute();
}

/** Paged lists for the API. */
export async function listPeople(db: Q, limit: number, offset: number) {
  return db.selectFrom('people').select(['id', 'slug', 'display_name', 'hangul_name']).orderBy('display_name').limit(limit).offset(offset).execute();
}
export async function listDramas(db: Q, limit: number, offset: number) {
  return db
    .selectFrom('dramas')
    .leftJoin('networks', 'networks.id', 'dramas.network_id')
    .select(['dramas.id', 'dramas.slug', 'dramas.title', 'dramas.native_title', 'dramas.year', 'networks.name as network_name'])
    .orderBy('dramas.year', 'desc')
    .orderBy('dramas.title')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * Everything the name finder needs, in six small queries. The app keeps the index built from them
 * (AppContext.names): any write to people, person_aliases, dramas, drama_aliases, roles or
 * role_aliases must call ctx.names.invalidate() after it commits, or new names go unlinked.
 */
export async function loadNameSources(db: Q) {
  const [people, personAliases, dramas, dramaAliases, roles, roleAliases] = await Promise.all([
    db.selectFrom('people').select(['id', 'slug', 'display_name', 'hangul_name']).execute(),
    db.selectFrom('person_aliases').select(['person_id', 'alias']).execute(),
    db.selectFrom('dramas').select(['id', 'slug', 'title', 'native_title']).execute(),
    db.selectFrom('drama_aliases').select(['drama_id', 'alias']).execute(),
    db.selectFrom('roles').select(['id', 'person_id', 'drama_id', 'character_name']).execute(),
    db.selectFrom('role_aliases').select(['role_id', 'alias']).execute(),
  ]);
  return { people, personAliases, dramas, dramaAliases, roles, roleAliases };
}
export type NameSources = Awaited<ReturnType<typeof loadNameSources>>;
