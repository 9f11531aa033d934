import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { loadNameSources } from './catalog.repository.js';
import { NameIndex, type EntityRef, type Mention } from './names.js';

/** What linking an article found: the entities now linked, and names an editor must settle. */
export interface LinkResult {
  linked: EntityRef[];
  /** Mentions whose name fits two or more people (or dramas); nothing was linked for them. */
  ambiguous: Mention[];
}

export async function buildNameIndex(db: Kysely<Database>): Promise<NameIndex> {
  return new NameIndex(await loadNameSources(db));
}

/** Splits mentions into settled entities and ambiguous ones. */
export function resolveMentions(mentions: Mention[]): LinkResult {
  const linked = new Map<string, EntityRef>();
  const ambiguous: Mention[] = [];
  for (const m of mentions) {
    const byType = new Map<string, EntityRef[]>();
    for (const c of m.candidates) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
    // A name that is both a role and a person is fine (different kinds); two people is not.
    if ([...byType.values()].some((list) => list.length > 1)) {
      ambiguous.push(m);
      continue;
    }
    for (const c of m.candidates) linked.set(`${c.type}:${c.id}`, c);
  }
  return { linked: [...linked.values()], ambiguous };
}

/**
 * Replaces the article's entity links with the names found in its text. Called in the same
 * transaction as the article save, so a story and its links never disagree.
 */
export async function linkArticleEntities(
  trx: Transaction<Database> | Kysely<Database>,
  input: { articleId: number; text: string; index: NameIndex },
): Promise<LinkResult> {
  const result = resolveMentions(input.index.find(input.text));
  const { articleId } = input;
  await trx.deleteFrom('article_people').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_dramas').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_roles').where('article_id', '=', articleId).execute();
  const people = result.linked.filter((e) => e.type === 'person').map((e) => ({ article_id: articleId, person_id: e.id }));
  const dramas = result.linked.filter((e) => e.type === 'drama').map((e) => ({ article_id: articleId, drama_id: e.id }));
  const roles = result.linked.filter((e) => e.type === 'role').map((e) => ({ article_id: articleId, role_id: e.id }));
  if (people.length) await trx.insertInto('article_people').values(people).execute();
  if (dramas.length) await trx.insertInto('article_dramas').values(dramas).execute();
  if (roles.length) await trx.insertInto('article_roles').values(roles).execute();
  return result;
}
