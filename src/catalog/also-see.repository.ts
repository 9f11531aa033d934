import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { AlsoSeeCandidate, AlsoSeeOverride } from './also-see.rank.js';
import type { AlsoSeeAction } from './also-see.table.js';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The people a story names and the dramas it is about. A role counts for both: "Park Jae Eon"
 * in a story names Song Kang and makes it a story about *Nevertheless*.
 */
export async function listStoryEntityIds(db: Q, articleId: number): Promise<{ personIds: Set<number>; dramaIds: Set<number> }> {
  const [people, dramas, roles] = await Promise.all([
    db.selectFrom('article_people').select('person_id').where('article_id', '=', articleId).execute(),
    db.selectFrom('article_dramas').select('drama_id').where('article_id', '=', articleId).execute(),
    db
      .selectFrom('article_roles')
      .innerJoin('roles', 'roles.id', 'article_roles.role_id')
      .select(['roles.person_id', 'roles.drama_id'])
      .where('article_roles.article_id', '=', articleId)
      .execute(),
  ]);
  return {
    personIds: new Set([...people.map((r) => r.person_id), ...roles.map((r) => r.person_id)]),
    dramaIds: new Set([...dramas.map((r) => r.drama_id), ...roles.map((r) => r.drama_id)]),
  };
}

/** Every role of these people, with its drama, outside the given dramas. */
export async function listRolesForAlsoSee(db: Q, personIds: number[], excludeDramaIds: number[]): Promise<AlsoSeeCandidate[]> {
  if (personIds.length === 0) return [];
  let q = db
    .selectFrom('roles')
    .innerJoin('people', 'people.id', 'roles.person_id')
    .innerJoin('dramas', 'dramas.id', 'roles.drama_id')
    .leftJoin('networks', 'networks.id', 'dramas.network_id')
    .select([
      'people.id as personId',
      'people.slug as personSlug',
      'people.display_name as personName',
      'dramas.id as dramaId',
      'dramas.slug as dramaSlug',
      'dramas.title as dramaTitle',
      'dramas.native_title as nativeTitle',
      'dramas.year',
      'dramas.poster_url as posterUrl',
      'networks.name as networkName',
      'roles.character_name as character',
      'roles.billing',
      'roles.billing_order as billingOrder',
    ])
    .where('roles.person_id', 'in', personIds);
  if (excludeDramaIds.length) q = q.where('roles.drama_id', 'not in', excludeDramaIds);
  return q.execute();
}

/** The first streaming service of each drama (by name), for the "on Netflix" note. */
export async function listFirstPlatforms(db: Q, dramaIds: number[]): Promise<Map<number, { platform: string; url: string }>> {
  const out = new Map<number, { platform: string; url: string }>();
  if (dramaIds.length === 0) return out;
  const rows = await db
    .selectFrom('drama_platforms')
    .select(['drama_id', 'platform', 'url'])
    .where('drama_id', 'in', dramaIds)
    .orderBy('drama_id')
    .orderBy('platform')
    .execute();
  for (const r of rows) if (!out.has(r.drama_id)) out.set(r.drama_id, { platform: r.platform, url: r.url });
  return out;
}

export async function listAlsoSeeOverrides(db: Q, articleId: number): Promise<AlsoSeeOverride[]> {
  return db
    .selectFrom('also_see_overrides')
    .select(['person_id as personId', 'drama_id as dramaId', 'action', 'position'])
    .where('article_id', '=', articleId)
    .orderBy('action', 'desc')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The overrides with the slugs and names an editor reads. */
export async function listAlsoSeeOverridesForEditor(db: Q, articleId: number) {
  return db
    .selectFrom('also_see_overrides')
    .innerJoin('people', 'people.id', 'also_see_overrides.person_id')
    .innerJoin('dramas', 'dramas.id', 'also_see_overrides.drama_id')
    .select(['people.slug as person', 'people.display_name as personName', 'dramas.slug as drama', 'dramas.title as dramaTitle', 'also_see_overrides.action', 'also_see_overrides.position'])
    .where('also_see_overrides.article_id', '=', articleId)
    .orderBy('also_see_overrides.action', 'desc')
    .orderBy('also_see_overrides.position')
    .orderBy('also_see_overrides.id')
    .execute();
}

/** Replaces all overrides of an article; the caller holds the transaction. */
export async function replaceAlsoSeeOverrides(
  trx: Transaction<Database>,
  articleId: number,
  rows: { personId: number; dramaId: number; action: AlsoSeeAction; position: number }[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('also_see_overrides').where('article_id', '=', articleId).execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('also_see_overrides')
    .values(rows.map((r) => ({ article_id: articleId, person_id: r.personId, drama_id: r.dramaId, action: r.action, position: r.position, created_at: now })))
    .execute();
}

/** People and dramas by slug, for checking an editor's request. */
export async function findPeopleBySlugs(db: Q, slugs: string[]) {
  if (slugs.length === 0) return [];
  return db.selectFrom('people').select(['id', 'slug', 'display_name']).where('slug', 'in', slugs).execute();
}
export async function findDramasBySlugs(db: Q, slugs: string[]) {
  if (slugs.length === 0) return [];
  return db.selectFrom('dramas').select(['id', 'slug', 'title']).where('slug', 'in', slugs).execute();
}

/** Which of these person × drama pairs have a role; keys are `personId:dramaId`. */
export async function findRolePairs(db: Q, personIds: number[], dramaIds: number[]): Promise<Set<string>> {
  if (personIds.length === 0 || dramaIds.length === 0) return new Set();
  const rows = await db.selectFrom('roles').select(['person_id', 'drama_id']).where('person_id', 'in', personIds).where('drama_id', 'in', dramaIds).execute();
  return new Set(rows.map((r) => `${r.person_id}:${r.drama_id}`));
}
