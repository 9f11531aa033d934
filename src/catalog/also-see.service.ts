import type { Kysely } from 'kysely';
import { purge } from '../cache/purge.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { lockArticle } from './article-lock.js';
import { ALSO_SEE_LIMIT, rankAlsoSee, type AlsoSeeEntry } from './also-see.rank.js';
import type { AlsoSeeAction } from './also-see.table.js';
import {
  findDramasBySlugs,
  findPeopleBySlugs,
  findRolePairs,
  listAlsoSeeOverrides,
  listAlsoSeeOverridesForEditor,
  listFirstPlatforms,
  listRolesForAlsoSee,
  listStoryEntityIds,
  replaceAlsoSeeOverrides,
} from './also-see.repository.js';

/** An entry of the box with where to watch it, when a streaming service carries it. */
export type AlsoSeeItem = AlsoSeeEntry & { watch: { platform: string; url: string } | null };

/** More than this many decisions for one box is a mistake in the request, not editing. */
export const MAX_ALSO_SEE_OVERRIDES = 50;

/** The "Also see" box of a story, computed from the graph and the editors' pins and hides. */
export async function loadAlsoSee(input: { articleId: number }, deps: { db: Kysely<Database> }): Promise<AlsoSeeItem[]> {
  const { db } = deps;
  const [story, overrides] = await Promise.all([listStoryEntityIds(db, input.articleId), listAlsoSeeOverrides(db, input.articleId)]);
  // A pin may name someone the story does not (an editor's cross-promotion), so load them too.
  const personIds = new Set([...story.personIds, ...overrides.filter((o) => o.action === 'pin').map((o) => o.personId)]);
  const candidates = await listRolesForAlsoSee(db, [...personIds], [...story.dramaIds]);
  const entries = rankAlsoSee({ candidates, namedPersonIds: story.personIds, storyDramaIds: story.dramaIds, overrides });
  const platforms = await listFirstPlatforms(db, entries.map((e) => e.drama.dramaId));
  return entries.map((e) => ({ ...e, watch: platforms.get(e.drama.dramaId) ?? null }));
}

async function findArticle(db: Kysely<Database>, slug: string) {
  const article = await db.selectFrom('articles').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
  if (!article) throw new DomainError(`No story has the slug "${slug}"`, 404, 'slug');
  return article;
}

/** What an editor sees: the box as readers get it, and the decisions behind it. */
export async function getAlsoSeeForEditor(input: { articleSlug: string }, deps: { db: Kysely<Database> }) {
  const article = await findArticle(deps.db, input.articleSlug);
  const [entries, overrides] = await Promise.all([loadAlsoSee({ articleId: article.id }, deps), listAlsoSeeOverridesForEditor(deps.db, article.id)]);
  return { entries, overrides };
}

/** One decision as an editor sends it: slugs, not ids. */
export interface AlsoSeeOverrideInput {
  person: string;
  drama: string;
  action: AlsoSeeAction;
}

/**
 * Replaces the editors' decisions for a story's box: pins in the order given (that order is the
 * order in the box), hides in any order. An empty list clears them. Every decision is checked
 * before anything is written, so a bad request changes nothing.
 */
export async function setAlsoSeeOverrides(
  input: { articleSlug: string; overrides: AlsoSeeOverrideInput[] },
  deps: { db: Kysely<Database>; clock: Clock },
) {
  const { db } = deps;
  const article = await findArticle(db, input.articleSlug);
  const list = input.overrides;
  if (list.length > MAX_ALSO_SEE_OVERRIDES) throw new DomainError(`At most ${MAX_ALSO_SEE_OVERRIDES} overrides per story`, 400, 'overrides');
  const pinCount = list.filter((o) => o.action === 'pin').length;
  if (pinCount > ALSO_SEE_LIMIT) throw new DomainError(`At most ${ALSO_SEE_LIMIT} pins: the box shows ${ALSO_SEE_LIMIT} entries`, 400, 'overrides');

  const [people, dramas, story] = await Promise.all([
    findPeopleBySlugs(db, [...new Set(list.map((o) => o.person))]),
    findDramasBySlugs(db, [...new Set(list.map((o) => o.drama))]),
    listStoryEntityIds(db, article.id),
  ]);
  const personBySlug = new Map(people.map((p) => [p.slug, p]));
  const dramaBySlug = new Map(dramas.map((d) => [d.slug, d]));
  const pairs = await findRolePairs(db, people.map((p) => p.id), dramas.map((d) => d.id));

  const rows: { personId: number; dramaId: number; action: AlsoSeeAction; position: number }[] = [];
  const seen = new Set<string>();
  list.forEach((o, i) => {
    const where = `overrides[${i}]`;
    const person = personBySlug.get(o.person);
    if (!person) throw new DomainError(`${where}: no person has the slug "${o.person}"`, 400, 'overrides');
    const drama = dramaBySlug.get(o.drama);
    if (!drama) throw new DomainError(`${where}: no drama has the slug "${o.drama}"`, 400, 'overrides');
    const key = `${person.id}:${drama.id}`;
    if (!pairs.has(key)) throw new DomainError(`${where}: ${person.display_name} has no role in ${drama.title}`, 400, 'overrides');
    if (seen.has(key)) throw new DomainError(`${where}: ${person.display_name} in ${drama.title} is listed twice`, 400, 'overrides');
    if (o.action === 'pin' && story.dramaIds.has(drama.id)) {
      throw new DomainError(`${where}: ${drama.title} is what this story is about; the box suggests other works`, 400, 'overrides');
    }
    seen.add(key);
    rows.push({ personId: person.id, dramaId: drama.id, action: o.action, position: 0 });
  });
  let position = 0;
  for (const r of rows) if (r.action === 'pin') r.position = ++position;

  const now = deps.clock().toISOString();
  await db.transaction().execute(async (trx) => {
    await lockArticle(trx, article.id);
    await replaceAlsoSeeOverrides(trx, article.id, rows, now);
  });
  purge([`article:${article.id}`]);
  return getAlsoSeeForEditor({ articleSlug: article.slug }, { db });
}

/** Forgets every pin and hide of a story: the box is computed from the graph alone again. */
export async function clearAlsoSeeOverrides(input: { articleSlug: string }, deps: { db: Kysely<Database>; clock: Clock }) {
  return setAlsoSeeOverrides({ articleSlug: input.articleSlug, overrides: [] }, deps);
}
