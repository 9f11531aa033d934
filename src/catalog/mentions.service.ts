import type { Kysely } from 'kysely';
import { articleChangedTags, purge } from '../cache/purge.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { lockArticle } from './article-lock.js';
import { linkArticleEntities, refKey } from './linking.service.js';
import { describeEntities, listMentionReports, settleMentionReport } from './mention-reports.repository.js';
import type { NameIndex } from './names.js';

/** An open report as an editor reads it: the name and who it could be. */
export interface OpenMention {
  surface: string;
  createdAt: string;
  candidates: { ref: string; type: string; name: string; path: string; note: string }[];
}

async function findArticle(db: Kysely<Database>, slug: string) {
  const article = await db.selectFrom('articles').select(['id', 'slug', 'headline', 'dek', 'body']).where('slug', '=', slug).executeTakeFirst();
  if (!article) throw new DomainError(`No story has the slug "${slug}"`, 404, 'slug');
  return article;
}

/** The names in a story that still wait for an editor. */
export async function listOpenMentions(input: { articleSlug: string }, deps: { db: Kysely<Database> }): Promise<OpenMention[]> {
  const article = await findArticle(deps.db, input.articleSlug);
  const open = (await listMentionReports(deps.db, article.id)).filter((r) => r.settledRef === null);
  const described = await describeEntities(deps.db, open.flatMap((r) => r.candidates));
  return open.map((r) => ({
    surface: r.surface,
    createdAt: r.createdAt,
    candidates: r.candidates.flatMap((c) => {
      const d = described.get(refKey(c));
      // A candidate deleted from the knowledge base since the save is no longer a choice.
      return d ? [{ ref: refKey(c), type: c.type, ...d }] : [];
    }),
  }));
}

/**
 * Settles an ambiguous name: records the editor's choice and links the story again, so the chosen
 * entity is linked now and on every later save, and the report leaves the open list.
 */
export async function settleMention(
  input: { articleSlug: string; surface: string; ref: string },
  deps: { db: Kysely<Database>; clock: Clock; index: NameIndex },
): Promise<OpenMention[]> {
  const { db } = deps;
  const article = await findArticle(db, input.articleSlug);
  const surface = input.surface.replace(/\s+/g, ' ').trim();
  const report = (await listMentionReports(db, article.id)).find((r) => r.surface === surface);
  if (!report) throw new DomainError(`No name "${surface}" waits to be settled in this story`, 404, 'surface');
  if (!report.candidates.some((c) => refKey(c) === input.ref)) {
    throw new DomainError(`${input.ref} is not one of the entities "${surface}" can mean: ${report.candidates.map(refKey).join(', ')}`, 400, 'ref');
  }
  const now = deps.clock().toISOString();
  await db.transaction().execute(async (trx) => {
    await lockArticle(trx, article.id);
    await settleMentionReport(trx, { articleId: article.id, surface, ref: input.ref, now });
    await linkArticleEntities(trx, { articleId: article.id, story: { headline: article.headline, dek: article.dek, body: article.body }, index: deps.index, now });
  });
  // The settled name becomes a link, and the person's page now lists the story.
  const chosenPersonId = /^person:(\d+)$/.exec(input.ref)?.[1];
  purge(articleChangedTags(article.id, { personIds: chosenPersonId ? [Number(chosenPersonId)] : [] }));
  return listOpenMentions({ articleSlug: article.slug }, { db });
}
